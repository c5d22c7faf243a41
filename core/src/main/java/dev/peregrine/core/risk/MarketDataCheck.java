package dev.peregrine.core.risk;

/**
 * No order on market data that may be wrong: a stale or gapped feed, or an L2 book being rebuilt.
 * Applies to reducing orders too: a price taken from a wrong book is no safer for closing.
 */
public final class MarketDataCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final int id = order.instrumentId;
        if (!context.feedHealth.isHealthy(id))
        {
            return RejectReason.FEED_UNHEALTHY;
        }
        return context.market.book(id).mayTrade() ? RejectReason.NONE : RejectReason.BOOK_NOT_SYNCED;
    }
}
