package dev.peregrine.core.risk;

/**
 * A reduce-only order (a perpetual venue's {@code reduceOnly}) may only bring the position closer to zero: one
 * that would open or flip a position, counting the open orders already on its side, is refused. One that reduces
 * passes here, and every position, exposure and leverage check lets a reducing order through as well, so a
 * reduce-only close is never blocked by the limits it brings the account back under.
 *
 * <p>Run by {@link RiskChain} ahead of its listed checks in every chain, spot and perpetual alike, and reported
 * like the trading state's REDUCING refusal (no listed check passed): the listed checks of a spot chain stay the
 * ones every recorded journal was judged by.
 */
public final class ReduceOnlyCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        return order.reduceOnly && !order.reducing ? RejectReason.REDUCE_ONLY : RejectReason.NONE;
    }
}
