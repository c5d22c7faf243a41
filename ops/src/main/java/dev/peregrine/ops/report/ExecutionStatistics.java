package dev.peregrine.ops.report;

import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.journal.backtest.FillTally;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts and sums about orders and fills, streamed:
 *
 * <ul>
 *   <li>turnover: traded notional (sum of |price x quantity| of every fill) over the starting capital</li>
 *   <li>slippage: sum of each fill's cost against the mid its order's decision saw (see {@link Fill});
 *   in bps, that sum over the notional of the fills that had a mid. Fills whose decision saw no two-sided
 *   book are counted in {@link #fillsWithoutMid()} and left out of both.</li>
 *   <li>fill rate of limit orders: quantity filled on limit orders over the quantity they asked for;
 *   also how many limit orders filled at all and how many completely.</li>
 *   <li>requested against filled, over all orders ({@link FillTally}, the backtest summary's numbers).</li>
 * </ul>
 */
public final class ExecutionStatistics
{
    private long orders;
    private long marketOrders;
    private long limitOrders;
    private long limitQuantity;
    private long limitFilledQuantity;
    private long limitOrdersFilled;
    private long limitOrdersFullyFilled;
    private long fills;
    private double tradedNotional;
    private double fees;
    private double slippage;
    private double slippageNotional;
    private long fillsWithoutMid;
    private long cancels;
    private long expired;
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private final FillTally fillTally = new FillTally();

    /** Requested against filled quantity and notional, and the market orders cut short. */
    public FillTally fillTally()
    {
        return fillTally;
    }

    public void onOrder(final boolean limit, final long scaledQuantity)
    {
        orders++;
        if (limit)
        {
            limitOrders++;
            limitQuantity += scaledQuantity;
        }
        else
        {
            marketOrders++;
        }
    }

    /**
     * A fill. For a fill of a limit order, {@code filledBefore} and {@code orderQuantity} (scaled) say
     * whether it is the order's first fill and whether it completes it.
     */
    public void onFill(final Fill fill, final boolean limit, final long scaledQuantity, final long filledBefore,
        final long orderQuantity)
    {
        fills++;
        final double notional = Math.abs(fill.price() * fill.quantity());
        tradedNotional += notional;
        fees += fill.fee();
        if (Double.isNaN(fill.slippage()))
        {
            fillsWithoutMid++;
        }
        else
        {
            slippage += fill.slippage();
            slippageNotional += notional;
        }
        if (limit)
        {
            limitFilledQuantity += scaledQuantity;
            if (filledBefore == 0)
            {
                limitOrdersFilled++;
            }
            if (orderQuantity > 0 && filledBefore < orderQuantity && filledBefore + scaledQuantity >= orderQuantity)
            {
                limitOrdersFullyFilled++;
            }
        }
    }

    public void onReject(final RejectReason reason)
    {
        rejects.merge(reason, 1L, Long::sum);
    }

    public void onCancel()
    {
        cancels++;
    }

    public void onExpired()
    {
        expired++;
    }

    public long orders()
    {
        return orders;
    }

    public long marketOrders()
    {
        return marketOrders;
    }

    public long limitOrders()
    {
        return limitOrders;
    }

    public long limitOrdersFilled()
    {
        return limitOrdersFilled;
    }

    public long limitOrdersFullyFilled()
    {
        return limitOrdersFullyFilled;
    }

    /** Filled over asked quantity of limit orders; NaN without limit orders. */
    public double limitFillRate()
    {
        return limitQuantity == 0 ? Double.NaN : (double)limitFilledQuantity / limitQuantity;
    }

    public long fills()
    {
        return fills;
    }

    public double tradedNotional()
    {
        return tradedNotional;
    }

    public double turnover(final double capital)
    {
        return capital > 0 ? tradedNotional / capital : Double.NaN;
    }

    public double fees()
    {
        return fees;
    }

    public double slippage()
    {
        return slippage;
    }

    /** Slippage over the notional of the fills that had a mid, in basis points; NaN when none had. */
    public double slippageBps()
    {
        return slippageNotional > 0 ? slippage / slippageNotional * 10_000.0 : Double.NaN;
    }

    public long fillsWithoutMid()
    {
        return fillsWithoutMid;
    }

    public long cancels()
    {
        return cancels;
    }

    public long expired()
    {
        return expired;
    }

    public Map<RejectReason, Long> rejects()
    {
        return rejects;
    }

    public long rejectCount()
    {
        long total = 0;
        for (final long n : rejects.values())
        {
            total += n;
        }
        return total;
    }
}
