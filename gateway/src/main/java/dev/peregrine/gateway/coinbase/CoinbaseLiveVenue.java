package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.coinbase.intx.IntxOrderTerms;
import dev.peregrine.gateway.coinbase.intx.IntxLiquidationReports;
import dev.peregrine.gateway.coinbase.intx.IntxPositionCheck;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderAdapter;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.CoinbaseUserChannelClient;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.gateway.venue.LiveOrderPath;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

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
public final class CoinbaseLiveVenue implements LiveVenue
{
    /** How long the position check waits for the engine to apply the reconciliation's reports before a mismatch. */
    private static final long POSITION_SETTLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final URI restBase;
    private final String jwtHost;
    private final URI userChannel;
    private final Supplier<CoinbaseCredentials> credentials;
    /** Stops what re-reads the key files ({@code KeyFileWatch}); nothing when the key is fixed. */
    private final AutoCloseable keyWatch;
    /** Reports into the ring, counters, client order ids and the hand-over: shared with the other venues' live paths. */
    private final LiveOrderPath path = new LiveOrderPath();

    /** The INTX portfolio to check positions in; null: found in the portfolio list. */
    private final String intxPortfolio;
    private dev.peregrine.gateway.venue.PerpetualAccountTerms terms = dev.peregrine.gateway.venue.PerpetualAccountTerms.defaults();
    private java.util.function.IntToLongFunction enginePosition;
    private volatile CoinbaseOrderAdapter adapter;
    /** Checks the INTX positions against the engine's (at start, and after a venue order such as a liquidation). */
    private volatile IntxPositionCheck positionCheck;
    private volatile CoinbaseUserChannelClient userClient;

    /**
     * @param restBase    the REST base, e.g. {@code https://api.coinbase.com} or an emulator's URI.
     * @param jwtHost     the host named in each JWT's {@code uri} claim.
     * @param userChannel the authenticated user WebSocket.
     */
    public CoinbaseLiveVenue(final URI restBase, final String jwtHost, final URI userChannel,
        final CoinbaseCredentials credentials)
    {
        this(restBase, jwtHost, userChannel, credentials, null);
    }

    /** @param intxPortfolio the INTX portfolio's uuid for the position check; null finds it in the portfolio list. */
    public CoinbaseLiveVenue(final URI restBase, final String jwtHost, final URI userChannel,
        final CoinbaseCredentials credentials, final String intxPortfolio)
    {
        this(restBase, jwtHost, userChannel, () -> credentials, () -> { }, intxPortfolio);
    }

    /**
     * With a key that can change while it runs: each JWT is signed with what {@code credentials} gives then.
     *
     * @param keyWatch closed with the venue (the thread re-reading the key files)
     */
    public CoinbaseLiveVenue(final URI restBase, final String jwtHost, final URI userChannel,
        final Supplier<CoinbaseCredentials> credentials, final AutoCloseable keyWatch, final String intxPortfolio)
    {
        this.restBase = restBase;
        this.jwtHost = jwtHost;
        this.userChannel = userChannel;
        this.credentials = credentials;
        this.keyWatch = keyWatch;
        this.intxPortfolio = intxPortfolio;
    }

    /**
     * Perpetual orders carry the {@code terms}' leverage and margin type; after reconciliation the INTX positions are
     * compared with {@code netPosition}.
     */
    @Override
    public void engineView(final dev.peregrine.gateway.venue.PerpetualAccountTerms terms,
        final java.util.function.IntToLongFunction netPosition)
    {
        this.terms = terms;
        this.enginePosition = netPosition;
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
        path.attach(inbound, prefix);
        final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(credentials, () -> System.currentTimeMillis() / 1000,
            new java.security.SecureRandom());
        final CoinbaseOrderClient client = new CoinbaseOrderClient(restBase, jwtHost, signer, Duration.ofSeconds(5),
            Duration.ofSeconds(5));
        adapter = new CoinbaseOrderAdapter(client, path.reports(), LiveOrderPath.symbols(instruments),
            CoinbaseOrderAdapter.Config.defaults(), path.metrics(), System::nanoTime);
        adapter.perpetualTerms(new IntxOrderTerms(terms));
        path.route(adapter);
        for (final RecoveredOrder o : recovered)
        {
            adapter.adopt(o.orderId(), clientOrderId(o.orderId()), o.instrumentId(), o.side(),
                o.type() == dev.peregrine.core.order.OrderType.MARKET, o.type() == dev.peregrine.core.order.OrderType.LIMIT_IOC,
                o.quantity(), o.limitPrice(), o.acceptedByVenue(), o.filledQuantity(), o.filledValue(), o.fees(),
                java.time.Instant.ofEpochSecond(0, o.createdNanos()).toString());
        }
        adapter.start();
        final CoinbaseOrderAdapter started = adapter;
        final IntxLiquidationReports liquidations = new IntxLiquidationReports(inbound, instruments::idOf);
        userClient = new CoinbaseUserChannelClient(userChannel, signer, update ->
        {
            started.onUserUpdate(update);
            liquidations.onUpdate(update);
            onVenueOrder(update, prefix);
        }, Duration.ofSeconds(10));
        userClient.start();
        final java.util.List<IntxPositionCheck.Perpetual> perpetuals = new java.util.ArrayList<>();
        for (int id = 0; id < instruments.size(); id++)
        {
            if (IntxProducts.isPerpetual(instruments.get(id).symbol()))
            {
                perpetuals.add(new IntxPositionCheck.Perpetual(id, instruments.get(id).symbol()));
            }
        }
        if (enginePosition != null && !perpetuals.isEmpty())
        {
            // After the order reconciliation: the venue's INTX positions against the engine's, reported only.
            positionCheck = new IntxPositionCheck(client, perpetuals, enginePosition, adapter::awaitingReconcile,
                path.metrics().positionMismatches, intxPortfolio, System.err::println, POSITION_SETTLE_NANOS);
            positionCheck.start();
        }
    }

    /**
     * User-channel thread: a filled perpetual order that is not one of this journal's (its client order id lacks the
     * prefix) is the venue's own, e.g. an INTX liquidation closing the position. A liquidation reaches the engine as a
     * journaled OWN_POSITION LIQUIDATION input ({@link IntxLiquidationReports}); any other venue order is not applied.
     * Either way it is logged and the positions are checked again, so a difference left shows as a mismatch line and
     * in {@code peregrine_venue_position_mismatches}.
     */
    private void onVenueOrder(final dev.peregrine.gateway.coinbase.orders.UserOrderUpdate update, final String prefix)
    {
        final IntxPositionCheck check = positionCheck;
        if (check == null || update.snapshot() || !"FILLED".equals(update.status()) || update.productId() == null ||
            !IntxProducts.isPerpetual(update.productId()) ||
            (update.clientOrderId() != null && update.clientOrderId().startsWith(prefix)))
        {
            return;
        }
        System.err.println("INTX venue order on " + update.productId() + ": " + update.orderSide() + " " +
            update.cumulativeQuantity() + " at " + update.avgPrice() + " (order " + update.orderId() + ", client id " +
            update.clientOrderId() + "), not the engine's: checking positions");
        check.start();
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
        try
        {
            keyWatch.close();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("closing the key files' watch", ex);
        }
    }
}
