package dev.peregrine.gateway.sim;

import java.util.List;

/**
 * One product of a simulated market at one moment, as a REST venue would quote it: the top of the book, the
 * book's levels, the recent trades and the day's range. Prices and sizes are scaled longs
 * ({@link dev.peregrine.core.number.FixedPoint}). A copy: it does not change with the market.
 *
 * @param bids   best first.
 * @param asks   best first.
 * @param trades newest first.
 */
public record MarketSnapshot(String productId, long bid, long bidSize, long ask, long askSize, long last,
    long low24h, long high24h, long volume24h, List<Level> bids, List<Level> asks, List<Trade> trades)
{
    /** One price level of the book. */
    public record Level(long price, long size)
    {
    }

    /**
     * One printed trade.
     *
     * @param makerSide {@link dev.peregrine.core.event.Side}'s code of the resting order's side (Coinbase reports that one).
     */
    public record Trade(long tradeId, long price, long size, int makerSide, long epochNanos)
    {
    }

    public MarketSnapshot
    {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        trades = List.copyOf(trades);
    }
}
