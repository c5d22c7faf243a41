package dev.peregrine.core.risk;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.perpetual.PerpetualState;

/**
 * The pre-trade checks, in order; the first rejection wins, so its reason is the one reported. Cheap
 * and decisive checks come first (product rules, market data), the account-wide ones (exposure, loss)
 * after. When every check passes, the chain records the order for the rate windows.
 *
 * <p>A reduce-only order that would not reduce ({@link ReduceOnlyCheck}) is refused ahead of the listed checks, in
 * every chain. An engine with a perpetual instrument lists four more checks after the exposure check: leverage,
 * margin ratio, distance to liquidation and the funding-rate guard; a spot engine's list is the one every recorded
 * journal was judged by (its decisions count the checks passed, and their digest with them).
 */
public final class RiskChain
{
    private final RiskCheck[] checks;
    private final ReduceOnlyCheck reduceOnly = new ReduceOnlyCheck();
    /** Null when no instrument is a perpetual. */
    private final MarginProjection projection;
    private final FundingGuards fundingGuards;
    private int lastPassed;

    public RiskChain(final RiskCheck... checks)
    {
        this(null, new FundingGuards(ExecutionEngine.MAX_STRATEGIES, 0), checks);
    }

    private RiskChain(final MarginProjection projection, final FundingGuards fundingGuards, final RiskCheck... checks)
    {
        this.checks = checks.clone();
        this.projection = projection;
        this.fundingGuards = fundingGuards;
    }

    /** Every check Peregrine ships for spot instruments, in the order they run. */
    public static RiskChain standard()
    {
        return new RiskChain(spotChecks(null));
    }

    /**
     * Every check Peregrine ships, in the order they run: with a perpetual among {@code instruments}, the spot checks
     * with the perpetual ones after the exposure check, reading {@code perpetuals}' margin account (over the engine's
     * {@code positions}) and marks.
     */
    public static RiskChain standard(final PerpetualState perpetuals, final InstrumentRegistry instruments,
        final PositionBook positions)
    {
        final FundingGuards guards = new FundingGuards(ExecutionEngine.MAX_STRATEGIES, instruments.size());
        if (!perpetuals.active())
        {
            return new RiskChain(null, guards, spotChecks(null));
        }
        final MarginProjection projection = new MarginProjection(perpetuals.account(), positions, instruments);
        return new RiskChain(projection, guards, spotChecks(new RiskCheck[]{
            new MaxLeverageCheck(projection),
            new MaxMarginRatioCheck(projection),
            new LiquidationDistanceCheck(projection),
            new FundingRateGuard(perpetuals.marks(), guards)}));
    }

    /** The spot checks in order, {@code perpetual} (when not null) after the exposure check. */
    private static RiskCheck[] spotChecks(final RiskCheck[] perpetual)
    {
        final RiskCheck[] before = {
            new ProductRulesCheck(),
            new MarketDataCheck(),
            new TradingWindowCheck(),
            new PriceBandCheck(),
            new MaxOrderQuantityCheck(),
            new MaxOrderNotionalCheck(),
            new MaxPositionCheck(),
            new MaxGrossExposureCheck()};
        final RiskCheck[] after = {
            new DailyLossLimitCheck(),
            new TrailingDrawdownCheck(),
            new SelfTradePreventionCheck(),
            new OrderRateCheck()};
        final int middle = perpetual == null ? 0 : perpetual.length;
        final RiskCheck[] all = new RiskCheck[before.length + middle + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        if (perpetual != null)
        {
            System.arraycopy(perpetual, 0, all, before.length, middle);
        }
        System.arraycopy(after, 0, all, before.length + middle, after.length);
        return all;
    }

    /** The funding-rate limits strategies set for themselves, read by {@link FundingRateGuard}. */
    public FundingGuards fundingGuards()
    {
        return fundingGuards;
    }

    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        if (projection != null)
        {
            projection.reset();
        }
        final RejectReason refused = reduceOnly.check(order, context);
        if (refused != RejectReason.NONE)
        {
            lastPassed = 0;
            return refused;
        }
        for (int i = 0; i < checks.length; i++)
        {
            final RejectReason reason = checks[i].check(order, context);
            if (reason != RejectReason.NONE)
            {
                lastPassed = i;
                return reason;
            }
        }
        lastPassed = checks.length;
        context.recordOrder(order.timeNanos);
        return RejectReason.NONE;
    }

    /** How many checks the last order passed: all of them, or those before the one that rejected it. */
    public int lastPassed()
    {
        return lastPassed;
    }

    /** The name of the check at {@code index}, in the order they run (for decision listings). */
    public String checkName(final int index)
    {
        return checks[index].name();
    }

    public int size()
    {
        return checks.length;
    }
}
