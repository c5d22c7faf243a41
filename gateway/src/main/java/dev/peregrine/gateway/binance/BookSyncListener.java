package dev.peregrine.gateway.binance;

/**
 * What a {@link BinanceBookSync} emits, with primitive arguments only (Parity style), so the decoder
 * can publish ring events and a test can record the exact sequence.
 */
public interface BookSyncListener
{
    /**
     * One level to publish as BOOK_LEVEL.
     *
     * @param side       {@code Side.BUY} for a bid, {@code Side.SELL} for an ask.
     * @param quantity   absolute quantity; 0 removes the level.
     * @param flags      {@code BookFlags} bits.
     * @param updateId   the {@code u} of the diff, or the snapshot's {@code lastUpdateId}.
     * @param exchangeTimeNanos the diff's {@code E}; 0 for snapshot levels (the REST body has no time).
     */
    void onBookLevel(int instrumentId, int side, long price, long quantity, int flags, long updateId, long exchangeTimeNanos);

    /** The U/u chain broke: publish FEED_GAP; a resync has started. */
    void onFeedGap(int instrumentId, long receivedFirstUpdateId, long expectedFirstUpdateId);

    /** A resync after a gap completed (snapshot and bridging diffs applied): publish FEED_RECOVERED. */
    void onFeedRecovered(int instrumentId, long lastUpdateId);

    /** Fetch a REST depth snapshot and hand it to {@link BinanceBookSync#onSnapshot} on the same thread. */
    void onSnapshotNeeded(int instrumentId);
}
