package dev.peregrine.core.risk;

/**
 * Once equity has fallen the limit below the day's peak, only reducing orders pass.
 */
public final class TrailingDrawdownCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double limit = context.limits.trailingDrawdownLimit;
        return limit > 0 && !order.reducing && context.dailyPnl.drawdown() <= -limit ?
            RejectReason.TRAILING_DRAWDOWN : RejectReason.NONE;
    }
}
