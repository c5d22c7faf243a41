package dev.peregrine.core.strategy;

import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * One strategy's run of rejections for the same reason. A strategy whose orders are refused again and
 * again for one reason (a size off the lot, a limit it keeps hitting) is not trading but looks busy; the
 * summary and {@code /health} name it once the run reaches {@link #THRESHOLD}. An order the venue accepts
 * or fills ends the run; a rejection for another reason starts a new one.
 *
 * <p>Written on the core thread only; the counters are single-writer so the health endpoint may read
 * them from its own thread. The reason is kept as its ordinal for the same reason. No allocation.
 */
public final class RepeatedRejects
{
    /** Rejections in a row, for one reason, from which a strategy is reported. */
    public static final int THRESHOLD = 20;

    private final SingleWriterCounter current = new SingleWriterCounter("repeated_rejects");
    private final SingleWriterCounter currentReason = new SingleWriterCounter("repeated_reject_reason");
    private final SingleWriterCounter longest = new SingleWriterCounter("longest_reject_run");
    private final SingleWriterCounter longestReason = new SingleWriterCounter("longest_reject_run_reason");

    void onRejected(final RejectReason reason)
    {
        if (current.get() > 0 && currentReason.get() == reason.ordinal())
        {
            current.increment();
        }
        else
        {
            currentReason.set(reason.ordinal());
            current.set(1);
        }
        if (current.get() > longest.get())
        {
            longest.set(current.get());
            longestReason.set(reason.ordinal());
        }
    }

    /** The venue took or filled an order: the run, if any, is over. */
    void onOrderWorked()
    {
        current.set(0);
    }

    /** Rejections in a row now, all for {@link #currentReason()}. */
    public long current()
    {
        return current.get();
    }

    /** The reason of the current run, or null when there is none. */
    public RejectReason currentReason()
    {
        return current.get() == 0 ? null : RejectReason.values()[(int)currentReason.get()];
    }

    /** The longest run so far. */
    public long longest()
    {
        return longest.get();
    }

    /** The reason of the longest run, or null when nothing was rejected. */
    public RejectReason longestReason()
    {
        return longest.get() == 0 ? null : RejectReason.values()[(int)longestReason.get()];
    }

    /** Whether the current run is long enough to report. */
    public boolean repeating()
    {
        return current.get() >= THRESHOLD;
    }

    /**
     * The line a summary prints for strategy {@code name} when its longest run reached the threshold, else
     * null; e.g. {@code strategy 'trend': 196,015 orders in a row rejected for INVALID_QUANTITY}. Off the
     * core thread (it allocates).
     */
    public String describe(final String name)
    {
        final long run = longest.get();
        if (run < THRESHOLD)
        {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "strategy '%s': %,d orders in a row rejected for %s%s", name, run,
            longestReason(), current.get() == run ? " (still going at the end)" : "");
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, current.get());
        h = Hash64.mix(h, currentReason.get());
        h = Hash64.mix(h, longest.get());
        return Hash64.mix(h, longestReason.get());
    }
}
