package dev.peregrine.journal.backtest;

import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Requested against filled: what the orders asked for, what the venue gave, and the market orders it cut
 * short. One tally feeds the backtest summary and the report, so both show the same fill ratio and the
 * same warnings. Primitive fields only: nothing allocated per order or fill.
 *
 * <p>Quantities are summed in base units over all products (a data-file backtest has one). A requested
 * notional prices a limit order at its limit and a market order at the mid its decision saw; an order with
 * neither adds to the requested quantity but not to the requested notional.
 */
public final class FillTally
{
    /** Below this share filled, a summary says loudly that orders were cut short. */
    public static final double LOUD_FILL_RATIO = 0.95;

    private long requestedQuantity;
    private long filledQuantity;
    private double requestedNotional;
    private double filledNotional;
    private long marketOrdersCutShort;
    private long quantityCutShort;

    /** The price an order's requested notional is counted at: its limit, else the decision's mid, else 0. */
    public static long requestPrice(final long limitPrice, final long decisionBid, final long decisionAsk)
    {
        if (limitPrice > 0)
        {
            return limitPrice;
        }
        return decisionBid > 0 && decisionAsk > 0 ? decisionBid + (decisionAsk - decisionBid) / 2 : 0;
    }

    /** An order sent, of {@code quantity} priced at {@link #requestPrice} (0 = unknown); both scaled. */
    public void onOrder(final long quantity, final long price)
    {
        requestedQuantity += quantity;
        requestedNotional += FixedPoint.toDouble(quantity) * FixedPoint.toDouble(price);
    }

    public void onFill(final long quantity, final long price)
    {
        filledQuantity += quantity;
        filledNotional += FixedPoint.toDouble(quantity) * FixedPoint.toDouble(price);
    }

    /**
     * The unfilled rest of an order ended without filling: a market order's cancelled remainder, or an
     * order expired. A limit order cancelled on request is the strategy's choice, not counted here.
     */
    public void onCutShort(final long leavesQuantity)
    {
        if (leavesQuantity > 0)
        {
            marketOrdersCutShort++;
            quantityCutShort += leavesQuantity;
        }
    }

    public long requestedQuantity()
    {
        return requestedQuantity;
    }

    public long filledQuantity()
    {
        return filledQuantity;
    }

    public double requestedNotional()
    {
        return requestedNotional;
    }

    public double filledNotional()
    {
        return filledNotional;
    }

    public long ordersCutShort()
    {
        return marketOrdersCutShort;
    }

    public long quantityCutShort()
    {
        return quantityCutShort;
    }

    /** Filled over requested quantity; NaN when nothing was requested. */
    public double fillRatio()
    {
        return requestedQuantity == 0 ? Double.NaN : (double)filledQuantity / requestedQuantity;
    }

    /** Requested and filled, in one line. */
    public String describe()
    {
        return String.format(Locale.ROOT, "requested %s (notional %.2f), filled %s (notional %.2f), fill ratio %s",
            FixedPoint.toString(requestedQuantity), requestedNotional, FixedPoint.toString(filledQuantity),
            filledNotional, percent(fillRatio()));
    }

    /**
     * Lines that start with {@code WARNING:} when the results cannot be taken at face value: orders cut
     * short (fill ratio under {@link #LOUD_FILL_RATIO}, or any market order cut short), or more rejects
     * than orders placed. Empty when neither.
     */
    public List<String> warnings(final long ordersPlaced, final long rejects, final String fillModel)
    {
        final List<String> lines = new ArrayList<>(2);
        final double ratio = fillRatio();
        if (marketOrdersCutShort > 0 || ratio < LOUD_FILL_RATIO)
        {
            lines.add(String.format(Locale.ROOT, "WARNING: orders were cut short: %s of %s requested filled (fill " +
                "ratio %s); %,d market orders ended with %s unfilled under the %s fill model (see --fill-model)",
                FixedPoint.toString(filledQuantity), FixedPoint.toString(requestedQuantity), percent(ratio),
                marketOrdersCutShort, FixedPoint.toString(quantityCutShort), fillModel));
        }
        if (rejects > ordersPlaced)
        {
            lines.add(String.format(Locale.ROOT, "WARNING: rejects outnumber orders placed: %,d rejects, %,d orders; " +
                "the results say little about the strategy until the rejects are understood", rejects, ordersPlaced));
        }
        return lines;
    }

    static String percent(final double ratio)
    {
        return Double.isNaN(ratio) ? "n/a (no orders)" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
