package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.core.snapshot.StateWriter;
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

    private final ProductCatalog catalog;
    private final EngineSettings settings;
    private final AppliedEvents observer;
    private final EventMessageCodec codec = new EventMessageCodec();
    private final InboundEvent slot = new InboundEvent();
    private final StateWriter stateWriter = new StateWriter();
    private RecoverableEngine engine;
    private Cluster cluster;
    private long sequence;
    private volatile long applied;
    private volatile long refused;
    private volatile long snapshotsTaken;
    private volatile boolean restoredFromSnapshot;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;

    /** @param settings paper venue mode for now: the paper venue's fills are then a function of the log alone */
    public CoreClusteredService(final ProductCatalog catalog, final EngineSettings settings, final AppliedEvents observer)
    {
        if (settings.liveVenue())
        {
            throw new IllegalArgumentException("the clustered core runs the paper venue only for now (set venue.mode=paper):" +
                " live orders need the leader-only egress that is not built yet");
        }
        this.catalog = catalog;
        this.settings = settings;
        this.observer = observer == null ? AppliedEvents.NONE : observer;
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
            restoredFromSnapshot = true;
        }
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
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
        engine.statistics().onEvent(slot, sequence, true);
        observer.onApplied(slot, sequence);
        sequence++;
        applied = sequence;
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final int length = stateWriter.write(engine.roots());
        SnapshotStream.write(snapshotPublication, cluster.idleStrategy(), sequence, stateWriter.buffer(), length);
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
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
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
