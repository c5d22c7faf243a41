package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderAdapter;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.CoinbaseUserChannelClient;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.VenueResponseListener;

import java.net.URI;
import java.time.Duration;

/**
 * The Coinbase order adapter wired into the engine. The outbound stage hands it each order only after
 * the order's cause is journaled ({@link #send}); the adapter talks to the venue on its own thread; and
 * every answer (accepted, rejected, fill, cancelled, cancel refused, unknown) is published back into the
 * ring as a VENUE_* inbound event, so it is journaled and the core applies it like any input. A replay
 * of the journal therefore reproduces a live session's fills without a venue.
 *
 * <p>Client order ids are {@code <prefix><orderId>} with a prefix derived from the journal (its creation
 * time): a restart continues the same journal and its order ids, a new journal gets a new prefix, so an
 * id is never reused and a resend after a crash is recognised by the venue.
 */
public final class CoinbaseLiveVenue implements LiveVenue, VenueResponseListener
{
    private final URI restBase;
    private final String jwtHost;
    private final URI userChannel;
    private final CoinbaseCredentials credentials;
    private final OrderAdapterMetrics metrics = new OrderAdapterMetrics();
    private final EpochClock clock = new EpochClock();
    private final java.util.concurrent.atomic.AtomicLong refusalsNotDelivered = new java.util.concurrent.atomic.AtomicLong();

    private volatile RingBuffer<InboundEvent> ring;
    private volatile String clientOrderPrefix;
    private volatile CoinbaseOrderAdapter adapter;
    private volatile CoinbaseUserChannelClient userClient;

    /**
     * @param restBase    the REST base, e.g. {@code https://api.coinbase.com} or an emulator's URI.
     * @param jwtHost     the host named in each JWT's {@code uri} claim.
     * @param userChannel the authenticated user WebSocket.
     */
    public CoinbaseLiveVenue(final URI restBase, final String jwtHost, final URI userChannel,
        final CoinbaseCredentials credentials)
    {
        this.restBase = restBase;
        this.jwtHost = jwtHost;
        this.userChannel = userChannel;
        this.credentials = credentials;
    }

    /**
     * Starts as {@link #start(RingBuffer, InstrumentRegistry, String)}, first handing the adapter the orders the
     * core recovered open from its journal: the adapter asks the venue's order list what became of each while
     * the engine was down, and publishes the differences (missed fills, cancels, orders that never reached
     * the venue) into the ring, where they are journaled like any venue report.
     */
    @Override
    public void start(final RingBuffer<InboundEvent> inbound, final InstrumentRegistry instruments, final String prefix,
        final java.util.List<RecoveredOrder> recovered)
    {
        this.ring = inbound;
        this.clientOrderPrefix = prefix;
        final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(credentials);
        final CoinbaseOrderClient client = new CoinbaseOrderClient(restBase, jwtHost, signer, Duration.ofSeconds(5),
            Duration.ofSeconds(5));
        adapter = new CoinbaseOrderAdapter(client, this, id -> id >= 0 && id < instruments.size() ?
            instruments.get(id).symbol() : null, CoinbaseOrderAdapter.Config.defaults(), metrics, System::nanoTime);
        for (final RecoveredOrder o : recovered)
        {
            adapter.adopt(o.orderId(), clientOrderId(o.orderId()), o.instrumentId(), o.side(),
                o.type() == dev.peregrine.core.order.OrderType.MARKET, o.type() == dev.peregrine.core.order.OrderType.LIMIT_IOC,
                o.quantity(), o.limitPrice(), o.acceptedByVenue(), o.filledQuantity(), o.filledValue(), o.fees(),
                java.time.Instant.ofEpochSecond(0, o.createdNanos()).toString());
        }
        adapter.start();
        userClient = new CoinbaseUserChannelClient(userChannel, signer, adapter::onUserUpdate, Duration.ofSeconds(10));
        userClient.start();
    }

    /** Recovered orders the venue has not yet accounted for (0 once reconciled). */
    @Override
    public int awaitingReconcile()
    {
        final CoinbaseOrderAdapter current = adapter;
        return current == null ? 0 : current.awaitingReconcile();
    }

    @Override
    public OrderAdapterMetrics metrics()
    {
        return metrics;
    }

