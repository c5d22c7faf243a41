package dev.peregrine.ops.report;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.perpetual.FundingLedger;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.PerpetualState;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's view of a run with perpetuals, taken from the core after every event of the replay: each funding
 * settlement with what it moved in the core's funding ledger, the market's liquidation prints, and the sampled
 * columns ({@link ChartSeries} extras) of funding paid so far, margin ratio and effective leverage. Every figure is
 * the core's own ({@link FundingLedger}, {@link MarginAccount}): nothing is recomputed here, so the report says what
 * the summary says. Off the hot path; only the first {@value #MAX_LISTED} settlements and prints are listed (all
 * are counted).
 */
public final class PerpetualTimeline
{
    /** ChartSeries extra column: funding paid so far by the whole engine (negative: received), settlement currency. */
    public static final int FUNDING = 0;
    /** ChartSeries extra column: margin ratio (maintenance margin / margin balance; NaN when the equity is gone). */
    public static final int MARGIN_RATIO = 1;
    /** ChartSeries extra column: effective leverage (notional / margin balance; NaN when the equity is gone). */
    public static final int LEVERAGE = 2;
    public static final int COLUMNS = 3;
    public static final int MAX_LISTED = 10_000;

    /** One FUNDING_SETTLEMENT as the core applied it: {@code payment} is what the engine paid (negative: received). */
    public record Settlement(long timeNanos, int instrumentId, long fundingRate, long markPrice, double payment,
                             double paidSoFar)
    {
    }

    /** A liquidation order printed on the market (information only: not this engine's). */
    public record LiquidationPrint(long timeNanos, int instrumentId, int side, long price, long quantity)
    {
    }

    /**
     * A perpetual instrument at the end of the run, as the core's margin account and funding ledger hold it.
     *
     * @param size             signed position in base units (contracts x contract size)
     * @param liquidationPrice 0 when flat or not liquidatable
     * @param fundingPaid      by every strategy in this instrument (negative: received)
     */
    public record Position(int instrumentId, double size, double entryPrice, double markPrice, double notional,
                           double unrealized, double liquidationPrice, double fundingPaid, long settlements,
                           long liquidationPrints)
    {
    }

    /** The account at the end of the run (settlement currency). */
    public record Account(double collateral, double walletBalance, double marginBalance, double marginUsed,
                          double availableMargin, double marginRatio, double effectiveLeverage, double fundingPaid,
                          long settlements, List<Position> positions)
    {
    }

    private final double[] values = new double[COLUMNS];
    private Account account;
    private final double[] paidBefore;
    private final List<Settlement> settlements = new ArrayList<>();
    private final List<LiquidationPrint> prints = new ArrayList<>();
    private long printCount;
    private double maxMarginRatio;
    private long maxMarginRatioNanos = -1;
    private double maxLeverage;
    private long maxLeverageNanos = -1;
    private boolean equityExhausted;

    public PerpetualTimeline(final int instruments)
    {
        this.paidBefore = new double[instruments];
    }

    /**
     * The state after the core handled {@code event}.
     *
     * @return the extra columns' values at this event (reused array)
     */
    public double[] observe(final InboundEvent event, final TradingCore core)
    {
        final PerpetualState perpetuals = core.perpetuals();
        final long now = core.clockNanos();
        final int id = event.instrumentId;
        if (event.type == EventType.FUNDING_SETTLEMENT && id >= 0 && id < paidBefore.length)
        {
            final double paid = perpetuals.funding().paidInInstrument(id);
            final double payment = paid - paidBefore[id];
            paidBefore[id] = paid;
            if (settlements.size() < MAX_LISTED)
            {
                settlements.add(new Settlement(now, id, event.fundingRate, event.markPrice, payment,
                    perpetuals.funding().totalPaid()));
            }
        }
        else if (event.type == EventType.LIQUIDATION && id >= 0 && id < paidBefore.length)
        {
            printCount++;
            if (prints.size() < MAX_LISTED)
            {
                prints.add(new LiquidationPrint(now, id, event.side, event.price, event.quantity));
            }
        }
        final MarginAccount account = perpetuals.account();
        final double ratio = account.marginRatio();
        final double leverage = account.effectiveLeverage();
        equityExhausted |= Double.isInfinite(ratio) || Double.isInfinite(leverage);
        if (Double.isFinite(ratio) && ratio > maxMarginRatio)
        {
            maxMarginRatio = ratio;
            maxMarginRatioNanos = now;
        }
        if (Double.isFinite(leverage) && leverage > maxLeverage)
        {
            maxLeverage = leverage;
            maxLeverageNanos = now;
        }
        values[FUNDING] = perpetuals.funding().totalPaid();
        values[MARGIN_RATIO] = Double.isFinite(ratio) ? ratio : Double.NaN;
        values[LEVERAGE] = Double.isFinite(leverage) ? leverage : Double.NaN;
        return values;
    }

    /** Takes the account's final figures from the core, once the replay has ended. */
    public void finish(final TradingCore core)
    {
        final PerpetualState perpetuals = core.perpetuals();
        final MarginAccount a = perpetuals.account();
        final FundingLedger funding = perpetuals.funding();
        final List<Position> positions = new ArrayList<>();
        for (int i = 0; i < paidBefore.length; i++)
        {
            if (a.isPerpetual(i))
            {
                positions.add(new Position(i, a.size(i), a.entryPrice(i), a.valuationPrice(i), a.notional(i),
                    a.unrealizedPnl(i), a.liquidationPrice(i), funding.paidInInstrument(i), funding.settlements(i),
                    perpetuals.liquidationPrints(i)));
            }
        }
        account = new Account(a.collateral(), a.walletBalance(), a.marginBalance(), a.marginUsed(), a.availableMargin(),
            a.marginRatio(), a.effectiveLeverage(), funding.totalPaid(), funding.settlements(), List.copyOf(positions));
    }

    /** The final figures ({@link #finish}); null before. */
    public Account account()
    {
        return account;
    }

    /** The first {@value #MAX_LISTED} settlements applied, in time order. */
    public List<Settlement> settlements()
    {
        return settlements;
    }

    /** The first {@value #MAX_LISTED} liquidation prints of the market. */
    public List<LiquidationPrint> liquidationPrints()
    {
        return prints;
    }

    /** Liquidation prints seen in all. */
    public long liquidationPrintCount()
    {
        return printCount;
    }

    /** The highest margin ratio after any event (0 when no position was ever held). */
    public double maxMarginRatio()
    {
        return maxMarginRatio;
    }

    /** When the highest margin ratio was reached; -1 if never above 0. */
    public long maxMarginRatioNanos()
    {
        return maxMarginRatioNanos;
    }

    public double maxLeverage()
    {
        return maxLeverage;
    }

    /** When the highest leverage was reached; -1 if never above 0. */
    public long maxLeverageNanos()
    {
        return maxLeverageNanos;
    }

    /** True when the margin balance fell to zero or below at some event (ratio and leverage unbounded there). */
    public boolean equityExhausted()
    {
        return equityExhausted;
    }
}
