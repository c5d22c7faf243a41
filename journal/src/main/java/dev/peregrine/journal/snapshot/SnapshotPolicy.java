package dev.peregrine.journal.snapshot;

/**
 * When a running engine snapshots its state: every {@code everyEvents} journal events, or every
 * {@code everyEventNanos} of event time (the core's clock, so a quiet feed of clock ticks is covered too),
 * whichever comes first, and once more at a graceful stop.
 *
 * <p>The default bounds a restart's replay to about a million events (0.2 to 0.3 s) plus reading the
 * snapshot, whatever the journal's length, at the cost of a state walk on the core thread every million
 * events (milliseconds; see bench/README.md).
 *
 * @param everyEvents     events between two snapshots; 0 = never (recovery replays the whole journal)
 * @param everyEventNanos event time between two snapshots; 0 = by events only
 * @param keep            snapshot files kept on disk, newest first
 */
public record SnapshotPolicy(long everyEvents, long everyEventNanos, int keep)
{
    public static final long DEFAULT_EVERY_EVENTS = 1_000_000;
    public static final long DEFAULT_EVERY_EVENT_NANOS = 10L * 60 * 1_000_000_000L;
    public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(DEFAULT_EVERY_EVENTS, DEFAULT_EVERY_EVENT_NANOS,
        SnapshotStore.DEFAULT_KEEP);
    /** No snapshots: start-up replays the whole journal, as before snapshots existed. */
    public static final SnapshotPolicy OFF = new SnapshotPolicy(0, 0, SnapshotStore.DEFAULT_KEEP);

    public SnapshotPolicy
    {
        if (everyEvents < 0 || everyEventNanos < 0)
        {
            throw new IllegalArgumentException("snapshot intervals must be >= 0 (0 = off), got " + everyEvents +
                " events and " + everyEventNanos + " ns");
        }
        if (keep < 1)
        {
            throw new IllegalArgumentException("snapshots kept must be >= 1, got " + keep);
        }
    }

    public boolean enabled()
    {
        return everyEvents > 0 || everyEventNanos > 0;
    }

    /** Every {@code events} events, no event-time trigger, keeping the default number. */
    public static SnapshotPolicy everyEvents(final long events)
    {
        return new SnapshotPolicy(events, 0, SnapshotStore.DEFAULT_KEEP);
    }
}
