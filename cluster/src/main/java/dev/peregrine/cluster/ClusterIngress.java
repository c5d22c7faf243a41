package dev.peregrine.cluster;

import dev.peregrine.core.event.InboundEvent;
import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import dev.peregrine.shaded.agrona.CloseHelper;
import dev.peregrine.shaded.agrona.DirectBuffer;
import dev.peregrine.shaded.agrona.concurrent.IdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * A publisher of inbound events to the cluster: an Aeron Cluster client session (with a media driver of its own)
 * that offers each event as one {@link EventMessageCodec} message to the leader's ingress. Back-pressure and an
 * election in progress are waited out; a leader change is followed (the client hears the new leader on its egress
 * and re-points its ingress, which {@link #offer} drives by polling the egress while it waits); a session the
 * cluster closed (timed out during a long election) is reconnected.
 *
 * <p>The egress (the cluster's answers, leader changes) comes back to an ephemeral port on localhost: the client
 * runs on a member's machine, as the tests and the demo run it; a client elsewhere needs its host configured.
 *
 * <p>What it does not promise: an event offered to a leader that dies before committing it is lost, not resent:
 * offers to a dead leader's ingress succeed until the publication's flow-control window is full (about 400 events
 * at term-length 64k in the failover test). Exactly-once ingress needs sequence numbers the service
 * de-duplicates and a resend of the unacknowledged tail after a leader change (a later slice).
 *
 * <p>Threads: one caller thread owns it (offer, pollEgress, close).
 */
public final class ClusterIngress implements AutoCloseable
{
    private final ClusterMembers members;
    private final MediaDriver driver;
    private final EventMessageCodec codec = new EventMessageCodec();
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private AeronCluster client;
    private long reconnects;

    private final String aeronDir;
    private final String ingressEndpoints;

    private ClusterIngress(final ClusterMembers members, final MediaDriver driver, final String aeronDir,
        final String ingressEndpoints)
    {
        this.members = members;
        this.driver = driver;
        this.aeronDir = aeronDir;
        this.ingressEndpoints = ingressEndpoints;
    }

    /**
     * Connects to {@code members} through a media driver already running in {@code aeronDir} (a member's own: the
     * leader's ingress ring and its operator commands), waiting for the cluster to answer.
     */
    public static ClusterIngress attach(final ClusterMembers members, final String aeronDir)
    {
        final ClusterIngress ingress = new ClusterIngress(members, null, aeronDir, members.ingressEndpoints());
        ingress.client = ingress.newClient();
        return ingress;
    }

    /**
     * Connects to member {@code memberId} alone, through its media driver in {@code aeronDir}: the new leader's own
     * ingress. Given every member, Aeron's client asks the first that answers, and a follower still in the election
     * redirects it to the leader it knew (Aeron's follower answers with its last known leader), and a dead leader
     * never answers: the connect waits out its 5 s message timeout. A leader asking itself is answered at once, or
     * refused if it no longer leads (its duties stop then anyway).
     */
    public static ClusterIngress attachToMember(final ClusterMembers members, final int memberId, final String aeronDir)
    {
        final ClusterIngress ingress = new ClusterIngress(members, null, aeronDir, members.ingressEndpoint(memberId));
        ingress.client = ingress.newClient();
        return ingress;
    }

    /** Connects to {@code members}, starting a media driver in {@code aeronDir} (scratch: deleted on start and close). */
    public static ClusterIngress connect(final ClusterMembers members, final String aeronDir)
    {
        return connect(members, aeronDir, new SleepingMillisIdleStrategy(1));
    }

    /** As {@link #connect(ClusterMembers, String)}, its media driver waiting with {@code driverIdle} when idle. */
    public static ClusterIngress connect(final ClusterMembers members, final String aeronDir, final IdleStrategy driverIdle)
    {
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(driverIdle)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(64 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        final ClusterIngress ingress = new ClusterIngress(members, driver, aeronDir, members.ingressEndpoints());
        try
        {
            ingress.client = ingress.newClient();
            return ingress;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    private AeronCluster newClient()
    {
        return AeronCluster.connect(new AeronCluster.Context()
            .aeronDirectoryName(aeronDir)
            .ingressChannel("aeron:udp?term-length=64k")
            .ingressEndpoints(ingressEndpoints)
            .egressChannel("aeron:udp?endpoint=localhost:0|term-length=64k")
            .egressListener((sessionId, timestamp, buffer, offset, length, header) -> { }));
    }

    /**
     * Offers {@code event}'s input fields to the cluster, waiting up to {@code timeoutNanos} through back-pressure
     * and elections.
     *
     * @throws IllegalStateException if the cluster did not take it in time (no leader: fewer than a majority up)
     */
    public void offer(final InboundEvent event, final long timeoutNanos)
    {
        final int length = codec.encode(event);
        offer(codec.buffer(), length, timeoutNanos);
    }

    /** Offers a message of another kind (an {@link EgressClaim}), as {@link #offer(InboundEvent, long)}. */
    void offer(final DirectBuffer message, final int length, final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        idle.reset();
        while (true)
        {
            if (client.isClosed())
            {
                reconnect(deadline);
            }
            final long result = client.offer(message, 0, length);
            if (result > 0)
            {
                client.pollEgress();
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                reconnect(deadline);
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the cluster took no event for " + timeoutNanos / 1_000_000 +
                    " ms (last offer " + result + "): is a majority of " + members.size() + " members up?");
            }
            client.pollEgress();
            idle.idle();
        }
    }

    private void reconnect(final long deadline)
    {
        CloseHelper.quietClose(client);
        while (true)
        {
            try
            {
                client = newClient();
                reconnects++;
                return;
            }
            catch (final RuntimeException ex)
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("cannot reconnect to the cluster: " + ex.getMessage(), ex);
                }
                idle.idle();
            }
        }
    }

    /** Polls the egress (leader changes, session events); call while idle so the session stays current. */
    public int pollEgress()
    {
        return client.isClosed() ? 0 : client.pollEgress();
    }

    /** The member this client believes leads. */
    public int leaderMemberId()
    {
        return client.leaderMemberId();
    }

    /** Times the session was re-established after the cluster closed it. */
    public long reconnects()
    {
        return reconnects;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(client, driver);
    }
}
