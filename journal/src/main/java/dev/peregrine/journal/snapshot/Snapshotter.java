package dev.peregrine.journal.snapshot;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.snapshot.StateWriter;
import dev.peregrine.journal.JournalReader;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Takes state snapshots of a running engine. It wraps the core's handler on the inbound ring: after an
 * event, when the {@link SnapshotPolicy} says one is due, it walks the state into its buffer on the core
 * thread, between two events (only the core thread may read its state), and hands the buffer to its own
 * thread, which finds the journal index of that event and writes the file. While a snapshot is being
 * written, the next one due waits (it is taken after the first event that finds the thread free), so the
 * core never waits for the disk.
 *
 * <p>The index: the core runs in parallel with the journal writer, so it cannot know where its event landed.
 * The snapshot thread follows the journal with its own reader, event by event, to the snapshot's event
 * number, and takes that record's index; if the journal never gets there (it failed), no snapshot is
 * written: a snapshot never covers an event the journal does not hold.
 *
 * <p>Event numbers count from the journal's first event: {@code recoveredEvents} at start, plus the ring
 * sequence + 1.
 *
 * <p>The snapshot thread is an Agrona agent ({@code peregrine-snapshot}) run by {@link AgentThreads}: a failed
 * snapshot is counted in the engine's {@link AgentErrors} under that role, and {@link #lastFailure()} says why.
 */
public final class Snapshotter implements EventHandler<InboundEvent>, AutoCloseable
{
    /** How long the snapshot thread waits for the journal to reach a snapshot's event before giving it up. */
    private static final long JOURNAL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final EventHandler<InboundEvent> delegate;
    private final RecoverableState state;
    private final SnapshotPolicy policy;
    private final SnapshotStore store;
    private final long settingsDigest;
    private final Path journalDir;
    private final long recoveredEvents;
    private final long recoveredIndex;
    private final StateWriter writer = new StateWriter();
    private final AgentRunner runner;

    private long nextAtEvents;
    private long nextAtNanos;
    private long lastTakenEvents;
    private long lastEvents;

    // Handed from the core thread to the snapshot thread: written before the release of pending.
    private long pendingEvents;
    private long pendingClock;
    private long pendingStateHash;
    private long pendingDigest;
    private long pendingOutputs;
    private int pendingLength;
    private volatile boolean pending;

    private volatile long written;
    private volatile long deferred;
    private volatile String lastFailure;
    /** Set by {@link #close()}: the ring has drained, so the journal holds every event it ever will. */
    private volatile boolean journalComplete;

    /**
     * @param delegate        the core's handler (the core, or what drives it and follows it)
     * @param recoveredEvents journal events the engine recovered before its ring started
     * @param recoveredIndex  Chronicle index of the last of them, -1 if none
     * @param errors          where the snapshot thread's failures are counted
     */
    public Snapshotter(final EventHandler<InboundEvent> delegate, final RecoverableState state, final SnapshotPolicy policy,
        final Path journalDir, final long settingsDigest, final long recoveredEvents, final long recoveredIndex,
        final AgentErrors errors)
    {
        this.delegate = delegate;
        this.state = state;
        this.policy = policy;
        this.store = new SnapshotStore(journalDir, policy.keep());
        this.settingsDigest = settingsDigest;
        this.journalDir = journalDir;
        this.recoveredEvents = recoveredEvents;
        this.recoveredIndex = recoveredIndex;
        this.lastEvents = recoveredEvents;
        this.lastTakenEvents = recoveredEvents;
        this.nextAtEvents = policy.everyEvents() > 0 ? recoveredEvents + policy.everyEvents() : Long.MAX_VALUE;
        this.nextAtNanos = Long.MAX_VALUE;
        this.runner = AgentThreads.start(new FileAgent(), new SleepingMillisIdleStrategy(5), errors);
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        delegate.onEvent(event, sequence, endOfBatch);
        lastEvents = recoveredEvents + sequence + 1;
        final long clock = state.core().clockNanos();
        if (nextAtNanos == Long.MAX_VALUE && policy.everyEventNanos() > 0)
        {
            nextAtNanos = clock + policy.everyEventNanos();
        }
        if (lastEvents >= nextAtEvents || clock >= nextAtNanos)
        {
            if (pending)
            {
                deferred++; // the last one is still being written: try again after the next event
                return;
            }
            take(lastEvents);
            nextAtEvents = policy.everyEvents() > 0 ? lastEvents + policy.everyEvents() : Long.MAX_VALUE;
            nextAtNanos = policy.everyEventNanos() > 0 ? clock + policy.everyEventNanos() : Long.MAX_VALUE;
        }
    }

