package dev.peregrine.core.risk;

/**
 * The pre-trade checks, in order; the first rejection wins, so its reason is the one reported. Cheap
 * and decisive checks come first (product rules, market data), the account-wide ones (exposure, loss)
 * after. When every check passes, the chain records the order for the rate windows.
 */
public final class RiskChain
{
    private final RiskCheck[] checks;
    private int lastPassed;

    public RiskChain(final RiskCheck... checks)
    {
        this.checks = checks.clone();
    }

    /** Every check Peregrine ships, in the order they run. */
    public static RiskChain standard()
    {
        return new RiskChain(
            new ProductRulesCheck(),
            new MarketDataCheck(),
            new TradingWindowCheck(),
            new PriceBandCheck(),
            new MaxOrderQuantityCheck(),
            new MaxOrderNotionalCheck(),
            new MaxPositionCheck(),
            new MaxGrossExposureCheck(),
            new DailyLossLimitCheck(),
            new TrailingDrawdownCheck(),
            new SelfTradePreventionCheck(),
            new OrderRateCheck());
    }

    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
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
