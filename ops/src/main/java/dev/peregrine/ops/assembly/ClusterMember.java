package dev.peregrine.ops.assembly;

import dev.peregrine.cluster.ClusterEngine;
import dev.peregrine.cluster.ClusterEngineSettings;
import dev.peregrine.cluster.ClusterStatus;
import dev.peregrine.cluster.CoreClusteredService;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.config.ClusterConfig;
import dev.peregrine.ops.http.AdminToken;
import dev.peregrine.ops.http.ClusterHealthEndpoint;
import dev.peregrine.ops.http.MetricsEndpoint;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One cluster member of {@code run} (a {@code cluster:} section), assembled from the same concluded
 * {@link EngineOptions} a single node is, so that every member given the same file builds the same core settings:
 * <ol>
 *   <li>settings concluded ({@link EngineOptions#conclude()});</li>
 *   <li>venue: what the member runs while it leads ({@link ClusterDuties}: feed, live order path, a simulated market);</li>
 *   <li>HTTP bound: {@code /health}, {@code /ready} and {@code /admin/} ({@link ClusterHealthEndpoint}) and
 *       {@code /metrics} (a taken port fails before the member joins);</li>
 *   <li>the member started ({@link ClusterEngine}: it joins or forms the cluster and replays its log);</li>
 *   <li>HTTP started.</li>
 * </ol>
 * The single-node journal, ring and sidecar are not built: the cluster's log is the record and the core runs on the
 * service container's thread. {@link #close()} undoes the steps in reverse, also when one fails.
 */
public final class ClusterMember implements AutoCloseable
{
    private final EngineOptions options;
    private final ClusterConfig cluster;
    private ClusterDuties duties;
    private ClusterHealthEndpoint health;
    private MetricsEndpoint metrics;
    private ClusterEngine engine;
    private String adminTokenSource;
    private boolean closed;
    private volatile ClusterStatus closedStatus;

    private ClusterMember(final EngineOptions options, final ClusterConfig cluster)
    {
        this.options = options;
        this.cluster = cluster;
    }

    /**
     * Builds and starts the member; a problem the user can fix (a port in use) is a {@link UsageException}, with
     * everything built so far closed.
     *
     * @param log the operator's lines: leadership changes, reconciliation, a feed that would not start
     */
    public static ClusterMember start(final EngineOptions options, final ClusterConfig cluster, final Consumer<String> log)
    {
        // 1. settings concluded
        try
        {
            options.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        final ClusterMember member = new ClusterMember(options, cluster);
        boolean started = false;
        try
        {
            member.build(log);
            started = true;
            return member;
        }
        finally
        {
            if (!started)
            {
                member.close();
            }
        }
    }

    private void build(final Consumer<String> log)
    {
        // 2. venue
        duties = new ClusterDuties(options);
        final ProductCatalog catalog = options.catalog() != null ? options.catalog() :
            VenueRegistry.standard().catalog(options.venue());
        if (options.settings().liveVenue())
        {
            for (final String product : options.settings().products())
            {
                final ProductCatalog.Product terms = catalog.find(product);
                if (terms != null && terms.isPerpetual())
                {
                    // The leader's order path is started without the engine's view a single live engine gives a
                    // perpetual venue (leverage and margin type to set, positions to check, what the venue did while no
                    // one led): trading it live this way could run on the account's leverage, not the configured one.
                    throw new UsageException("products: " + product + " is a perpetual; a cluster trades perpetuals " +
                        "on paper only for now (live: spot products, or a single-node run)");
                }
            }
        }
        // 3. HTTP bound; the handlers reach the engine once step 4 has set it
        final String token;
        if (options.adminToken() != null)
        {
            token = options.adminToken();
            adminTokenSource = options.adminTokenSource();
        }
        else
        {
            // As the single node resolves it: PEREGRINE_ADMIN_TOKEN, the token file, or one generated beside the journal.
            final Path journalDir = options.journalDir();
            final AdminToken resolved = AdminToken.resolve(options.adminTokenFile(), System.getenv(),
                journalDir.resolveSibling(journalDir.getFileName() + ".admin-token"));
            token = resolved.token();
            adminTokenSource = resolved.source();
        }
        try
        {
            health = ClusterHealthEndpoint.bind(new InetSocketAddress(options.bindInetAddress(), options.healthPort()),
                this::status, code -> engine.command(code), token);
        }
        catch (final IOException ex)
        {
            throw new UsageException("ports.health: cannot listen on " + options.healthPort() + ": " + ex.getMessage());
        }
        try
        {
            metrics = MetricsEndpoint.bindCluster(new InetSocketAddress(options.bindInetAddress(), options.metricsPort()),
                this::status);
        }
        catch (final IOException ex)
        {
            throw new UsageException("ports.metrics: cannot listen on " + options.metricsPort() + ": " + ex.getMessage());
        }
        // 4. the member
        engine = ClusterEngine.start(new ClusterEngineSettings(cluster.members(), cluster.memberId(), cluster.memberDir(),
            cluster.memberAeronDir(), catalog, options.settings(), duties, cluster.clockInterval().toMillis(),
            cluster.leaderHeartbeatTimeout().toNanos(), cluster.snapshotEvery().toMillis()), log);
        // 5. HTTP started
        health.start();
    }

    /**
     * The member's status: before the engine exists, a candidate that knows nothing yet; once closed, the last status
     * with the core's final figures ({@link #close()}).
     */
    public ClusterStatus status()
    {
        final ClusterStatus last = closedStatus;
        if (last != null)
        {
            return last;
        }
        final ClusterEngine running = engine;
        return running != null ? running.status() : new ClusterStatus(cluster.memberId(), "CANDIDATE", -1, -1, 0, 0, 0,
            "", 0, 0, false, 0, "");
    }

    public ClusterEngine engine()
    {
        return engine;
    }

    public ClusterConfig cluster()
    {
        return cluster;
    }

    public EngineOptions options()
    {
        return options;
    }

    public int healthPort()
    {
        return health.port();
    }

    public int metricsPort()
    {
        return metrics.port();
    }

    /** Where the admin token came from, for the start-up line. */
    public String adminTokenSource()
    {
        return adminTokenSource;
    }

    /** The simulated market beside this member, or null against a real venue (tests stop it to quiet the log). */
    public DemoExchange simulatedExchange()
    {
        return duties == null ? null : duties.exchange();
    }

    /**
     * Stops HTTP first (its handlers read the member's Aeron counters, which are unmapped once the member closes), then
     * the member (its leader duties first: no order after this), then the simulated market. After it, {@link #status()}
     * is the last status taken before the close, with the applied events and the state hash of the core, now quiet
     * (the service thread has stopped). Idempotent.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (health != null)
        {
            health.close();
        }
        if (metrics != null)
        {
            metrics.close();
        }
        final ClusterEngine closing = engine;
        if (closing != null)
        {
            final ClusterStatus before = closing.status();
            closing.close();
            final CoreClusteredService service = closing.service();
            final String hash = service.engine() != null ? service.stateHash() : before.stateHash();
            closedStatus = new ClusterStatus(before.memberId(), before.role(), before.leadershipTermId(),
                before.leaderMemberId(), before.commitPosition(), service.appliedPosition(), service.appliedEvents(), hash,
                service.appliedEvents(), before.elections(), false, service.ordersSent(), before.clientOrderPrefix());
        }
        if (duties != null)
        {
            duties.close();
        }
    }
}
