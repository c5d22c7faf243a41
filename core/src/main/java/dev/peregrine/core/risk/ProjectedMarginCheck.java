package dev.peregrine.core.risk;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.perpetual.MarginAccount;

/**
 * The frame of a check that judges a perpetual order by the margin account after it ({@link MarginProjection}):
 * reducing orders, spot instruments, a limit that is off and orders with no price to value them at all pass
 * before anything is projected; the subclass judges the projected account. The projection is made once per order
 * however many checks read it.
 */
abstract class ProjectedMarginCheck implements RiskCheck
{
    private final MarginProjection projection;

    protected ProjectedMarginCheck(final MarginProjection projection)
    {
        this.projection = projection;
    }

    @Override
    public final RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final PerpetualTerms terms = projection.terms(order.instrumentId);
        final PerpetualLimits limits = context.limits.perpetual;
        if (order.reducing || terms == null || !isOn(limits))
        {
            return RejectReason.NONE;
        }
        final MarginAccount after = projection.of(order, context);
        return after == null ? RejectReason.NONE : judge(order.instrumentId, after, terms, limits);
    }

    /** Whether the check has a limit to apply. */
    protected abstract boolean isOn(PerpetualLimits limits);

    /** The verdict on the account {@code after} the order in {@code instrumentId} filled. */
    protected abstract RejectReason judge(int instrumentId, MarginAccount after, PerpetualTerms terms, PerpetualLimits limits);
}
