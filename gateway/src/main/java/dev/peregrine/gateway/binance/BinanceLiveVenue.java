package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binance.orders.BinanceOrderAdapter;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.binance.orders.BinanceUserStreamClient;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.gateway.venue.RingVenueReports;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Binance spot order path wired into the engine, as the Coinbase one: the outbound stage hands it each order only
 * after the order's cause is journaled ({@link #send}); the {@link BinanceOrderAdapter} talks to the venue on its own
 * thread; every answer becomes a VENUE_* event in the ring ({@link RingVenueReports}). Fills come from the user data
 * stream ({@code executionReport}, one listen key opened at start and kept alive by the adapter), or from a query by
 * client order id when a create's answer was lost or after a restart.
 *
 * <p>Client order ids are {@code <prefix><orderId>} with the journal's prefix ({@code prg-<hex>-}): within
 * Binance's 36 characters of {@code [a-zA-Z0-9-_]}, never reused, recognised after a crash.
 */
public final class BinanceLiveVenue implements LiveVenue
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int LISTEN_KEY_ATTEMPTS = 3;

    private final URI restBase;
    private final URI streamBase;
    private final BinanceCredentials credentials;
    private final OrderAdapterMetrics metrics = new OrderAdapterMetrics();
    private final RingVenueReports reports = new RingVenueReports();

    private volatile String clientOrderPrefix;
    private volatile BinanceOrderAdapter adapter;
    private volatile BinanceUserStreamClient userStream;
    private volatile BinanceOrderClient client;
    private volatile String listenKey;

    /**
     * @param restBase   the REST base, e.g. {@code https://api.binance.com} or the simulated Binance.
     * @param streamBase the stream host the user data stream is read from ({@code wss://stream.binance.com:9443}).
     */
    public BinanceLiveVenue(final URI restBase, final URI streamBase, final BinanceCredentials credentials)
    {
        this.restBase = restBase;
        this.streamBase = streamBase;
        this.credentials = credentials;
    }

    /**
     * Opens the listen key and the user data stream, hands the adapter the orders the core recovered open from its
     * journal (it asks the venue what became of each), and starts it.
     *
     * @throws IllegalStateException naming the URL when the listen key or the stream cannot be opened.
     */
    @Override
    public void start(final RingBuffer<InboundEvent> inbound, final InstrumentRegistry instruments, final String prefix,
        final List<RecoveredOrder> recovered)
    {
        reports.attach(inbound);
        this.clientOrderPrefix = prefix;
        client = new BinanceOrderClient(restBase, credentials, TIMEOUT, TIMEOUT, System::currentTimeMillis);
        adapter = new BinanceOrderAdapter(client, reports, id -> id >= 0 && id < instruments.size() ?
            instruments.get(id).symbol() : null, BinanceOrderAdapter.Config.defaults(), metrics, System::nanoTime,
            System::currentTimeMillis);
        for (final RecoveredOrder o : recovered)
        {
            adapter.adopt(o.orderId(), clientOrderId(o.orderId()), o.instrumentId(), o.side(), o.type(), o.quantity(),
                o.limitPrice(), o.acceptedByVenue(), o.filledQuantity());
        }
        listenKey = openListenKey(client);
        userStream = new BinanceUserStreamClient(streamBase, listenKey, adapter::onExecutionReport, Duration.ofSeconds(10));
        userStream.start();
        adapter.keepAlive(listenKey);
        adapter.start();
    }

    /** A few tries: a slow venue at start is no reason to give up, a venue refusing the key is. */
    private static String openListenKey(final BinanceOrderClient client)
    {
        final String where = client.baseUri() + BinanceOrderClient.USER_DATA_STREAM;
        BinanceAnswer answer = null;
        for (int attempt = 1; attempt <= LISTEN_KEY_ATTEMPTS; attempt++)
        {
            try
            {
                answer = client.openUserStream().get(TIMEOUT.toSeconds() * 2 + 1, TimeUnit.SECONDS);
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                throw new IllegalStateException("cannot open a user data stream at " + where + " (" + ex.getMessage() + ")", ex);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while opening a user data stream at " + where, ex);
            }
            final RequestOutcome outcome = answer.status().outcome();
            final String key = answer.text("listenKey");
            if (outcome == RequestOutcome.OK && key != null && !key.isEmpty())
            {
                return key;
            }
            if (outcome == RequestOutcome.REJECTED || outcome == RequestOutcome.UNAUTHORIZED || outcome == RequestOutcome.OK)
            {
                break;
            }
        }
        throw new IllegalStateException("cannot open a user data stream at " + where + " (" + LISTEN_KEY_ATTEMPTS +
            " tries): HTTP " + answer.status().httpStatus() + " " + answer.status().outcome().label() +
            (answer.status().message() == null ? "" : " " + answer.status().message()));
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
        return metrics;
    }

    @Override
    public String clientOrderId(final long orderId)
    {
        return clientOrderPrefix + orderId;
    }

    /** Outbound thread: the order's cause is on the journal; hand it to the adapter (never blocks). */
    @Override
    public void send(final OrderCommand order)
    {
        final boolean cancel = order.action == OrderCommand.CANCEL;
        if (!(cancel ? adapter.cancel(order.orderId) : adapter.submit(order, clientOrderId(order.orderId))))
        {
            reports.refuse(order.orderId, cancel);
        }
    }

    @Override
    public long refusalsNotDelivered()
    {
        return reports.refusalsNotDelivered();
    }

    /** Stops the stream and the adapter, then closes the listen key (best effort: it expires on its own). */
    @Override
    public void close()
    {
        if (userStream != null)
        {
            userStream.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
        if (client != null && listenKey != null)
        {
            try
            {
                client.closeUserStream(listenKey).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                // The key expires 60 minutes after its last keep-alive anyway.
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
