package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binance.orders.BinanceOrderAdapter;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.binance.orders.BinanceRestPaths;
import dev.peregrine.gateway.binance.orders.BinanceUserStreamClient;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.gateway.venue.LiveOrderPath;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Binance spot order path wired into the engine, as the Coinbase one: the outbound stage hands it each order only
 * after the order's cause is journaled ({@link #send}); the {@link BinanceOrderAdapter} talks to the venue on its own
 * thread; every answer becomes a VENUE_* event in the ring ({@link RingVenueReports}). Fills come from the user data
 * stream ({@code executionReport}, subscribed on the WebSocket API at start), or from a query by client order id when
 * a create's answer was lost or after a restart.
 *
 * <p>Client order ids are {@code <prefix><orderId>} with the journal's prefix ({@code prg-<hex>-}): within
 * Binance's 36 characters of {@code [a-zA-Z0-9-_]}, never reused, recognised after a crash.
 */
public final class BinanceLiveVenue implements LiveVenue
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI restBase;
    private final URI userDataStream;
    private final Supplier<BinanceCredentials> credentials;
    /** Stops what re-reads the key files ({@code KeyFileWatch}); nothing when the key is fixed. */
    private final AutoCloseable keyWatch;
    /** Reports into the ring, counters, client order ids and the hand-over: shared with the other venues' live paths. */
    private final LiveOrderPath path = new LiveOrderPath();

    private volatile BinanceOrderAdapter adapter;
    private volatile BinanceUserStreamClient userStream;

    /**
     * @param restBase   the REST base, e.g. {@code https://api.binance.com} or the simulated Binance.
     * @param userDataStream the WebSocket API the user data stream is subscribed on
     *                       ({@code wss://ws-api.binance.com:443/ws-api/v3}; a host only means its {@code /ws-api/v3}).
     */
    public BinanceLiveVenue(final URI restBase, final URI userDataStream, final BinanceCredentials credentials)
    {
        this(restBase, userDataStream, () -> credentials, () -> { });
    }

    /**
     * With a key that can change while it runs: each signed request takes what {@code credentials} gives then.
     *
     * @param keyWatch closed with the venue (the thread re-reading the key files)
     */
    public BinanceLiveVenue(final URI restBase, final URI userDataStream, final Supplier<BinanceCredentials> credentials,
        final AutoCloseable keyWatch)
    {
        this.restBase = restBase;
        this.userDataStream = userDataStream;
        this.credentials = credentials;
        this.keyWatch = keyWatch;
    }

    /**
     * Subscribes to the user data stream, hands the adapter the orders the core recovered open from its
     * journal (it asks the venue what became of each), and starts it.
     *
     * @throws IllegalStateException naming the URL when the user data stream cannot be subscribed.
     */
    @Override
    public void start(final RingBuffer<InboundEvent> inbound, final InstrumentRegistry instruments, final String prefix,
        final List<RecoveredOrder> recovered)
    {
        path.attach(inbound, prefix);
        final BinanceOrderClient client = new BinanceOrderClient(restBase, BinanceRestPaths.SPOT, credentials, TIMEOUT, TIMEOUT,
            System::currentTimeMillis);
        adapter = new BinanceOrderAdapter(client, path.reports(), LiveOrderPath.symbols(instruments),
            BinanceOrderAdapter.Config.defaults(), path.metrics(), System::nanoTime,
            System::currentTimeMillis);
        path.route(adapter);
        for (final RecoveredOrder o : recovered)
        {
            adapter.adopt(o.orderId(), clientOrderId(o.orderId()), o.instrumentId(), o.side(), o.type(), o.quantity(),
                o.limitPrice(), o.acceptedByVenue(), o.filledQuantity());
        }
        userStream = new BinanceUserStreamClient(userDataStream, credentials, System::currentTimeMillis,
            adapter::onExecutionReport, Duration.ofSeconds(10));
        userStream.start();
        adapter.start();
    }

    @Override
    public int awaitingReconcile()
    {
        final BinanceOrderAdapter current = adapter;
        return current == null ? 0 : current.awaitingReconcile();
    }

    @Override
    public OrderAdapterMetrics metrics()
    {
        return path.metrics();
    }

    @Override
    public String clientOrderId(final long orderId)
    {
        return path.clientOrderId(orderId);
    }

    /** Outbound thread: the order's cause is on the journal; hand it to the adapter (never blocks). */
    @Override
    public void send(final OrderCommand order)
    {
        path.send(order);
    }

    @Override
    public long refusalsNotDelivered()
    {
        return path.refusalsNotDelivered();
    }

    /** Stops the stream, the adapter and the key files' watch. */
    @Override
    public void close()
    {
        try
        {
            keyWatch.close();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("closing the key files' watch", ex);
        }
        if (userStream != null)
        {
            userStream.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
    }
}
