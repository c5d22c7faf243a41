package dev.peregrine.gateway.feed;

/**
 * What a venue decoder tells the feed-health layer, on the decoder's own thread (the connection's event
 * loop), with primitive arguments only: a lost message, data for an instrument, a completed book
 * snapshot. Venue-agnostic, so every venue's decoder can drive one {@link FeedHealthMonitor}.
 */
public interface FeedListener
{
    /** A listener that ignores everything (decoder tests, the fuzz test). */
    FeedListener NO_OP = new FeedListener()
    {
        @Override
        public void onSequenceGap(final long received, final long expected)
        {
        }

        @Override
        public void onData(final int instrumentId, final long receiveNanoTime)
        {
        }

        @Override
        public void onSnapshotApplied(final int instrumentId)
        {
        }
    };

    /** The connection's sequence jumped from {@code expected} to {@code received}: messages were lost. */
    void onSequenceGap(long received, long expected);

    /** A data message (not a heartbeat) for the instrument was decoded and its events published. */
    void onData(int instrumentId, long receiveNanoTime);

    /** The last level of a book snapshot for the instrument was published. */
    void onSnapshotApplied(int instrumentId);
}
