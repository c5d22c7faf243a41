package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.intx.IntxFundingProcess;
import dev.peregrine.gateway.coinbase.intx.IntxMarginRates;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.ws.WebSocketServer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;

import java.math.BigDecimal;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A local stand-in for Coinbase Advanced Trade: REST on {@code http://127.0.0.1:<port>} and the
 * {@code user} WebSocket channel on {@code ws://127.0.0.1:<port>/ws/user}. The public market endpoints
 * ({@code /market/...}, {@code /time}) answer anyone, from {@link CoinbaseProducts}'s catalog and the prices
 * it is given ({@link #fillPrice}, {@link #quote}); every other endpoint checks the JWT's ES256
 * signature with the key's public half plus {@code kid/iss/sub/nbf/exp/uri} (401 otherwise), an unknown path
 * is a 404. It answers with the documented shapes, fills market orders at once at the product's fill price (0.6% fee) and reports
 * them on the user channel, rests limit orders until {@link #fillResting} or a cancel, and injects
 * faults on command ({@link #injectFault}).
 *
 * <p>It counts requests per endpoint path and creates per {@code client_order_id}, dropped and
 * rate-limited ones included, so tests can prove an order was never sent twice. Test tooling, kept in
 * main so that ops can run it. Threads: one Netty acceptor ({@code peregrine-cb-emu-accept}) and one event loop
 * ({@code peregrine-cb-emu}) of a {@link WebSocketServer}, HTTP and the user channel on one port; venue
 * state is guarded by this object's lock so tests may call in from any thread. Requests go to
 * {@link EmulatorRest} and {@link EmulatorOrders}, the user channel to {@link EmulatorUserChannel}.
 */
public final class CoinbaseVenueEmulator implements AutoCloseable
{
    public static final String USER_CHANNEL_PATH = "/ws/user";
    /** The seed of the INTX perpetuals' funding rates. */
    private static final long FUNDING_SEED = 42L;
    /** The largest REST body or upgrade request the emulator reads. */
    private static final int MAX_HTTP_CONTENT_BYTES = 1024 * 1024;

    private final LongSupplier epochSeconds;
    private final EmulatorRest rest;
    private final EmulatorMarket market;
    private final EmulatorBalances balances;
    private final EmulatorOrderQueries queries;
    private final EmulatorLedger ledger;
    private final EmulatorIntxPortfolio intx;
    private final EmulatorIntxRest intxRest;
    private final EmulatorUserChannel userChannel;
    private final Map<String, BigDecimal> fillPrices = new HashMap<>();
    private volatile long processingDelayMillis;
    private volatile RequestArrivals arrivals;
    private int authFailures;
    private String lastAuthFailure;
    private final WebSocketServer server = new WebSocketServer("venue emulator", "peregrine-cb-emu",
        WebSocketServerProtocolConfig.newBuilder().websocketPath(USER_CHANNEL_PATH).checkStartsWith(false).build(),
        MAX_HTTP_CONTENT_BYTES, pipeline -> pipeline.addLast(new EmulatorChannelHandler(this)));
    private String host = "127.0.0.1";
    private int port;

    /** @param jwtHost the host the JWT {@code uri} claim must name (the client's {@code jwtHost}). */
    public CoinbaseVenueEmulator(final PublicKey publicKey, final String keyName, final String jwtHost)
    {
        this.epochSeconds = () -> System.currentTimeMillis() / 1000;
        final JwtVerifier verifier = new JwtVerifier(publicKey, keyName, epochSeconds);
        final LongSupplier epochMillis = System::currentTimeMillis;
        this.market = new EmulatorMarket(CoinbaseProducts.CATALOG, epochMillis);
        this.balances = new EmulatorBalances(CoinbaseProducts.CATALOG);
        this.intx = new EmulatorIntxPortfolio(CoinbaseProducts.CATALOG,
            new IntxFundingProcess(FUNDING_SEED, IntxMarginRates.HOURLY_NANOS), this::markOf, epochNanos());
        this.intxRest = new EmulatorIntxRest(intx);
        this.ledger = new EmulatorLedger(balances, intx, this::publish);
        intx.liquidator(ledger::liquidate); // a liquidation is the venue's order, on the user channel with its fill
        this.queries = new EmulatorOrderQueries(this);
        this.rest = new EmulatorRest(this, verifier, jwtHost, epochSeconds, new EmulatorMarketRest(market, intx, epochMillis),
            queries, new EmulatorAccounts(this, balances));
        this.userChannel = new EmulatorUserChannel(this, verifier);
        fillPrice("BTC-USD", "65000.00");
        fillPrice("ETH-USD", "3000.00");
    }

    /** Listens on loopback, on an ephemeral port. */
    public CoinbaseVenueEmulator start()
    {
        return start("127.0.0.1", 0);
    }

    /**
     * Listens on {@code bindHost:bindPort} (0: an ephemeral port).
     *
     * @throws IllegalStateException naming the address when it cannot be bound (in use, not local); nothing is left running.
     */
    public CoinbaseVenueEmulator start(final String bindHost, final int bindPort)
    {
        server.start();
        port = server.bind(bindHost, bindPort);
        host = bindHost;
        return this;
    }

    public int port()
    {
        return port;
    }

    public URI baseUri()
    {
        return URI.create("http://" + uriHost() + ":" + port);
    }

    public URI userChannelUri()
    {
        return URI.create("ws://" + uriHost() + ":" + port + USER_CHANNEL_PATH);
    }

    private String uriHost()
    {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The next {@code count} requests to {@code path} (or to any path when null) get {@code fault}. */
    public synchronized void injectFault(final EmulatorFault fault, final String path, final int count)
    {
        rest.injectFault(fault, path, count);
    }

    /**
     * Turns on the venue's request rate limits: at most this many requests in any one second to public and to
     * private endpoints (0 leaves one off; {@code 10, 30} are the documented ones). Off until called.
     */
    public synchronized void rateLimits(final int publicPerSecond, final int privatePerSecond)
    {
        rest.rateLimits(publicPerSecond, privatePerSecond);
    }

    public synchronized void clearFaults()
    {
        rest.clearFaults();
    }

    /**
     * Every REST request waits this long before the emulator even reads it (its effects, its answer and the
     * user-channel updates it causes all come late): a venue slow to process, or a long network path.
     */
    public void processingDelayMillis(final long millis)
    {
        this.processingDelayMillis = millis;
    }

    long processingDelayMillis()
    {
        return processingDelayMillis;
    }

    /** How long a {@link EmulatorFault#TIMEOUT} holds its answer. */
    public synchronized void holdMillis(final long millis)
    {
        rest.holdMillis(millis);
    }

    /** Market orders of {@code productId} fill at {@code price}; the market endpoints quote a book around it until {@link #quote} gives one. */
    public synchronized void fillPrice(final String productId, final String price)
    {
        fillPrices.put(productId, new BigDecimal(price));
        market.price(productId, FixedPoint.parseOrThrow(productId + " fill price", price));
    }

    /**
     * The market the public endpoints quote for one product (book, trades, day's range): in {@code peregrine sim}
     * the simulated exchange's. It leaves fill prices alone.
     */
    public synchronized void quote(final MarketSnapshot snapshot)
    {
        market.quote(snapshot);
        intx.advance(epochNanos());
    }

    public synchronized int requests(final String path)
    {
        return rest.requests(path);
    }

    /** Create requests that arrived for this id, whatever became of them. */
    public synchronized int createsFor(final String clientOrderId)
    {
        return rest.createsFor(clientOrderId);
    }

    /** Client order ids that arrived in more than one create request (an order sent twice), sorted. */
    public synchronized List<String> duplicatedClientOrderIds()
    {
        return rest.duplicatedClientOrderIds();
    }

    /** Distinct client order ids the venue was asked to create. */
    public synchronized int distinctClientOrderIds()
    {
        return rest.distinctClientOrderIds();
    }

    public synchronized int authFailures()
    {
        return authFailures;
    }

    public synchronized String lastAuthFailure()
    {
        return lastAuthFailure;
    }

    public synchronized String statusOf(final String venueOrderId)
    {
        final EmulatedOrder order = ledger.order(venueOrderId);
        return order == null ? null : order.status;
    }

    public synchronized String orderIdFor(final String clientOrderId)
    {
        final EmulatedOrder order = ledger.existing(clientOrderId);
        return order == null ? null : order.orderId;
    }

    public synchronized int userSubscribers()
    {
        return userChannel.subscribers();
    }

    /** Fills part or all of a resting limit order at its limit price and reports it on the user channel. */
    public synchronized void fillResting(final String venueOrderId, final String quantity)
    {
        final EmulatedOrder order = ledger.open(venueOrderId);
        ledger.fill(order, new BigDecimal(quantity), order.limitPrice, true);
        publish(order);
    }

    /**
     * A trade printed at {@code tradePrice} on {@code productId} somewhere else: every resting limit order it
     * reaches (a buy at or above the price, a sell at or below) fills in full at its limit price, as a maker,
     * oldest first, and is reported on the user channel. No queue position is modelled.
     *
     * @return the orders filled.
     */
    public synchronized int tradeAt(final String productId, final String tradePrice)
    {
        ledger.expire(epochSeconds.getAsLong());
        final int filled = ledger.tradeAt(productId, new BigDecimal(tradePrice));
        intx.advance(epochNanos());
        return filled;
    }

    synchronized EmulatorReply handleRest(final String method, final String uri, final String authorization, final String body)
    {
        ledger.expire(epochSeconds.getAsLong());
        intx.advance(epochNanos());
        return rest.handle(method, uri, authorization, body);
    }

    /** Tells {@code listener} of each REST request as it arrives (null: nobody); the latency bench stamps orders with it. */
    public void requestArrivals(final RequestArrivals listener)
    {
        arrivals = listener;
    }

    RequestArrivals requestArrivals()
    {
        return arrivals;
    }

    /** Net filled quantity of a product over every order: buys minus sells, as a plain decimal. */
    public synchronized String netFilled(final String productId)
    {
        return ledger.netFilled(productId);
    }

    /** One line per order of {@code productId}, in creation order: client id, side, type, status, filled (for test diagnostics). */
    public synchronized List<String> describeOrders(final String productId)
    {
        return ledger.describe(productId);
    }

    /** Fills made so far, over every order. */
    public synchronized long fillCount()
    {
        return ledger.fills().size();
    }

    /** Orders the venue holds, any status. */
    public synchronized int orderCount()
    {
        return ledger.orders().size();
    }

    /** Orders per page of the order listing (Coinbase allows up to 1,000; small pages test the paging). */
    public synchronized void listPageSize(final int size)
    {
        queries.listPageSize(size);
    }

    /** Cancels a resting order as if its owner had cancelled it elsewhere (another session, the web UI). */
    public synchronized void cancelResting(final String venueOrderId)
    {
        final EmulatedOrder order = ledger.open(venueOrderId);
        order.status = "CANCELLED";
        order.cancelReason = "User requested cancel";
        publish(order);
    }

    // ---- venue state, called by EmulatorOrders under the lock ----

    /** The price a market order of {@code productId} fills at: its fill price, else the quoted market's last; null for a product the venue does not list. */
    BigDecimal fillPriceOf(final String productId)
    {
        final BigDecimal price = fillPrices.get(productId);
        if (price != null)
        {
            return price;
        }
        final MarketSnapshot snapshot = market.snapshot(productId);
        return snapshot == null ? null : BigDecimal.valueOf(snapshot.last(), FixedPoint.DECIMALS).stripTrailingZeros();
    }

    /** The catalog's product, or null when the venue does not list it. */
    ProductCatalog.Product product(final String productId)
    {
        return market.catalog().find(productId);
    }

    EmulatorLedger ledger()
    {
        return ledger;
    }

    EmulatorIntxPortfolio intx()
    {
        return intx;
    }

    EmulatorIntxRest intxRest()
    {
        return intxRest;
    }

    // ---- INTX perpetuals: test and demo hooks ----

    /** INTX perpetuals fund every {@code interval} from now on (INTX: hourly; demos and tests: seconds). */
    public synchronized void fundingInterval(final Duration interval)
    {
        intx.funding(new IntxFundingProcess(FUNDING_SEED, interval.toNanos()), epochNanos());
    }

    /** The INTX portfolio's USDC collateral is {@code amount}. */
    public synchronized void intxCollateral(final String amount)
    {
        intx.collateral(new BigDecimal(amount));
    }

    /** The INTX portfolio's USDC collateral, after every funding due: a plain decimal. */
    public synchronized String intxCollateral()
    {
        intx.advance(epochNanos());
        return intx.collateral().stripTrailingZeros().toPlainString();
    }

    /** A perpetual's net position in contracts (negative: short), after every funding due and liquidation. */
    public synchronized String intxNetSize(final String productId)
    {
        intx.advance(epochNanos());
        final EmulatorIntxPortfolio.Position p = intx.position(productId);
        return p == null ? "0" : p.netSize.stripTrailingZeros().toPlainString();
    }

    /** Fundings charged so far. */
    public synchronized int intxFundings()
    {
        intx.advance(epochNanos());
        return intx.fundings();
    }

    /** Liquidations of the INTX portfolio so far. */
    public synchronized int intxLiquidations()
    {
        intx.advance(epochNanos());
        return intx.liquidations();
    }

    /** A perpetual's mark: the mid of the book its market endpoints quote; null for a product not listed. */
    private BigDecimal markOf(final String productId)
    {
        final MarketSnapshot snapshot = market.snapshot(productId);
        if (snapshot == null)
        {
            return null;
        }
        return BigDecimal.valueOf(snapshot.bid() + snapshot.ask(), FixedPoint.DECIMALS)
            .divide(BigDecimal.valueOf(2), FixedPoint.DECIMALS, java.math.RoundingMode.HALF_UP);
    }

    private static long epochNanos()
    {
        return System.currentTimeMillis() * 1_000_000L;
    }

    long epochSecond()
    {
        return epochSeconds.getAsLong();
    }

    String now()
    {
        return Instant.ofEpochSecond(epochSeconds.getAsLong()).toString();
    }

    /** What a wallet holds in all (available plus held) before any fill: tests set up what they need. */
    public synchronized void balance(final String currency, final String amount)
    {
        balances.set(currency, new BigDecimal(amount));
    }

    /** Sends one {@code update} with the order's state to every user-channel subscriber. */
    void publish(final EmulatedOrder order)
    {
        userChannel.publish(order);
    }

    void authFailed(final String problem)
    {
        authFailures++;
        lastAuthFailure = problem;
    }

    // ---- user channel ----

    synchronized void onUserChannelOpen(final Channel ch)
    {
        userChannel.opened(ch);
    }

    synchronized void onUserChannelClosed(final Channel ch)
    {
        userChannel.closed(ch);
    }

    synchronized void onUserChannelMessage(final Channel ch, final String text)
    {
        userChannel.message(ch, text);
    }

    @Override
    public void close()
    {
        server.close();
    }
}
