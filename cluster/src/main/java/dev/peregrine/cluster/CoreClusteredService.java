package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.core.snapshot.StateWriter;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.snapshot.RecoverableEngine;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import dev.peregrine.shaded.agrona.DirectBuffer;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peregrine's core as an Aeron Cluster service: every session message of the replicated log is one inbound event
 * ({@link EventMessageCodec}, the journal's EVENT record), applied to one {@link RecoverableEngine} (the core with
 * its output digest, PnL ledger and statistics, wired as the live engine and journal recovery wire it) exactly as
 * the ring's core stage applies it. Every member applies the same log in the same order, so every member ends with
 * the same state hash and output digest, and those equal a plain core fed the same events.
 *
 * <p>Snapshots: {@link #onTakeSnapshot} writes the engine's state with the core's {@link StateWriter} over the same
 * roots the journal's snapshots use; {@link #onStart} with a snapshot image builds a fresh engine and pours the
 * state back with {@link StateReader}; the consensus module then replays only the log after the snapshot.
 *
 * <p>Time: a cluster timer every {@code clockIntervalMillis} becomes a CLOCK event stamped with the cluster time of
 * the timer (in the log, so every member sees the same tick at the same position), as the ring's timer thread does
 * for one engine. Market data, venue answers and commands carry their own event time, stamped where they entered.
 *
 * <p>Egress: every member's core decides the same orders; only the member whose {@link EgressClaim} is in force hands
 * them to the venue ({@link Egress}), after the event that caused them is committed (the service applies only
 * committed entries), so an order never leaves on an entry a new leader could drop. A member stops sending the
 * moment it stops leading.
 *
 * <p>Threads: Aeron's service container thread calls every {@code ClusteredService} method and alone owns the
 * engine. Other threads may read {@link #appliedEvents()} and {@link #role()} at any time; {@link #stateHash()},
 * {@link #outputDigestHex()} and {@link #engine()} only once the log is quiet and {@link #appliedEvents()} has
 * been read to reach what was sent (the volatile count is written after each event is applied, so reading it
 * makes the engine's state up to that event visible).
 */
public final class CoreClusteredService implements ClusteredService
{
    /** Told of each event after the core applied it, on the service thread (tests record which events the log held). */
    @FunctionalInterface
    public interface AppliedEvents
    {
        AppliedEvents NONE = (event, index) -> { };

        void onApplied(InboundEvent event, long index);
    }

    /** Where a leading member's orders go; every method on the service thread. */
    public interface Egress
    {
        /** None: a member that never sends (paper mode needs none: the core's paper venue answers in the log). */
        Egress NONE = new Egress()
        {
            @Override
            public long nonce()
            {
                return 0;
            }

            @Override
            public void activate(final List<RecoveredOrder> open, final String clientOrderPrefix,
                final dev.peregrine.core.instrument.InstrumentRegistry instruments)
            {
            }

            @Override
            public void send(final OrderCommand command)
            {
            }

            @Override
            public void deactivate()
            {
            }
        };

        /** This process's claim nonce (never 0 for a member that may send). */
        long nonce();

        /**
         * This member's claim is applied: from now on it sends. {@code open} are the orders the core holds open at the
         * claim, to reconcile with the venue first (an old leader may have sent them, or not).
         */
        void activate(List<RecoveredOrder> open, String clientOrderPrefix,
            dev.peregrine.core.instrument.InstrumentRegistry instruments);

        /** An order or cancel the core decided on a committed entry. */
        void send(OrderCommand command);

        /** This member stopped leading: send nothing more. */
        void deactivate();
    }

    /** The correlation id of the clock's cluster timer (the service's only timer). */
    static final long CLOCK_TIMER = 1;

    private final ProductCatalog catalog;
    private final EngineSettings settings;
    private final AppliedEvents observer;
    private final Egress egress;
    private final long clockIntervalMillis;
    private final EventMessageCodec codec = new EventMessageCodec();
    private final InboundEvent slot = new InboundEvent();
    private final StateWriter stateWriter = new StateWriter();
    private RecoverableEngine engine;
    private Cluster cluster;
    private long sequence;
    private long clusterEpochMillis;
    /** Aeron's cluster time unit: known from the first term event on (null in onStart). */
    private TimeUnit timeUnit;
    private boolean egressActive;
    private long lastHashNanos;
    private volatile long applied;
    private volatile long appliedPosition;
    private volatile long refused;
    private volatile long snapshotsTaken;
    private volatile long ordersSent;
    private volatile boolean restoredFromSnapshot;
    private volatile boolean sending;
    private volatile int leaderMemberId = -1;
    private volatile String clientOrderPrefix = "";
    private volatile HashAt hashAt = new HashAt("", -1);
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;

    /** The core's state hash as of an event count: the pair is published together. */
    record HashAt(String hash, long events)
    {
    }

    /** A member that never sends and feeds its clock from its events only (tests that compare with one core). */
    public CoreClusteredService(final ProductCatalog catalog, final EngineSettings settings, final AppliedEvents observer)
    {
        this(catalog, settings, observer, Egress.NONE, 0);
    }

    /**
     * @param egress              where this member's orders go while it holds the claim ({@link Egress#NONE} in paper mode)
     * @param clockIntervalMillis a CLOCK event every interval of cluster time; 0 for none
     */
    public CoreClusteredService(final ProductCatalog catalog, final EngineSettings settings, final AppliedEvents observer,
        final Egress egress, final long clockIntervalMillis)
    {
        if (settings.liveVenue() && egress == Egress.NONE)
        {
            throw new IllegalArgumentException("a live venue needs an egress: the clustered core's orders reach the " +
                "venue only through the leading member's egress");
        }
        this.catalog = catalog;
        this.settings = settings;
        this.observer = observer == null ? AppliedEvents.NONE : observer;
        this.egress = egress;
        this.clockIntervalMillis = clockIntervalMillis;
        this.engine = new RecoverableEngine(catalog, settings);
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        if (snapshotImage != null)
        {
            final SnapshotStream.Loaded loaded = SnapshotStream.read(snapshotImage, cluster.idleStrategy());
            final RecoverableEngine fresh = new RecoverableEngine(catalog, settings);
            StateReader.read(loaded.state(), 0, loaded.stateLength(), fresh.roots());
            engine = fresh;
            sequence = loaded.appliedEvents();
            applied = sequence;
            epoch(loaded.clusterEpochMillis());
            restoredFromSnapshot = true;
        }
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        if (EgressClaim.is(buffer, offset, length))
        {
            onClaim(EgressClaim.memberId(buffer, offset), EgressClaim.nonce(buffer, offset), timestamp);
            appliedPosition = header.position();
            return;
        }
        try
        {
            codec.decode(buffer, offset, length, slot);
        }
        catch (final JournalException | IllegalArgumentException ex)
        {
            // Every member refuses the same bad message at the same log position: the state stays identical.
            refused++;
            return;
        }
        apply(timestamp);
        appliedPosition = header.position();
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
        if (correlationId != CLOCK_TIMER || clockIntervalMillis <= 0)
        {
            return;
        }
        slot.clearInputs();
        slot.type = EventType.CLOCK;
        slot.eventTimeNanos = timeUnit().toNanos(timestamp);
        apply(timestamp);
        cluster.scheduleTimer(CLOCK_TIMER, timestamp + timeUnit().convert(clockIntervalMillis, TimeUnit.MILLISECONDS));
    }

    private void apply(final long timestamp)
    {
        if (clusterEpochMillis == 0)
        {
            epoch(timeUnit().toMillis(timestamp));
        }
        engine.statistics().onEvent(slot, sequence, true);
        if (egressActive)
        {
            for (int i = 0; i < slot.orderCount; i++)
            {
                egress.send(slot.orders[i]);
            }
            ordersSent += slot.orderCount;
        }
        observer.onApplied(slot, sequence);
        sequence++;
        applied = sequence;
    }

    private TimeUnit timeUnit()
    {
        return timeUnit != null ? timeUnit : cluster.timeUnit();
    }

    private void epoch(final long millis)
    {
        clusterEpochMillis = millis;
        clientOrderPrefix = "prg-" + Long.toHexString(millis) + "-";
    }

    private void onClaim(final int memberId, final long nonce, final long timestamp)
    {
        if (clusterEpochMillis == 0)
        {
            epoch(timeUnit().toMillis(timestamp));
        }
        final boolean mine = memberId == cluster.memberId() && nonce != 0 && nonce == egress.nonce() &&
            role == Cluster.Role.LEADER;
        if (mine && !egressActive)
        {
            egressActive = true;
            sending = true;
            // Copied here, on the service thread, at the claim's log position: what an old leader may have left in flight.
            egress.activate(RecoveredOrder.openIn(engine.core().execution().orders()), clientOrderPrefix,
                engine.core().instruments());
        }
        else if (!mine && egressActive)
        {
            stopSending();
        }
    }

    private void stopSending()
    {
        egressActive = false;
        sending = false;
        egress.deactivate();
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final int length = stateWriter.write(engine.roots());
        SnapshotStream.write(snapshotPublication, cluster.idleStrategy(), sequence, clusterEpochMillis,
            stateWriter.buffer(), length);
        snapshotsTaken++;
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        if (newRole != Cluster.Role.LEADER && egressActive)
        {
            stopSending();
        }
        role = newRole;
    }

    @Override
    public void onNewLeadershipTermEvent(final long leadershipTermId, final long logPosition, final long timestamp,
        final long termBaseLogPosition, final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit,
        final int appVersion)
    {
        this.leaderMemberId = leaderMemberId;
        this.timeUnit = timeUnit;
        if (egress != Egress.NONE)
        {
            // A new term is a restart of the order path: whatever the last leader had in flight is answered only by the
            // new leader's reconciliation. As a restarted engine does (its journaled RECOVERED), the orders pending at the
            // venue now wait for that answer instead of expiring on the election's gap in time; a term event is the
            // first entry of its term, before any of its ticks, at the same position on every member.
            slot.clearInputs();
            slot.type = EventType.COMMAND;
            slot.flags = CommandCode.RECOVERED;
            slot.eventTimeNanos = timeUnit.toNanos(timestamp);
            apply(timestamp);
        }
        if (clockIntervalMillis > 0)
        {
            // The clock starts (or restarts: the same timer id replaces the deadline) at each term's first entry: every
            // member applies the same term events at the same positions, so every member schedules the same ticks
            // (Aeron's time unit is known only from the first term event on). Later ticks are scheduled by each tick,
            // and a snapshot carries the pending one in the consensus module's state.
            cluster.scheduleTimer(CLOCK_TIMER, timestamp + timeUnit.convert(clockIntervalMillis, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public int doBackgroundWork(final long nowNs)
    {
        // The state hash for operators, at most ten times a second and only when an event changed it.
        if (engine != null && hashAt.events() != sequence && nowNs - lastHashNanos > 100_000_000L)
        {
            lastHashNanos = nowNs;
            hashAt = new HashAt(Hash64.hex(engine.core().stateHash()), sequence);
            return 1;
        }
        return 0;
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
    }

    /** Events applied so far (restored from a snapshot included). Any thread. */
    public long appliedEvents()
    {
        return applied;
    }

    /** The log position of the last message applied (0 before the first in this process). Any thread. */
    public long appliedPosition()
    {
        return appliedPosition;
    }

    /** Messages refused as no event record. Any thread. */
    public long refusedMessages()
    {
        return refused;
    }

    /** Snapshots this service wrote. Any thread. */
    public long snapshotsTaken()
    {
        return snapshotsTaken;
    }

    /** Whether this service started from a snapshot. Any thread. */
    public boolean restoredFromSnapshot()
    {
        return restoredFromSnapshot;
    }

    /** This member's role as the cluster last told it. Any thread. */
    public Cluster.Role role()
    {
        return role;
    }

    /** Whether this member sends orders now. Any thread. */
    public boolean sending()
    {
        return sending;
    }

    /** Orders and cancels handed to the egress by this process. Any thread. */
    public long ordersSent()
    {
        return ordersSent;
    }

    /** The leader the log last announced, or -1. Any thread. */
    public int leaderMemberId()
    {
        return leaderMemberId;
    }

    /** The client order id prefix (from the log's first event; "" before it). Any thread. */
    public String clientOrderPrefix()
    {
        return clientOrderPrefix;
    }

    /** The latest state hash for operators and the event count it was taken at. Any thread. */
    public HashAt latestHash()
    {
        return hashAt;
    }

    /** The core's state hash, as {@code replay} prints it. Only when quiet (see the class comment). */
    public String stateHash()
    {
        return Hash64.hex(engine.core().stateHash());
    }

    /** The output digest, as {@code replay} prints it. Only when quiet (see the class comment). */
    public String outputDigestHex()
    {
        return engine.digest().hex();
    }

    /** The engine (core, digest, metrics, ledger). Only when quiet (see the class comment). */
    public RecoverableEngine engine()
    {
        return engine;
    }
}
