package dev.peregrine.core.risk;

/**
 * Once the day's loss (realized after fees plus unrealized, against the day's starting equity) reaches
 * the limit, only reducing orders pass. The trading state moves to REDUCING by itself at the same
 * moment (see {@code TradingStateMachine}); this check keeps the rule even if someone resumes.
 */
public final class DailyLossLimitCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double limit = context.limits.dailyLossLimit;
        return limit > 0 && !order.reducing && context.dailyPnl.dayPnl() <= -limit ?
            RejectReason.DAILY_LOSS_LIMIT : RejectReason.NONE;
    }
}
