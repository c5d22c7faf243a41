package dev.peregrine.ops.report;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.journal.JournalFeed;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.ops.decisions.DecisionsOnly;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays two journals side by side, each through the core its own header describes, and lists every
 * decision in which they differ (see {@link DecisionSummary} for what makes two decisions the same one).
 *
 * <p>The replays run in lock step by event time: the one whose next event is earlier goes next. A
 * decision at time t is settled once both replays have passed t, because neither can still decide
 * anything at t. So only the decisions of the current instant wait in memory, and two journals of
 * millions of events compare in bounded memory.
 */
public final class DecisionComparison
{
    /** Differences kept for listing; all are counted. */
    public static final int MAX_LISTED = 10_000;

    private final List<DecisionDifference> listed = new ArrayList<>();
    private long matched;
    private long missing;
    private long extra;
    private long different;

    /** Use {@link #compare}; the instance holds the tallies while two replays run. */
    DecisionComparison()
    {
    }

    /** The differences listed so far. */
    List<DecisionDifference> differences()
    {
        return listed;
    }

    /** @throws dev.peregrine.journal.JournalException if either journal cannot be replayed to its end */
    public static Comparison compare(final Path journal, final Path other)
    {
        final DecisionComparison comparison = new DecisionComparison();
        try (ReplaySide left = new ReplaySide(journal); ReplaySide right = new ReplaySide(other))
        {
            while (left.hasNext || right.hasNext)
            {
                if (left.hasNext && (!right.hasNext || left.nextTime() <= right.nextTime()))
                {
                    left.feed();
                }
                else
                {
                    right.feed();
                }
                final long settled = Math.min(left.hasNext ? left.nextTime() : Long.MAX_VALUE,
                    right.hasNext ? right.nextTime() : Long.MAX_VALUE);
                comparison.settle(left.pending, right.pending, settled);
            }
            comparison.settle(left.pending, right.pending, Long.MAX_VALUE);
            return new Comparison(other, left.decisions, right.decisions, comparison.matched, comparison.missing,
                comparison.extra, comparison.different, left.digest.hex(), right.digest.hex(),
                Hash64.hex(left.core.stateHash()), Hash64.hex(right.core.stateHash()), List.copyOf(comparison.listed));
        }
    }

    /** Pairs and judges every pending decision earlier than {@code bound}, one instant at a time. */
    void settle(final ArrayDeque<DecisionSummary> left, final ArrayDeque<DecisionSummary> right, final long bound)
    {
        while (true)
        {
            final DecisionSummary a = left.peekFirst();
            final DecisionSummary b = right.peekFirst();
            final long t = Math.min(a == null ? Long.MAX_VALUE : a.timeNanos(), b == null ? Long.MAX_VALUE : b.timeNanos());
            if (t >= bound || (a == null && b == null))
            {
                return;
            }
            final List<DecisionSummary> ours = takeAt(left, t);
            final List<DecisionSummary> theirs = takeAt(right, t);
            for (final DecisionSummary x : ours)
            {
                DecisionSummary pair = null;
                for (int i = 0; i < theirs.size(); i++)
                {
                    if (x.sameSlot(theirs.get(i)))
                    {
                        pair = theirs.remove(i);
                        break;
                    }
                }
                if (pair == null)
                {
                    missing++;
                    list(new DecisionDifference(DecisionDifference.Kind.MISSING, x, null, List.of()));
                    continue;
                }
                final List<String> fields = differingFields(x, pair);
                if (fields.isEmpty())
                {
                    matched++;
                }
                else
                {
                    different++;
                    list(new DecisionDifference(DecisionDifference.Kind.DIFFERENT, x, pair, fields));
                }
            }
            for (final DecisionSummary y : theirs)
            {
                extra++;
                list(new DecisionDifference(DecisionDifference.Kind.EXTRA, null, y, List.of()));
            }
        }
    }

    private static List<DecisionSummary> takeAt(final ArrayDeque<DecisionSummary> queue, final long t)
    {
        final List<DecisionSummary> batch = new ArrayList<>();
        while (!queue.isEmpty() && queue.peekFirst().timeNanos() == t)
        {
            batch.add(queue.pollFirst());
        }
        return batch;
    }

    /** The names of the fields in which two decisions of the same slot differ. */
    static List<String> differingFields(final DecisionSummary a, final DecisionSummary b)
    {
        final List<String> fields = new ArrayList<>();
        if (a.side() != b.side())
        {
            fields.add("side");
        }
        if (a.type() != b.type())
        {
            fields.add("type");
        }
        if (a.quantity() != b.quantity())
        {
            fields.add("quantity");
        }
        if (a.limitPrice() != b.limitPrice())
        {
            fields.add("price");
        }
        if (!a.signal().equals(b.signal()))
        {
            fields.add("signal");
        }
        if (a.outcome() != b.outcome())
        {
            fields.add("outcome");
        }
        return fields;
    }

    private void list(final DecisionDifference difference)
    {
        if (listed.size() < MAX_LISTED)
        {
            listed.add(difference);
        }
    }

    /** One journal's replay, one event ahead, with the decisions it has made but not yet settled. */
    private static final class ReplaySide implements AutoCloseable
    {
        final JournalReader reader;
        final TradingCore core;
        final OutputDigest digest = new OutputDigest();
        final ArrayDeque<DecisionSummary> pending = new ArrayDeque<>();
        final InboundEvent next = new InboundEvent();
        JournalFeed feed;
        boolean hasNext;
        long decisions;
        long sequence;

        ReplaySide(final Path dir)
        {
            reader = JournalReader.open(dir);
            try
            {
                final EngineSettings settings = Replay.settingsOf(dir, reader.header());
                core = ReportReplay.core(dir, settings, new OutputFanOut(digest, new DecisionsOnly(this::onDecision)));
                feed = new JournalFeed(reader, core); // settings records applied where journaled
                hasNext = feed.next(next);
            }
            catch (final RuntimeException e)
            {
                reader.close();
                throw e;
            }
        }

        /** The core's clock when it processes the next event (the clock never goes back). */
        long nextTime()
        {
            return Math.max(core.clockNanos(), next.eventTimeNanos);
        }

        void feed()
        {
            core.onEvent(next, sequence++, true);
            hasNext = feed.next(next);
        }

        private void onDecision(final DecisionRecord decision)
        {
            decisions++;
            pending.addLast(DecisionSummary.of(decision));
        }

        @Override
        public void close()
        {
            reader.close();
        }
    }
}
