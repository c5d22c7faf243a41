package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.binance.BinanceProducts;
import dev.peregrine.gateway.sim.binance.BinanceApiExtension;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The emulated Binance spot trading API, plugged into the simulated exchange ({@link BinanceApiExtension}): the
 * signed REST endpoints of {@link SpotEndpoint} and the user data stream, on a listen key
 * ({@link UserDataStreams}) or a WebSocket API subscription ({@link WebSocketApiSessions}). Each request is counted
 * per path (and each create per {@code newClientOrderId}, whatever became of it), weighed against the per-IP
 * {@code REQUEST_WEIGHT} limit (429, then 418), met by an injected fault if one is due, authenticated, and
 * answered in the venue's shapes, errors as {@code {"code","msg"}}. Orders fill against the simulated market
 * ({@link SpotTrading}); the account starts with {@link #STARTING_QUOTE} of each quote asset and
 * {@link #STARTING_BASE} of each base asset.
 *
 * <p>Test tooling, kept in main so that ops can run it. Every method runs under this object's lock: the exchange
 * calls in on its event loop, tests from their own threads.
 */
public final class BinanceSpotEmulator implements BinanceApiExtension
{
    public static final BigDecimal STARTING_QUOTE = new BigDecimal("100000");
    public static final BigDecimal STARTING_BASE = BigDecimal.ONE;

    private final LongSupplier epochMillis;
    private final RequestAuthentication authentication;
    private final RequestWeightLimit weights = new RequestWeightLimit();
    private final OrderCountLimit orderCount = new OrderCountLimit();
    private final FaultPlan faults = new FaultPlan();
    private final UserDataStreams streams = new UserDataStreams();
    private final WebSocketApiSessions apiSessions;
    private final SpotOrderStore store;
    private final SpotTrading trading;
    private final SpotApi api;
    private final Map<String, Integer> requestsByPath = new HashMap<>();
    private final Map<String, Integer> createsByClientId = new HashMap<>();

    public BinanceSpotEmulator(final BinanceEmulatorKey key, final LongSupplier epochMillis)
    {
        this(key, epochMillis, BinanceProducts.CATALOG);
    }

    /** An emulator trading {@code catalog}'s symbols. */
    public BinanceSpotEmulator(final BinanceEmulatorKey key, final LongSupplier epochMillis, final ProductCatalog catalog)
    {
        if (key == null || epochMillis == null)
        {
            throw new IllegalArgumentException("Binance emulator needs a key and a clock");
        }
        this.epochMillis = epochMillis;
        this.authentication = new RequestAuthentication(key);
        this.store = new SpotOrderStore(catalog);
        this.apiSessions = new WebSocketApiSessions(authentication);
        this.trading = new SpotTrading(store, event ->
        {
            streams.publish(event);
            apiSessions.publish(event);
        });
        this.api = new SpotApi(authentication, new OrderEndpoints(trading), trading, streams, orderCount);
        trading.fund(STARTING_QUOTE, STARTING_BASE, epochMillis.getAsLong());
    }

    @Override
    public synchronized BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        final SpotEndpoint endpoint = SpotEndpoint.of(request.method(), request.path());
        if (endpoint == null)
        {
            return null;
        }
        final long now = epochMillis.getAsLong();
        streams.expire(now);
        requestsByPath.merge(request.path(), 1, Integer::sum);
        RequestParameters parameters = null;
        try
        {
            parameters = new RequestParameters(request);
        }
        catch (final BinanceRejection rejection)
        {
            // answered below, once the request has been weighed
        }
        if (endpoint == SpotEndpoint.NEW_ORDER && parameters != null && parameters.has("newClientOrderId"))
        {
            createsByClientId.merge(parameters.get("newClientOrderId"), 1, Integer::sum);
        }
        final RequestWeightLimit.Verdict verdict = weights.admit(request.remoteAddress(), endpoint.weight(parameters), now);
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-mbx-used-weight", Integer.toString(verdict.usedWeight()));
        headers.put("x-mbx-used-weight-1m", Integer.toString(verdict.usedWeight()));
        if (!verdict.admitted())
        {
            headers.put("retry-after", Long.toString(verdict.retryAfterSeconds()));
            return error(verdict.status(), -1003, verdict.msg(), headers);
        }
        final BinanceEmulatorFault fault = faults.next(request.path());
        if (fault == BinanceEmulatorFault.DROP_CONNECTION)
        {
            return BinanceHttpAnswer.dropped();
        }
        if (fault == BinanceEmulatorFault.RATE_LIMIT)
        {
            headers.put("retry-after", "1");
            return error(429, -1003, "Too many requests; please use the websocket for live updates.", headers);
        }
        if (fault == BinanceEmulatorFault.SERVER_ERROR)
        {
            return error(500, -1001, "Internal error; unable to process your request. Please try again.", headers);
        }
        final BinanceHttpAnswer answer = api.serve(endpoint, request, parameters, headers, now);
        if (fault == BinanceEmulatorFault.UNKNOWN_STATUS)
        {
            return error(503, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", headers);
        }
        return fault == BinanceEmulatorFault.TIMEOUT ? answer.held(faults.holdMillis()) : answer;
    }

    private static BinanceHttpAnswer error(final int status, final int code, final String msg, final Map<String, String> headers)
    {
        return new BinanceRejection(status, code, msg).answer(headers);
    }

    @Override
    public synchronized boolean servesUserStream(final String name)
    {
        return streams.serves(name, epochMillis.getAsLong());
    }

    @Override
    public synchronized void openUserStream(final String name, final UserStreamSink sink)
    {
        streams.open(name, sink, epochMillis.getAsLong());
    }

    @Override
    public synchronized void closeUserStream(final String name, final UserStreamSink sink)
    {
        streams.closed(name, sink);
    }

    @Override
    public String webSocketApiPath()
    {
        return WebSocketApiSessions.PATH;
    }

    @Override
    public synchronized void openApiSession(final UserStreamSink sink)
    {
        apiSessions.open(sink, epochMillis.getAsLong());
    }

    @Override
    public synchronized void onApiRequest(final UserStreamSink sink, final String text)
    {
        apiSessions.request(sink, text, epochMillis.getAsLong());
    }

    @Override
    public synchronized void closeApiSession(final UserStreamSink sink)
    {
        apiSessions.closed(sink);
    }

    @Override
    public synchronized void onMarket(final String symbol, final BinanceMarketView market)
    {
        final long now = epochMillis.getAsLong();
        streams.expire(now);
        trading.market(market);
        trading.onMarket(symbol, now);
    }

    // ---- test controls and observations ----

    /** The next {@code count} requests to {@code path} (or to any path when null) get {@code fault}. */
    public synchronized void injectFault(final BinanceEmulatorFault fault, final String path, final int count)
    {
        faults.inject(fault, path, count);
    }

    public synchronized void clearFaults()
    {
        faults.clear();
    }

    /** How long a {@link BinanceEmulatorFault#TIMEOUT} holds its answer (10 s unless set). */
    public synchronized void holdMillis(final long millis)
    {
        faults.holdMillis(millis);
    }

    /** The request weight an IP may use per minute (the venue's 6,000 unless set): small limits test the 429 path. */
    public synchronized void requestWeightLimit(final int limit)
    {
        weights.limit(limit);
    }

    /** Weight used by {@code ip} in the current minute. */
    public synchronized int usedWeight(final String ip)
    {
        return weights.used(ip, epochMillis.getAsLong());
    }

    /** Requests that arrived for this path, any method, whatever became of them. */
    public synchronized int requests(final String path)
    {
        return requestsByPath.getOrDefault(path, 0);
    }

    /** Create requests that arrived with this {@code newClientOrderId}, whatever became of them. */
    public synchronized int createsFor(final String clientOrderId)
    {
        return createsByClientId.getOrDefault(clientOrderId, 0);
    }

    /** The account's API key is rotated: only {@code newKey} is accepted from now on (see {@link RequestAuthentication#replaceKey}). */
    public synchronized void replaceKey(final BinanceEmulatorKey newKey)
    {
        authentication.replaceKey(newKey);
    }

    /** A second key is made: both it and the key in use are accepted until {@link #replaceKey} retires the old one. */
    public synchronized void addKey(final BinanceEmulatorKey newKey)
    {
        authentication.addKey(newKey);
    }

    /** Requests that passed the signature check signed with {@code apiKey}'s secret. */
    public synchronized int signedWith(final String apiKey)
    {
        return authentication.signedWith(apiKey);
    }

    public synchronized int authFailures()
    {
        return authentication.failures();
    }

    /** The last authentication failure, code and message, or null. */
    public synchronized String lastAuthFailure()
    {
        return authentication.lastFailure();
    }

    /** Adds {@code amount} to the free balance of {@code asset} (a deposit; no stream event). */
    public synchronized void deposit(final String asset, final String amount)
    {
        trading.account.deposit(asset, new BigDecimal(amount), epochMillis.getAsLong());
    }

    public synchronized BigDecimal free(final String asset)
    {
        return trading.account.free(asset);
    }

    public synchronized BigDecimal locked(final String asset)
    {
        return trading.account.locked(asset);
    }

    /** The status of the latest order with this client id on {@code symbol}, or null when there is none. */
    public synchronized String statusOf(final String symbol, final String clientOrderId)
    {
        final SpotOrder order = store.find(symbol, -1, clientOrderId);
        return order == null ? null : order.status;
    }

    /** The venue's id of the latest order with this client id on {@code symbol}, or -1. */
    public synchronized long orderIdFor(final String symbol, final String clientOrderId)
    {
        final SpotOrder order = store.find(symbol, -1, clientOrderId);
        return order == null ? -1 : order.orderId;
    }

    /** Orders the venue holds, any status. */
    public synchronized int orderCount()
    {
        return store.orderCount();
    }

    /** Net filled quantity of {@code symbol} over every order: buys minus sells, as a plain decimal. */
    public synchronized String netFilled(final String symbol)
    {
        return store.netFilled(symbol).stripTrailingZeros().toPlainString();
    }

    /** Fills {@code quantity} of a resting order at its limit, as a maker, and reports it on the user data stream. */
    public synchronized void fillResting(final long orderId, final String quantity)
    {
        final SpotOrder order = store.byId(orderId);
        if (order == null || !order.open() || !order.booked)
        {
            throw new IllegalStateException("no resting order " + orderId);
        }
        final long now = epochMillis.getAsLong();
        trading.fill(order, new BigDecimal(quantity).min(order.remaining()), order.price, true, now);
        trading.positions(order.rules, now);
    }

    /** Cancels a resting order as if its owner had cancelled it elsewhere (another session, the web site). */
    public synchronized void cancelResting(final long orderId)
    {
        final SpotOrder order = store.byId(orderId);
        if (order == null || !order.open())
        {
            throw new IllegalStateException("no open order " + orderId);
        }
        trading.cancel(order, store.generatedClientId(), epochMillis.getAsLong());
    }

    /** Connections listening on a live listen key. */
    public synchronized int userStreamConnections()
    {
        return streams.connections();
    }

    /** User data subscriptions of WebSocket API sessions. */
    public synchronized int apiSubscriptions()
    {
        return apiSessions.subscriptions();
    }
}
