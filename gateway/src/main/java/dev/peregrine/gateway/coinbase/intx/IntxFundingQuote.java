package dev.peregrine.gateway.coinbase.intx;

/**
 * What one read of an INTX perpetual's public product answer says about its price and funding, scaled like
 * {@link dev.peregrine.core.number.FixedPoint}: the mark (the answer's {@code mid_market_price}; Advanced Trade
 * publishes no mark of its own outside a held position), the index (its last {@code price}), the funding rate of
 * the coming funding ({@code perpetual_details.funding_rate}, 0.0001 = 10000) and when that funding happens
 * ({@code perpetual_details.funding_time}, epoch nanoseconds).
 */
public record IntxFundingQuote(String productId, long mark, long index, long fundingRate, long fundingTimeNanos)
{
}
