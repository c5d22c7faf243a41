package dev.peregrine.bench.cluster;

import dev.peregrine.cluster.ClusterMembers;
import dev.peregrine.cluster.ClusterNode;
import dev.peregrine.shaded.agrona.CloseHelper;
import dev.peregrine.shaded.agrona.concurrent.NoOpLock;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

import java.nio.file.Path;

/**
 * The bench's copy of {@link ClusterNode#launch}: the same channels, term lengths, SHARED threading, folders and
 * heartbeat timeout, with the idle strategy of every agent a parameter ({@link ClusterIdle}) where ClusterNode fixes
 * 1 ms sleeps. Only for the bench's idle-strategy comparison; kept line for line with ClusterNode's contexts, so a
 * change there must be copied here (the figures for the cluster as shipped use ClusterNode itself).
 */
final class TunedMember implements AutoCloseable
{
    private static final String LOCAL_CONTROL = "aeron:ipc?term-length=64k";

    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private TunedMember(final ClusteredMediaDriver driver, final ClusteredServiceContainer container)
    {
        this.driver = driver;
        this.container = container;
    }

    static TunedMember launch(final ClusterMembers members, final int memberId, final Path nodeDir,
        final String aeronDir, final ClusteredService service, final long leaderHeartbeatTimeoutNs, final ClusterIdle idle)
    {
        members.check(memberId);
        final String host = members.host(memberId);
        final MediaDriver.Context driver = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle.newIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(64 * 1024)
            .ipcTermBufferLength(256 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        final Archive.Context archive = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(nodeDir.resolve("archive").toFile())
            .archiveId(memberId)
            .controlChannel(members.archiveControlChannel(memberId))
            .localControlChannel(LOCAL_CONTROL)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle::newIdleStrategy);
        final AeronArchive.Context archiveClient = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(LOCAL_CONTROL)
            .controlResponseChannel(LOCAL_CONTROL)
            .aeronDirectoryName(aeronDir);
        final ConsensusModule.Context consensus = new ConsensusModule.Context()
            .clusterMemberId(memberId)
            .clusterMembers(members.topology())
            .clusterDir(nodeDir.resolve("cluster").toFile())
            .archiveContext(archiveClient.clone())
            .serviceCount(1)
            .ingressChannel("aeron:udp?term-length=64k")
            .logChannel("aeron:udp?term-length=256k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .leaderHeartbeatTimeoutNs(leaderHeartbeatTimeoutNs)
            .idleStrategySupplier(idle::newIdleStrategy);
        ClusteredMediaDriver clustered = null;
        try
        {
            clustered = ClusteredMediaDriver.launch(driver, archive, consensus);
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(
                new ClusteredServiceContainer.Context()
                    .aeronDirectoryName(aeronDir)
                    .archiveContext(archiveClient.clone())
                    .clusterDir(nodeDir.resolve("cluster").toFile())
                    .snapshotChannel("aeron:ipc?alias=snapshot|term-length=256k")
                    .clusteredService(service)
                    .serviceId(0)
                    .idleStrategySupplier(idle::newIdleStrategy));
            return new TunedMember(clustered, container);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(clustered);
            throw ex;
        }
    }

    /** The client's media driver, as {@code ClusterIngress.connect} starts it, with this idle strategy. */
    static MediaDriver clientDriver(final String aeronDir, final ClusterIdle idle)
    {
        return MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle.newIdleStrategy())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(64 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(container, driver);
    }
}
