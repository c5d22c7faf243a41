package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.testing.TestProducts;
import io.aeron.cluster.service.Cluster;
import dev.peregrine.shaded.agrona.CloseHelper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Three (or n) members on loopback in this JVM, each with its service and the list of event indices
 * ({@code venueSequence}) its log applied, and a client. Media driver folders under /dev/shm with unique names
 * (deleted by the drivers on close); member folders under the test's temporary folder. {@link #close} stops all.
 */
final class LoopbackCluster implements AutoCloseable
{
    static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000)
        .withMinHold(0);
    private static final long OFFER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    final ClusterMembers members;
    private final Path dir;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    final ClusterNode[] nodes;
    final CoreClusteredService[] services;
    final List<List<Long>> applied = new ArrayList<>();
    private final long leaderHeartbeatTimeoutNs;
    private ClusterIngress ingress;

    /**
     * @param leaderHeartbeatTimeoutNs short where a test stops the leader; long where it must not lose events to a
     *                                 needless election on a loaded machine (the ingress does not resend yet)
     */
    LoopbackCluster(final Path dir, final int size, final int portBase, final long leaderHeartbeatTimeoutNs)
    {
        this.leaderHeartbeatTimeoutNs = leaderHeartbeatTimeoutNs;
        this.members = ClusterMembers.loopback(size, portBase);
        this.dir = dir;
        this.nodes = new ClusterNode[size];
        this.services = new CoreClusteredService[size];
        for (int i = 0; i < size; i++)
        {
            applied.add(new CopyOnWriteArrayList<>());
        }
    }

    /** Starts every member, then the client (which waits for a leader); {@link #close} stops what started. */
    void start()
    {
        for (int i = 0; i < nodes.length; i++)
        {
            startMember(i);
        }
        ingress = ClusterIngress.connect(members, aeronDir("client"));
    }

    /** Starts member {@code id} on its folder (a restart resumes from it), with a fresh service. */
    void startMember(final int id)
    {
        final List<Long> indices = applied.get(id);
        indices.clear();
        services[id] = new CoreClusteredService(TestProducts.CATALOG, SETTINGS,
            (event, index) -> indices.add(event.venueSequence));
        nodes[id] = ClusterNode.launch(members, id, dir.resolve("node" + id), aeronDir("node" + id), services[id],
            leaderHeartbeatTimeoutNs);
    }

    void stopMember(final int id)
    {
        CloseHelper.close(nodes[id]);
        nodes[id] = null;
    }

    private String aeronDir(final String name)
    {
        final Path shm = Path.of("/dev/shm");
        final Path base = Files.isDirectory(shm) ? shm : dir;
        return base.resolve("peregrine-cluster-test-" + runId + "-" + name).toString();
    }

    void send(final List<InboundEvent> events, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            ingress.offer(events.get(i), OFFER_TIMEOUT_NS);
        }
    }

    ClusterIngress ingress()
    {
        return ingress;
    }

    /** The member whose service last heard it leads, waiting up to 20 s for one. */
    int leader()
    {
        final int[] found = {-1};
        await("a leader", () ->
        {
            for (int i = 0; i < services.length; i++)
            {
                if (nodes[i] != null && services[i].role() == Cluster.Role.LEADER)
                {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits until every running member applied {@code count} events. */
    void awaitApplied(final long count)
    {
        await(count + " events applied on every running member", () ->
        {
            for (int i = 0; i < services.length; i++)
            {
                if (nodes[i] != null && services[i].appliedEvents() < count)
                {
                    return false;
                }
            }
            return true;
        });
    }

    /** Polls {@code condition} every 10 ms (the client's egress polled meanwhile) for up to 30 s. */
    void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out waiting for " + what + "; applied per member: " + appliedCounts());
            }
            if (ingress != null)
            {
                ingress.pollEgress();
            }
            try
            {
                Thread.sleep(10);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, ex);
            }
        }
    }

    String appliedCounts()
    {
        final List<String> counts = new ArrayList<>();
        for (int i = 0; i < services.length; i++)
        {
            counts.add(nodes[i] == null ? "down" : String.valueOf(services[i].appliedEvents()));
        }
        return counts.toString();
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(ingress);
        for (int i = nodes.length - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(nodes[i]);
            nodes[i] = null;
        }
    }
}
