package dev.peregrine.core.risk;

/**
 * The fat-finger guard: an order's reference price (its limit, or the touch a market order would take)
 * may deviate from the mark by at most the instrument's band, e.g. 5 %. Without a mark there is nothing
 * to compare with, and the market-data check has already spoken.
 */
public final class PriceBandCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        final double band = context.limits.priceBand[order.instrumentId];
        final long mark = context.market.markPrice(order.instrumentId);
        if (band <= 0 || mark <= 0 || order.referencePrice <= 0)
        {
            return RejectReason.NONE;
        }
        final double deviation = Math.abs((double)(order.referencePrice - mark)) / mark;
        return deviation > band ? RejectReason.PRICE_BAND : RejectReason.NONE;
    }
}
