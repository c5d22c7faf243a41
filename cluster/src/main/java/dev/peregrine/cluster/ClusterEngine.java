package dev.peregrine.cluster;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.venue.RecoveredOrder;
import io.aeron.cluster.service.Cluster;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One cluster member running Peregrine's core: the consensus module and the clustered core
 * ({@link CoreClusteredService}), and, while this member leads, a {@link LeaderSession} (ingress ring, feed, live
 * order path). Followers apply the same log and stand by.
 *
 * <p>Threads: Aeron's (driver, archive, consensus module, service container: the core's thread); the member's
 * leader thread ({@code peregrine-cluster-leader}) opens a leader session when the member becomes leader and closes
 * it when it stops; {@link #status()} from any thread; {@link #command} from any thread (serialized).
 */
public final class ClusterEngine implements AutoCloseable
{
    private static final long OFFER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ClusterEngineSettings settings;
    private final long nonce;
    private final CoreClusteredService service;
    private final Consumer<String> log;
    private final Thread leaderThread;
    private volatile ClusterNode node;
    private volatile LeaderSession session;
    private volatile boolean running = true;
    /** Set as the member closes: Aeron's counters are unmapped after it, reading them would crash the JVM. */
    private volatile ClusterStatus finalStatus;
    private ClusterIngress commandIngress;
    private final InboundEvent command = new InboundEvent();

    private ClusterEngine(final ClusterEngineSettings settings, final Consumer<String> log)
    {
        this.settings = settings;
        this.log = log;
        long drawn;
        do
        {
            drawn = new SecureRandom().nextLong();
        }
        while (drawn == 0);
        this.nonce = drawn;
        this.service = new CoreClusteredService(settings.catalog(), settings.settings(), CoreClusteredService.AppliedEvents.NONE,
            new SessionEgress(), settings.clockIntervalMillis());
        this.leaderThread = new Thread(this::leaderLoop, "peregrine-cluster-leader");
        this.leaderThread.setDaemon(true);
    }

    /**
     * Starts the member: it joins (or forms) the cluster, replays its log from its latest snapshot, and leads or follows.
     *
     * @param log one line at a time, for the operator (leadership changes, reconciliation, a feed that would not start)
     */
    public static ClusterEngine start(final ClusterEngineSettings settings, final Consumer<String> log)
    {
        final ClusterEngine engine = new ClusterEngine(settings, log);
        engine.node = ClusterNode.launch(settings.members(), settings.memberId(), settings.nodeDir(), settings.aeronDir(),
            engine.service, settings.leaderHeartbeatTimeoutNs());
        engine.leaderThread.start();
        return engine;
    }

    /** This member as its operator sees it. Any thread; after {@link #close()}, the figures it closed with. */
    public ClusterStatus status()
    {
        final ClusterStatus closedWith = finalStatus;
        if (closedWith != null)
        {
            return closedWith;
        }
        final ClusterNode member = node;
        final CoreClusteredService.HashAt hash = service.latestHash();
        return new ClusterStatus(settings.memberId(), service.role().name(),
            member == null ? -1 : member.leadershipTermId(), service.leaderMemberId(),
            member == null ? 0 : member.commitPosition(), service.appliedPosition(), service.appliedEvents(),
            hash.hash(), hash.events(), member == null ? 0 : member.elections(), service.sending(), service.ordersSent(),
            service.clientOrderPrefix());
    }

    /**
     * Puts an operator command (a {@code CommandCode}) on the log through the leader, wherever this member stands,
     * stamped with wall-clock time: every member's core applies it at the same position.
     *
     * @throws IllegalStateException if the cluster took it not within 5 s (no majority up)
     */
    public synchronized void command(final int commandCode)
    {
        if (commandIngress == null)
        {
            commandIngress = ClusterIngress.attach(settings.members(), settings.aeronDir());
        }
        command.clearInputs();
        command.type = EventType.COMMAND;
        command.flags = commandCode;
        command.eventTimeNanos = System.currentTimeMillis() * 1_000_000L;
        commandIngress.offer(command, OFFER_TIMEOUT_NANOS);
    }

    /** Asks for a snapshot of every member (acts on the leader only); false if the request could not be made. */
    public boolean takeSnapshot()
    {
        return node.takeSnapshot();
    }

    /** Snapshots this member completed. */
    public long snapshotCount()
    {
        return node.snapshotCount();
    }

    /** The clustered core (for tests and the summary; its engine only once the log is quiet). */
    public CoreClusteredService service()
    {
        return service;
    }

    private void leaderLoop()
    {
        boolean toldRestore = false;
        long nextSnapshot = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.snapshotIntervalMillis());
        while (running)
        {
            try
            {
                if (!toldRestore && service.restoredFromSnapshot())
                {
                    toldRestore = true;
                    log.accept("member " + settings.memberId() + " started from its latest snapshot (" +
                        service.appliedEvents() + " events in it) and replays the log after it");
                }
                final boolean leads = service.role() == Cluster.Role.LEADER;
                if (leads && settings.snapshotIntervalMillis() > 0 && System.nanoTime() - nextSnapshot > 0)
                {
                    // On the leader only: every member snapshots at the same log position.
                    node.takeSnapshot();
                    nextSnapshot = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.snapshotIntervalMillis());
                }
                if (leads && session == null)
                {
                    log.accept("member " + settings.memberId() + " leads (term " + node.leadershipTermId() +
                        "): claiming the egress");
                    final LeaderSession opened = LeaderSession.open(settings.members(), settings.aeronDir(),
                        settings.memberId(), nonce, settings.duties(), log);
                    // Published before the claim leaves: the service looks for the session when the claim comes back.
                    session = opened;
                    opened.start();
                }
                else if (!leads && session != null)
                {
                    log.accept("member " + settings.memberId() + " no longer leads: feed and order path stopped");
                    closeSession();
                }
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            catch (final RuntimeException ex)
            {
                // A leader whose own ingress does not connect (an election under way): try again shortly.
                log.accept("member " + settings.memberId() + ": " + ex.getMessage());
                closeSession();
                sleepQuietly(200);
            }
        }
    }

    private void closeSession()
    {
        final LeaderSession closing = session;
        session = null;
        if (closing != null)
        {
            closing.close();
        }
    }

    private static void sleepQuietly(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the leader's duties first (no order after this), then the member. */
    @Override
    public void close()
    {
        running = false;
        leaderThread.interrupt();
        try
        {
            leaderThread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        closeSession();
        synchronized (this)
        {
            if (commandIngress != null)
            {
                commandIngress.close();
                commandIngress = null;
            }
        }
        final ClusterNode member = node;
        if (member != null && finalStatus == null)
        {
            finalStatus = status();
            member.close();
        }
    }

    /** The service's egress: this member's current leader session, if it has one. Service thread. */
    private final class SessionEgress implements CoreClusteredService.Egress
    {
        private LeaderSession active;

        @Override
        public long nonce()
        {
            return nonce;
        }

        @Override
        public void activate(final List<RecoveredOrder> open, final String clientOrderPrefix,
            final InstrumentRegistry instruments)
        {
            active = session;
            if (active == null)
            {
                log.accept("member " + settings.memberId() + ": its claim came back after it stopped leading: not sending");
                return;
            }
            active.activate(open, clientOrderPrefix, instruments);
        }

        @Override
        public void send(final OrderCommand order)
        {
            if (active != null)
            {
                active.send(order);
            }
        }

        @Override
        public void deactivate()
        {
            active = null;
        }
    }
}
