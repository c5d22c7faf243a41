package dev.peregrine.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import dev.peregrine.shaded.agrona.CloseHelper;
import dev.peregrine.shaded.agrona.concurrent.NoOpLock;
import dev.peregrine.shaded.agrona.concurrent.IdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.SleepingMillisIdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.status.AtomicCounter;

import io.aeron.archive.ArchiveTool;

import java.io.File;
import java.util.EnumSet;
import java.util.function.Supplier;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One cluster member in this process: a media driver, archive and consensus module ({@link ClusteredMediaDriver})
 * and the service container running one {@link ClusteredService}. Its archive and cluster folders live under
 * {@code nodeDir} and are kept across restarts, so a member restarted on the same folder loads its latest
 * snapshot and replays only the log after it; the media driver's folder ({@code aeronDir}) is scratch, deleted
 * on start and on close.
 *
 * <p>Every agent runs on a sleeping idle strategy, the driver and archive in SHARED threading mode, and the term
 * buffers are small and sparse: a member costs a few threads and little memory, right for tests and the demo on
 * one machine. Production tuning (dedicated threads, busy-spin) is a later, configured step.
 *
 * <p>Threads: Aeron's (driver, archive, consensus module, service container). {@link #launch} and {@link #close}
 * from any one thread; {@link #takeSnapshot} and the counters from any thread.
 */
public final class ClusterNode implements AutoCloseable
{
    /**
     * How long followers wait for the leader's heartbeat before electing a new one: Aeron's default (10 s) is a long
     * trading outage; much shorter risks needless elections when a loaded machine delays the leader's heartbeats.
     */
    public static final long LEADER_HEARTBEAT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long IDLE_MILLIS = 1;
    private static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";

    private final int memberId;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterNode(final int memberId, final ClusteredMediaDriver driver, final ClusteredServiceContainer container)
    {
        this.memberId = memberId;
        this.driver = driver;
        this.container = container;
    }

    /**
     * Starts member {@code memberId} of {@code members}.
     *
     * @param nodeDir  this member's archive and cluster folders (kept: a restart on it resumes from them)
     * @param aeronDir the media driver's folder, unique per member on this machine (under /dev/shm where it exists);
     *                 also the folder of the archive's, consensus module's and container's mark files, scratch like the
     *                 driver's (deleted as it starts): a member SIGKILLed a moment ago then restarts at once instead of
     *                 finding its mark files "active" until Aeron's liveness time-out. The price: Aeron no longer
     *                 refuses a second process started on the same member folder; one member, one process
     */
    public static ClusterNode launch(final ClusterMembers members, final int memberId, final Path nodeDir,
        final String aeronDir, final ClusteredService service)
    {
        return launch(members, memberId, nodeDir, aeronDir, service, LEADER_HEARTBEAT_TIMEOUT_NS);
    }

    /** As {@link #launch(ClusterMembers, int, Path, String, ClusteredService)}, with another leader heartbeat timeout. */
    public static ClusterNode launch(final ClusterMembers members, final int memberId, final Path nodeDir,
        final String aeronDir, final ClusteredService service, final long leaderHeartbeatTimeoutNs)
    {
        return launch(members, memberId, nodeDir, aeronDir, service, leaderHeartbeatTimeoutNs, ClusterNode::idle);
    }

    /**
     * As {@link #launch(ClusterMembers, int, Path, String, ClusteredService, long)}, every agent (driver, archive,
     * consensus module, service container) waiting with {@code idle}'s strategies instead of 1 ms sleeps: the sleeps
     * are most of the cluster's added latency (bench README, "Cluster"), spinning costs a core per agent.
     */
    public static ClusterNode launch(final ClusterMembers members, final int memberId, final Path nodeDir,
        final String aeronDir, final ClusteredService service, final long leaderHeartbeatTimeoutNs,
        final Supplier<IdleStrategy> idle)
    {
        try
        {
            return launchOnce(members, memberId, nodeDir, aeronDir, service, leaderHeartbeatTimeoutNs, idle);
        }
        catch (final RuntimeException ex)
        {
            if (!archiveCannotOpenItsLog(ex))
            {
                throw ex;
            }
            if (ex.getMessage() != null && ex.getMessage().contains(TORN_TAIL))
            {
                // A crash in the middle of writing the log's last fragment, where it crosses a page: Aeron refuses to
                // guess. That fragment was never whole, so never acknowledged to the leader: truncating it (what Aeron's
                // ArchiveTool verify offers) loses nothing the cluster committed; the leader sends the log after it.
                System.err.println("cluster member " + memberId + ": " + ex.getMessage() + ": a crash tore the log's " +
                    "last fragment; truncating it (ArchiveTool verify) and starting again");
                try
                {
                    ArchiveTool.verify(System.err, nodeDir.resolve("archive").toFile(),
                        EnumSet.noneOf(ArchiveTool.VerifyOption.class), null, file -> true);
                    return launchOnce(members, memberId, nodeDir, aeronDir, service, leaderHeartbeatTimeoutNs, idle);
                }
                catch (final RuntimeException again)
                {
                    ex.addSuppressed(again);
                }
            }
            // Aeron's archive cannot read this member's log back after a crash (1.47's recovery of a torn tail can
            // fail outright). The member's folder is set aside, kept for inspection, and the member joins empty: the
            // leader replicates the whole log to it, as to a member whose disk was replaced. Safe while a majority
            // holds the log; a cluster that lost its majority's folders has to be restored by hand anyway.
            final Path aside = setAside(nodeDir);
            System.err.println("cluster member " + memberId + ": its log cannot be opened after a crash (" + ex +
                "): set aside as " + aside + "; joining empty, the leader sends the log again");
            return launchOnce(members, memberId, nodeDir, aeronDir, service, leaderHeartbeatTimeoutNs, idle);
        }
    }

    /** Whether {@code ex} is the archive failing to read its catalog or log files back at start. */
    private static boolean archiveCannotOpenItsLog(final Throwable ex)
    {
        for (final StackTraceElement frame : ex.getStackTrace())
        {
            if (frame.getClassName().equals("io.aeron.archive.Catalog"))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves a member's folder aside ({@code <folder>.damaged-<epoch ms>}), so the member starts empty; returns where it
     * went.
     */
    static Path setAside(final Path nodeDir)
    {
        final Path aside = nodeDir.resolveSibling(nodeDir.getFileName() + ".damaged-" + System.currentTimeMillis());
        try
        {
            java.nio.file.Files.move(nodeDir, aside);
            return aside;
        }
        catch (final java.io.IOException ex)
        {
            throw new IllegalStateException("cannot set aside the damaged member folder " + nodeDir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Client sessions the cluster holds at once. Each leader's own ingress is a session, and a dead leader's stays
     * until it times out (10 s), a time-out every election restarts: under failovers a few seconds apart they piled up
     * to Aeron's default limit of 10 and the next leader could not connect its ingress until they expired (the SIGKILL
     * test saw a 9-14 s failover at every tenth kill). Operators' command sessions count too.
     */
    static final int MAX_SESSIONS = 256;

    /** Aeron's refusal to start on a torn last fragment (Catalog's page-straddle check). */
    private static final String TORN_TAIL = "incomplete last fragment straddling page boundary";

    private static ClusterNode launchOnce(final ClusterMembers members, final int memberId, final Path nodeDir,
        final String aeronDir, final ClusteredService service, final long leaderHeartbeatTimeoutNs,
        final Supplier<IdleStrategy> idle)
    {
        members.check(memberId);
        if (leaderHeartbeatTimeoutNs < TimeUnit.MILLISECONDS.toNanos(500))
        {
            throw new IllegalArgumentException("a leader heartbeat timeout of " + leaderHeartbeatTimeoutNs / 1_000_000 +
                " ms is shorter than a few heartbeats (200 ms apart): use 500 ms or more");
        }
        final String host = members.host(memberId);
        final MediaDriver.Context driver = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle.get())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(64 * 1024)
            .ipcTermBufferLength(256 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        final Archive.Context archive = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(nodeDir.resolve("archive").toFile())
            .archiveId(memberId)
            .markFileDir(new File(aeronDir))
            .controlChannel(members.archiveControlChannel(memberId))
            .localControlChannel(LOCAL_CONTROL)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle);
        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(LOCAL_CONTROL)
            .controlResponseChannel(LOCAL_CONTROL)
            .aeronDirectoryName(aeronDir);
        final ConsensusModule.Context consensus = new ConsensusModule.Context()
            .clusterMemberId(memberId)
            .clusterMembers(members.topology())
            .clusterDir(nodeDir.resolve("cluster").toFile())
            .markFileDir(new File(aeronDir))
            .archiveContext(archiveClient.clone())
            .serviceCount(1)
            .ingressChannel("aeron:udp?term-length=64k")
            .logChannel("aeron:udp?term-length=256k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .leaderHeartbeatTimeoutNs(leaderHeartbeatTimeoutNs)
            .maxConcurrentSessions(MAX_SESSIONS)
            .errorHandler(error -> reportError(memberId, "consensus module", error))
            .idleStrategySupplier(idle);
        ClusteredMediaDriver clustered = null;
        try
        {
            clustered = ClusteredMediaDriver.launch(driver, archive, consensus);
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(
                new ClusteredServiceContainer.Context()
                    .aeronDirectoryName(aeronDir)
                    .archiveContext(archiveClient.clone())
                    .clusterDir(nodeDir.resolve("cluster").toFile())
                    .markFileDir(new File(aeronDir))
                    .snapshotChannel("aeron:ipc?alias=snapshot|term-length=256k")
                    .clusteredService(service)
                    .serviceId(0)
                    .errorHandler(error -> reportError(memberId, "clustered core", error))
                    .idleStrategySupplier(idle));
            return new ClusterNode(memberId, clustered, container);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(clustered);
            throw ex;
        }
    }

    /** Aeron's agents keep running after most errors; the operator sees each on stderr (Aeron's error log has them too). */
    private static void reportError(final int memberId, final String agent, final Throwable error)
    {
        System.err.println("cluster member " + memberId + ", " + agent + ": " + error);
    }

    private static IdleStrategy idle()
    {
        return new SleepingMillisIdleStrategy(IDLE_MILLIS);
    }

    public int memberId()
    {
        return memberId;
    }

    /**
     * Asks this member's consensus module for a snapshot of every member (ClusterControl's SNAPSHOT toggle; it acts
     * only on the leader). Returns false if the toggle was busy with another request.
     */
    public boolean takeSnapshot()
    {
        final AtomicCounter toggle = driver.consensusModule().context().controlToggleCounter();
        return ClusterControl.ToggleState.SNAPSHOT.toggle(toggle);
    }

    /** Snapshots this member's consensus module has completed. Any thread. */
    public long snapshotCount()
    {
        return driver.consensusModule().context().snapshotCounter().get();
    }

    /** The log position a majority of members has stored. Any thread. */
    public long commitPosition()
    {
        return driver.consensusModule().context().commitPositionCounter().get();
    }

    /** The consensus module's current leadership term. Any thread. */
    public long leadershipTermId()
    {
        return driver.consensusModule().context().leadershipTermIdCounter().get();
    }

    /** Elections this member took part in since it started. Any thread. */
    public long elections()
    {
        return driver.consensusModule().context().electionCounter().get();
    }

    /** The media driver's folder (a client in this process attaches to it). */
    public String aeronDirectoryName()
    {
        return driver.mediaDriver().aeronDirectoryName();
    }

    /** Stops the service container, then the consensus module, archive and driver (deleting the driver's folder). */
    @Override
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
