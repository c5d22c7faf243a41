package dev.peregrine.core.strategy;

/**
 * A trading strategy, called on the core thread for each input in event order. It sees event time
 * only, never a wall clock or a thread, and places orders through the {@code OrderEntry} it was built
 * with. Callbacks must not block, allocate or throw for control flow.
 */
public interface Strategy
{
    /** A trade printed on the venue. Prices and quantities are scaled longs. */
    void onTrade(int instrumentId, long price, long quantity, int side, long timeNanos);

    /** The top of book of an instrument changed (read it from the market state). */
    void onQuote(int instrumentId, long timeNanos);

    /** The L2 book of an instrument changed (once per venue message; read it from the market state). */
    void onBook(int instrumentId, long timeNanos);

    /** The instrument's feed became unhealthy (stale, gap) or healthy again. */
    void onFeedStatus(int instrumentId, boolean healthy, long timeNanos);

    /** A timer tick: for time-based logic in event time. */
    void onClock(long timeNanos);

    /** Folds everything the strategy remembers into {@code seed}, for the state hash. */
    long hash(long seed);
}
