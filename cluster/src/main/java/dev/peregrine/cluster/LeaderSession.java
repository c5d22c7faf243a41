package dev.peregrine.cluster;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.RecoveredOrder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One term of this member's leadership: an ingress ring in front of the cluster (the feed, the venue's answers and
 * the reconciliation publish into it exactly as they publish into the single engine's ring; one thread forwards
 * each event to the cluster, this member's own consensus module), the claim sent first on it, and, once the claim
 * is applied, the feed and the live order path. Closed when the member stops leading; a later term opens a new one.
 *
 * <p>Threads: opened and closed by the member's leader thread; {@link #activate} and {@link #send} on the service
 * thread; the ring's forwarder ({@code peregrine-cluster-ingress}) alone uses the ingress client.
 */
final class LeaderSession implements AutoCloseable
{
    private static final int RING_SIZE = 8192;
    private static final long OFFER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ClusterIngress ingress;
    private final Disruptor<InboundEvent> disruptor;
    private final RingBuffer<InboundEvent> ring;
    private final java.util.function.Supplier<LeaderDuties> duties;
    private final java.util.function.Consumer<String> log;
    private volatile boolean discarding;
    private volatile long forwarded;
    private volatile long dropped;
    private volatile MarketDataFeed feed;
    /** The order path while sending (null once closing), and the one to close. */
    private volatile LiveVenue venue;
    private volatile LiveVenue venueToClose;

    private LeaderSession(final ClusterIngress ingress, final int memberId, final long nonce,
        final java.util.function.Supplier<LeaderDuties> duties, final java.util.function.Consumer<String> log)
    {
        this.ingress = ingress;
        this.duties = duties;
        this.log = log;
        disruptor = new Disruptor<>(InboundEvent::new, RING_SIZE, runnable ->
        {
            final Thread thread = new Thread(runnable, "peregrine-cluster-ingress");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, new TimeoutBlockingWaitStrategy(100, TimeUnit.MILLISECONDS));
        disruptor.handleEventsWith(new Forwarder(memberId, nonce));
        ring = disruptor.getRingBuffer();
    }

    /** Starts forwarding, the claim first: call once this session is where the service will look for it. */
    void start()
    {
        disruptor.start();
    }

    /** Connects this member's ingress client to itself, the leader; {@link #start} starts forwarding. */
    static LeaderSession open(final ClusterMembers members, final String aeronDir, final int memberId, final long nonce,
        final java.util.function.Supplier<LeaderDuties> duties, final java.util.function.Consumer<String> log)
    {
        return new LeaderSession(ClusterIngress.attachToMember(members, memberId, aeronDir), memberId, nonce, duties, log);
    }

    /**
     * Service thread, at the claim's log position: reconcile what the core holds open, then start the order path and
     * the feed, all publishing into the ingress ring.
     */
    void activate(final List<RecoveredOrder> open, final String clientOrderPrefix, final InstrumentRegistry instruments)
    {
        final LeaderDuties built = duties.get();
        final LiveVenue live = built.liveVenue();
        if (live != null)
        {
            venueToClose = live;
            live.start(ring, instruments, clientOrderPrefix, open);
            venue = live;
        }
        log.accept("leading: " + open.size() + " open order(s) to reconcile with the venue, client order ids " +
            clientOrderPrefix + "<order id>");
        final MarketDataFeed marketData = built.marketData();
        feed = marketData;
        if (marketData != null)
        {
            try
            {
                marketData.start(ring, instruments);
            }
            catch (final RuntimeException ex)
            {
                log.accept("leading without market data: " + ex.getMessage());
            }
        }
    }

    /** Service thread: an order or cancel whose cause is committed. */
    void send(final OrderCommand command)
    {
        final LiveVenue live = venue;
        if (live != null)
        {
            live.send(command);
        }
    }

    /** Events forwarded to the cluster, and events dropped because it took none in time. Any thread. */
    long forwarded()
    {
        return forwarded;
    }

    long dropped()
    {
        return dropped;
    }

    /**
     * Leader thread, once the member no longer leads: nothing more is forwarded (an answer this member still held
     * would reach the new leader beside that leader's own reconciliation of the same order), then the feed and the
     * order path stop.
     */
    @Override
    public void close()
    {
        discarding = true;
        venue = null;
        final MarketDataFeed started = feed;
        if (started != null)
        {
            quietly(started::close, "the market-data feed");
        }
        final LiveVenue live = venueToClose;
        if (live != null)
        {
            quietly(live::close, "the order path");
        }
        try
        {
            disruptor.halt();
        }
        finally
        {
            quietly(ingress::close, "the ingress client");
        }
    }

    private void quietly(final AutoCloseableAction action, final String what)
    {
        try
        {
            action.close();
        }
        catch (final Exception ex)
        {
            log.accept("closing " + what + ": " + ex.getMessage());
        }
    }

    @FunctionalInterface
    private interface AutoCloseableAction
    {
        void close() throws Exception;
    }

    /** The ring's only consumer: the claim first, then every event to the cluster, in ring order. */
    private final class Forwarder implements EventHandler<InboundEvent>
    {
        private final int memberId;
        private final long nonce;
        private final EgressClaim claim = new EgressClaim();

        Forwarder(final int memberId, final long nonce)
        {
            this.memberId = memberId;
            this.nonce = nonce;
        }

        @Override
        public void onStart()
        {
            try
            {
                ingress.offer(claim.encode(memberId, nonce), EgressClaim.LENGTH, OFFER_TIMEOUT_NANOS);
            }
            catch (final IllegalStateException ex)
            {
                log.accept("the egress claim was not taken: " + ex.getMessage());
            }
        }

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            if (discarding)
            {
                dropped++;
                return;
            }
            try
            {
                ingress.offer(event, OFFER_TIMEOUT_NANOS);
                forwarded++;
            }
            catch (final IllegalStateException ex)
            {
                dropped++;
            }
        }

        @Override
        public void onTimeout(final long sequence)
        {
            // Quiet: keep the session's egress read (leader changes, session close) while nothing is forwarded.
            ingress.pollEgress();
        }
    }
}
