package dev.peregrine.gateway.binanceusdm.orders;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binance.orders.BinanceOrderAdapter;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.venue.LiveOrderPath;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.RecoveredOrder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Binance USD-M order path wired into the engine: spot Binance's adapter ({@link BinanceOrderAdapter}: rate
 * control, creates never re-sent, queries by client order id) at the futures paths ({@link UsdmRest#PATHS}), with
 * {@code reduceOnly} from the core's order, fills from the futures user data stream ({@code ORDER_TRADE_UPDATE} on a
 * listen key, {@link UsdmUserStreamClient}) and funding payments from it ({@code FUNDING_FEE}, read from the income
 * history as FUNDING_SETTLEMENT events, {@link UsdmFundingReports}). At start it sets each symbol's leverage and
 * margin type from the settings, cancels this journal's orphan orders and reads the positions
 * ({@link UsdmAccountSetup}); the orders the core recovered open are queried by client id, as for spot.
 *
 * <p>Client order ids are {@code <prefix><orderId>} with the journal's prefix: deterministic, never reused.
 */
public final class UsdmLiveVenue implements LiveVenue
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI restBase;
    private final URI streamBase;
    /** Read once per request: a rotated key ({@code KeyFileWatch}) signs from the next request on. */
    private final Supplier<BinanceCredentials> credentials;
    /** Stops what re-reads the key files; nothing when the key is fixed. */
    private final AutoCloseable keyWatch;
    private final UsdmAccountSettings settings;
    private final LiveOrderPath path = new LiveOrderPath();

    private volatile BinanceOrderAdapter adapter;
    private volatile UsdmUserStreamClient userStream;
    private volatile UsdmFundingReports funding;
    private long resumeAfterMillis = -1;
    private volatile int missedCloses;
    private volatile UsdmLiquidationReports liquidations;
    private volatile UsdmAccountSetup setup;
    /** The configuration's leverage and margin type per instrument ({@link #engineView}); null: {@code settings}. */
    private volatile dev.peregrine.gateway.venue.PerpetualAccountTerms terms;

    /**
     * @param restBase   the futures REST base ({@code https://fapi.binance.com} or the emulator).
     * @param streamBase the futures stream host the user data stream is on ({@code wss://fstream.binance.com}).
     */
    public UsdmLiveVenue(final URI restBase, final URI streamBase, final BinanceCredentials credentials,
        final UsdmAccountSettings settings)
    {
        this(restBase, streamBase, () -> credentials, () -> { }, settings);
    }

    /**
     * With a key that can change while it runs ({@code KeyFileWatch}).
     *
     * @param keyWatch closed with the venue
     */
    public UsdmLiveVenue(final URI restBase, final URI streamBase, final Supplier<BinanceCredentials> credentials,
        final AutoCloseable keyWatch, final UsdmAccountSettings settings)
    {
        this.restBase = restBase;
        this.streamBase = streamBase;
        this.credentials = credentials;
        this.keyWatch = keyWatch;
        this.settings = settings;
    }

    /** The configuration's leverage and margin type per instrument: set on each symbol at start, in place of the constructor's. */
    @Override
    public void engineView(final dev.peregrine.gateway.venue.PerpetualAccountTerms terms,
        final java.util.function.IntToLongFunction netPosition)
    {
        this.terms = terms;
    }

    /** Liquidations and funding after this time (epoch ms) are read at start; -1: a new journal, nothing to read. */
    @Override
    public void resumeAfter(final long epochMillis)
    {
        this.resumeAfterMillis = epochMillis;
    }

    /**
     * @throws IllegalStateException naming the URL when leverage cannot be set or the user data stream not opened.
     */
    @Override
    public void start(final RingBuffer<InboundEvent> inbound, final InstrumentRegistry instruments, final String prefix,
        final List<RecoveredOrder> recovered)
    {
        path.attach(inbound, prefix);
        final BinanceOrderClient client = new BinanceOrderClient(restBase, UsdmRest.PATHS, credentials, TIMEOUT, TIMEOUT,
            System::currentTimeMillis);
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            symbols.add(instruments.get(i).symbol());
        }
        setup = new UsdmAccountSetup(client);
        setup.configure(symbols, terms == null ? settings : UsdmAccountSettings.of(symbols, terms));
        adapter = new BinanceOrderAdapter(client, path.reports(), LiveOrderPath.symbols(instruments),
            BinanceOrderAdapter.Config.defaults(), path.metrics(), System::nanoTime, System::currentTimeMillis);
        path.route(adapter);
        final Set<String> heldOpen = new HashSet<>();
        for (final RecoveredOrder o : recovered)
        {
            heldOpen.add(clientOrderId(o.orderId()));
            adapter.adopt(o.orderId(), clientOrderId(o.orderId()), o.instrumentId(), o.side(), o.type(), o.quantity(),
                o.limitPrice(), o.acceptedByVenue(), o.filledQuantity());
        }
        funding = new UsdmFundingReports(client, symbols::indexOf);
        liquidations = new UsdmLiquidationReports(inbound, symbols::indexOf);
        if (resumeAfterMillis > 0)
        {
            // What the venue did while the engine was down, before anything newer (the core ignores a funding time
            // older than one already settled). Funding first: the venue paid it on the position held before any
            // liquidation, and it books no funding on a position it has closed.
            funding.attach(inbound, resumeAfterMillis + 1);
            funding.catchUp();
            missedCloses = new UsdmMissedCloses(client, liquidations).read(symbols, resumeAfterMillis);
        }
        else
        {
            funding.attach(inbound, System.currentTimeMillis());
        }
        userStream = new UsdmUserStreamClient(streamBase, client, adapter::onExecutionReport, funding::onFundingFee,
            liquidations::onVenueClose, TIMEOUT);
        userStream.start();
        setup.reconcile(prefix, heldOpen);
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

    /** The venue's positions at start, by symbol ({@code positionAmt}); empty before {@link #start}. */
    public Map<String, String> venuePositionsAtStart()
    {
        final UsdmAccountSetup current = setup;
        return current == null ? Map.of() : current.positions();
    }

    /** Open orders of this journal the core did not hold, cancelled at start. */
    public int orphansCancelled()
    {
        final UsdmAccountSetup current = setup;
        return current == null ? 0 : current.orphansCancelled();
    }

    /**
     * Fills of the venue's liquidation (or ADL) orders seen on the user data stream: the venue closed a position without
     * an order of the engine's; each is published as a LIQUIDATION of our own position, so the engine's books follow.
     */
    public long venueCloses()
    {
        final UsdmUserStreamClient current = userStream;
        return current == null ? 0 : current.venueCloses();
    }

    /** LIQUIDATION events of our own position published from the venue's closing fills ({@link #venueCloses}). */
    public long liquidationsPublished()
    {
        final UsdmLiquidationReports current = liquidations;
        return current == null ? 0 : current.published();
    }

    /** Fills of the venue's liquidation orders placed while the engine was down, read and published at start. */
    public int missedCloses()
    {
        return missedCloses;
    }

    /** FUNDING_SETTLEMENT events published from the venue's funding payments. */
    public long fundingSettlements()
    {
        final UsdmFundingReports current = funding;
        return current == null ? 0 : current.published();
    }

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
        if (funding != null)
        {
            funding.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
    }
}
