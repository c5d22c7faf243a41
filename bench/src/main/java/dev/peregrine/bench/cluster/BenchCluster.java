package dev.peregrine.bench.cluster;

import dev.peregrine.cluster.ClusterIngress;
import dev.peregrine.cluster.ClusterMembers;
import dev.peregrine.cluster.ClusterNode;
import dev.peregrine.cluster.CoreClusteredService;
import io.aeron.cluster.service.Cluster;
import dev.peregrine.shaded.agrona.CloseHelper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Three (or n) members on loopback in this JVM, as the cluster tests run them ({@link ClusterNode#launch}: Aeron's
 * driver and archive in SHARED threading mode, every agent on a 1 ms sleeping idle strategy), each member's service
 * stamping when it applied each event ({@link AppliedTimes}), and one {@link ClusterIngress} client. Member folders
 * in a temporary folder (deleted on close), media driver folders under /dev/shm with unique names (the drivers delete
 * them on close). {@link #close} stops everything that started.
 */
final class BenchCluster implements AutoCloseable
{
    static final long OFFER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final ClusterMembers members;
    private final Path dir;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final long leaderHeartbeatTimeoutNs;
    private final ClusterIdle idle;
    private final ClusterNode[] nodes;
    private final CoreClusteredService[] services;
    private final AppliedTimes[] times;
    private ClusterIngress ingress;

    /**
     * @param capacity the most events whose applied time each member records
     * @param idle     every agent's idle strategy, the client's driver's too ({@link ClusterIdle#SLEEPING}: as shipped)
     */
    BenchCluster(final int size, final int portBase, final long leaderHeartbeatTimeoutNs, final int capacity,
        final ClusterIdle idle) throws IOException
    {
        this.idle = idle;
        this.members = ClusterMembers.loopback(size, portBase);
        this.leaderHeartbeatTimeoutNs = leaderHeartbeatTimeoutNs;
        this.dir = Files.createTempDirectory("peregrine-cluster-bench-" + runId);
        this.nodes = new ClusterNode[size];
        this.services = new CoreClusteredService[size];
        this.times = new AppliedTimes[size];
        for (int i = 0; i < size; i++)
        {
            times[i] = new AppliedTimes(capacity);
        }
    }

    /** Starts every member, then the client (which waits for a leader). */
    void start()
    {
        for (int i = 0; i < nodes.length; i++)
        {
            final AppliedTimes memberTimes = times[i];
            services[i] = new CoreClusteredService(ClusterMarket.catalog(), ClusterMarket.settings(),
                (event, index) -> memberTimes.onApplied(index, event.venueSequence));
            nodes[i] = ClusterNode.launch(members, i, dir.resolve("node" + i), aeronDir("node" + i), services[i],
                leaderHeartbeatTimeoutNs, idle::newIdleStrategy);
        }
        ingress = ClusterIngress.connect(members, aeronDir("client"), idle.newIdleStrategy());
    }

    private String aeronDir(final String name)
    {
        final Path shm = Path.of("/dev/shm");
        final Path base = Files.isDirectory(shm) ? shm : dir;
        return base.resolve("peregrine-cluster-bench-" + runId + "-" + name).toString();
    }

    ClusterIngress ingress()
    {
        return ingress;
    }

    int size()
    {
        return nodes.length;
    }

    boolean running(final int member)
    {
        return nodes[member] != null;
    }

    CoreClusteredService service(final int member)
    {
        return services[member];
    }

    AppliedTimes times(final int member)
    {
        return times[member];
    }

    /** Stops member {@code member} as the failover test does (a clean close of its container and driver). */
    void stop(final int member)
    {
        final AutoCloseable node = nodes[member];
        nodes[member] = null;
        CloseHelper.close(node);
    }

    /** A running member whose service was told it leads, or -1. */
    int leaderNow()
    {
        for (int i = 0; i < nodes.length; i++)
        {
            if (nodes[i] != null && services[i].role() == Cluster.Role.LEADER)
            {
                return i;
            }
        }
        return -1;
    }

    /** Waits up to 30 s for a leader (the client's egress polled meanwhile). */
    int leader()
    {
        await("a leader", () -> leaderNow() >= 0);
        return leaderNow();
    }

    /** Waits until every running member applied {@code count} events. */
    void awaitAppliedEverywhere(final long count)
    {
        await(count + " events applied on every running member", () ->
        {
            for (int i = 0; i < nodes.length; i++)
            {
                if (nodes[i] != null && services[i].appliedEvents() < count)
                {
                    return false;
                }
            }
            return true;
        });
    }

    /** Polls {@code condition} every millisecond, the client's egress with it, for up to 30 s. */
    void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + OFFER_TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("timed out waiting for " + what + "; applied per member: " + applied());
            }
            if (ingress != null)
            {
                ingress.pollEgress();
            }
            sleepMillis(1);
        }
    }

    String applied()
    {
        final StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < nodes.length; i++)
        {
            s.append(i == 0 ? "" : ", ").append(nodes[i] == null ? "down" : String.valueOf(services[i].appliedEvents()));
        }
        return s.append(']').toString();
    }

    static void sleepMillis(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(ingress);
        ingress = null;
        for (int i = nodes.length - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(nodes[i]);
            nodes[i] = null;
        }
        RingLatency.delete(dir);
    }
}