    /** The client order id the venue knows order {@code orderId} by. */
    @Override
    public String clientOrderId(final long orderId)
    {
        return clientOrderPrefix + orderId;
    }

    /** Outbound thread: the order's cause is on the journal; hand it to the adapter (never blocks). */
    @Override
    public void send(final OrderCommand order)
    {
        final boolean queued = order.action == OrderCommand.CANCEL ?
            adapter.cancel(order.orderId) : adapter.submit(order, clientOrderId(order.orderId));
        if (!queued)
        {
            // The adapter's queue is full: tell the core, without ever blocking this thread on the ring it
            // is a consumer of (that would deadlock). If the ring is full too, the refusal is counted and
            // the order is settled by the venue time-out instead (and any late fill is still applied).
            if (!tryPublish(order.action == OrderCommand.CANCEL ? EventType.VENUE_CANCEL_REJECTED :
                EventType.VENUE_REJECTED, order.orderId))
            {
                refusalsNotDelivered.incrementAndGet();
            }
        }
    }

    @Override
    public void onAccepted(final long orderId, final String venueOrderId)
    {
        publish(EventType.VENUE_ACCEPTED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onRejected(final long orderId, final int reason, final String detail)
    {
        publish(EventType.VENUE_REJECTED, orderId, 0, 0, 0, 0, reason);
    }

    @Override
    public void onUnknown(final long orderId, final int reason, final String detail)
    {
        publish(EventType.VENUE_UNKNOWN, orderId, 0, 0, 0, 0, reason);
    }

    @Override
    public void onCancelled(final long orderId, final String venueOrderId)
    {
        publish(EventType.VENUE_CANCELLED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onCancelRejected(final long orderId, final String reason)
    {
        publish(EventType.VENUE_CANCEL_REJECTED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onFill(final long orderId, final String tradeId, final long quantity, final long price, final long fee,
        final int liquidity)
    {
        publish(EventType.VENUE_FILL, orderId, fillNumber(tradeId), quantity, price, fee,
            liquidity == LIQUIDITY_MAKER ? 1 : 2);
    }

    /** The adapter's trade ids are {@code <venueOrderId>-<n>}: n counts an order's fills from 1. */
    static long fillNumber(final String tradeId)
    {
        final int dash = tradeId.lastIndexOf('-');
        long n = 0;
        for (int i = dash + 1; i < tradeId.length(); i++)
        {
            final char c = tradeId.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Refusals the outbound thread could not publish because the ring was full. */
    @Override
    public long refusalsNotDelivered()
    {
        return refusalsNotDelivered.get();
    }

    /** A venue answer, from the adapter's thread: waits for a free slot, since no answer may be lost. */
    private void publish(final int type, final long orderId, final long fillNumber, final long quantity, final long price,
        final long fee, final int flags)
    {
        publish(true, type, orderId, fillNumber, quantity, price, fee, flags);
    }

    /** A refusal, from the outbound thread: never waits on the ring that thread consumes (that would deadlock). */
    private boolean tryPublish(final int type, final long orderId)
    {
        return publish(false, type, orderId, 0, 0, 0, 0, 0);
    }

    /** False if {@code mayWait} is false and the ring is full. */
    private boolean publish(final boolean mayWait, final int type, final long orderId, final long fillNumber,
        final long quantity, final long price, final long fee, final int flags)
    {
        final RingBuffer<InboundEvent> target = ring;
        final long sequence;
        try
        {
            sequence = mayWait ? target.next() : target.tryNext();
        }
        catch (final com.lmax.disruptor.InsufficientCapacityException full)
        {
            return false;
        }
        try
        {
            final InboundEvent event = target.get(sequence);
            final long receiveNanoTime = System.nanoTime();
            // An order event names no instrument (-1, as cleared), venue sequence or exchange time.
            MarketDataSlot.head(event, type, -1, 0, 0, clock.epochNanosAt(receiveNanoTime), receiveNanoTime);
            event.orderId = orderId;
            event.tradeId = fillNumber;
            event.quantity = quantity;
            event.price = price;
            event.fee = fee;
            event.flags = flags;
        }
        finally
        {
            InboundRing.publish(target, sequence);
        }
        return true;
    }

    @Override
    public void close()
    {
        if (userClient != null)
        {
            userClient.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
    }
}
