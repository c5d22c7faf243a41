package dev.peregrine.journal.importer;

/**
 * The part of the data a backtest runs over: event times in {@code [fromNanos, toNanos)}, epoch
 * nanoseconds. Candle sources apply it to the candle's start, so a candle is in or out as a whole.
 */
public record TimeWindow(long fromNanos, long toNanos)
{
    public static final TimeWindow ALL = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

    public TimeWindow
    {
        if (fromNanos >= toNanos)
        {
            throw new IllegalArgumentException("time window is empty: from must be before to");
        }
    }

    public boolean contains(final long timeNanos)
    {
        return timeNanos >= fromNanos && timeNanos < toNanos;
    }

    /** True when nothing at or after {@code timeNanos} can be inside: sorted sources stop reading there. */
    public boolean isPast(final long timeNanos)
    {
        return timeNanos >= toNanos;
    }
}