    /** On the core thread (or any thread once the core has stopped): the state after {@code events} events. */
    private void take(final long events)
    {
        pendingLength = writer.write(state.roots());
        pendingEvents = events;
        pendingClock = state.core().clockNanos();
        pendingStateHash = state.core().stateHash();
        pendingDigest = state.digest().value();
        pendingOutputs = state.digest().outputCount();
        lastTakenEvents = events;
        pending = true;
    }

    /**
     * At a graceful stop, once the core has stopped: a last snapshot of the final state (when there were
     * events since the last one), written before this returns, then the snapshot thread stops.
     */
    @Override
    public void close()
    {
        journalComplete = true;
        final long deadline = System.nanoTime() + JOURNAL_WAIT_NANOS;
        if (lastEvents > lastTakenEvents)
        {
            while (pending && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            take(lastEvents);
        }
        while (pending && System.nanoTime() < deadline)
        {
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runner.close();
    }

    /** Snapshot files written by this engine. */
    public long written()
    {
        return written;
    }

    /** Events after which a due snapshot waited because the previous one was still being written. */
    public long deferred()
    {
        return deferred;
    }

    /** Why the last snapshot could not be written, or null. */
    public String lastFailure()
    {
        return lastFailure;
    }

    /** The snapshot thread: follows the journal to the pending snapshot's event, then writes the file. */
    private final class FileAgent implements Agent
    {
        private final InboundEvent scratch = new InboundEvent();
        private JournalReader follower;
        private long waitingSince;

        @Override
        public int doWork() throws Exception
        {
            if (!pending)
            {
                return 0;
            }
            try
            {
                return followAndWrite();
            }
            catch (final Exception | Error e)
            {
                // given up, so the next snapshot due is taken; the runner counts the error under this role
                lastFailure = String.valueOf(e);
                pending = false;
                throw e;
            }
        }

        private int followAndWrite() throws java.io.IOException
        {
            if (follower == null)
            {
                follower = JournalReader.open(journalDir);
                if (recoveredIndex >= 0 && !follower.startAfter(recoveredIndex, recoveredEvents))
                {
                    throw new IllegalStateException("the journal no longer holds the recovered event at index 0x" +
                        Long.toHexString(recoveredIndex));
                }
            }
            while (follower.eventsRead() < pendingEvents)
            {
                if (!follower.next(scratch))
                {
                    if (journalComplete)
                    {
                        // After the drain nothing more will be appended: the journal failed before this event.
                        lastFailure = "the journal holds " + follower.eventsRead() + " events, not the " + pendingEvents +
                            " the snapshot covers; snapshot not written";
                        pending = false;
                        return 0;
                    }
                    if (waitingSince == 0)
                    {
                        waitingSince = System.nanoTime();
                    }
                    else if (System.nanoTime() - waitingSince > JOURNAL_WAIT_NANOS)
                    {
                        waitingSince = 0;
                        lastFailure = "the journal did not reach event " + pendingEvents + " within 30 s; snapshot not written";
                        pending = false;
                    }
                    return 0; // the journal writer has not appended it yet
                }
            }
            waitingSince = 0;
            store.write(pendingEvents, follower.lastEventIndex(), pendingClock, settingsDigest, pendingStateHash,
                pendingDigest, pendingOutputs, writer.buffer(), pendingLength);
            written++;
            pending = false;
            return 1;
        }

        @Override
        public void onClose()
        {
            if (follower != null)
            {
                follower.close();
            }
        }

        @Override
        public String roleName()
        {
            return "peregrine-snapshot";
        }
    }
}
