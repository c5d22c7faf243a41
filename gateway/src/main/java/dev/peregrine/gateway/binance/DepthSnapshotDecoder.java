package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.ws.TextFrameDecoder;

/**
 * A decoder of Binance market streams whose books start from a REST depth snapshot: what a
 * {@link BinanceMarketDataClient} feeds, frames and the snapshots the decoder asked for, all on the connection's
 * event loop. Spot's {@link BinanceMarketDataDecoder} and USD-M's decoder are both one.
 */
public interface DepthSnapshotDecoder extends TextFrameDecoder
{
    /** The body of a REST depth snapshot for {@code instrumentId}. */
    void onDepthSnapshot(int instrumentId, byte[] body, int offset, int length, long receiveEpochNanos, long receiveNanoTime);

    /** The snapshot request failed (I/O, HTTP status): ask again. */
    void onSnapshotFailed(int instrumentId);
}
