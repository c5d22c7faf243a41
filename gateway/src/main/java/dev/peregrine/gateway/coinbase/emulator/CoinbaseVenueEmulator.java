package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A local stand-in for Coinbase Advanced Trade orders: REST on {@code http://127.0.0.1:<port>} and the
 * {@code user} WebSocket channel on {@code ws://127.0.0.1:<port>/ws/user}. It checks every JWT's ES256
 * signature with the key's public half plus {@code kid/iss/sub/nbf/exp/uri} (401 otherwise), answers with
 * the documented shapes, fills market orders at once at the product's fill price (0.6% fee) and reports
 * them on the user channel, rests limit orders until {@link #fillResting} or a cancel, and injects
 * faults on command ({@link #injectFault}).
 *
 * <p>It counts requests per endpoint path and creates per {@code client_order_id}, dropped and
 * rate-limited ones included, so tests can prove an order was never sent twice. Test tooling, kept in
 * main so that ops can run it. Threads: one Netty acceptor and one event loop; venue state is guarded
 * by this object's lock so tests may call in from any thread.
 */
public final class CoinbaseVenueEmulator implements AutoCloseable
{
    public static final String USER_CHANNEL_PATH = "/ws/user";

    enum Action
    {
        ANSWER, HOLD, DROP
    }

    record Reply(int status, String body, Map<String, String> headers, Action action, long holdMillis)
    {
        static Reply json(final int status, final Object body)
        {
            return new Reply(status, CoinbaseJson.write(body), Map.of(), Action.ANSWER, 0);
        }
    }

    private record PendingFault(EmulatorFault fault, String path, int[] remaining)
    {
    }

    private final JwtVerifier verifier;
    private final String jwtHost;
    private final LongSupplier epochSeconds;
    private final Map<String, BigDecimal> fillPrices = new HashMap<>();
    private final Map<String, EmulatedOrder> ordersById = new LinkedHashMap<>();
    private int listPageSize = 1000;
    private final Map<String, EmulatedOrder> ordersByClientId = new HashMap<>();
    private final Map<String, Integer> requestsByPath = new HashMap<>();
    private final Map<String, Integer> createsByClientId = new HashMap<>();
    private final List<PendingFault> faults = new ArrayList<>();
    private final Set<Channel> userSubscribers = new HashSet<>();
    private final Map<Channel, long[]> sequenceByChannel = new HashMap<>();
    private long holdMillis = 3_000;
    private volatile long processingDelayMillis;
    private int authFailures;
    private String lastAuthFailure;
    private long orderSequence;
    private EventLoopGroup acceptor;
    private EventLoopGroup worker;
    private Channel serverChannel;
    private String host = "127.0.0.1";
    private int port;

    /** @param jwtHost the host the JWT {@code uri} claim must name (the client's {@code jwtHost}). */
    public CoinbaseVenueEmulator(final ECPublicKey publicKey, final String keyName, final String jwtHost)
    {
        this.epochSeconds = () -> System.currentTimeMillis() / 1000;
        this.verifier = new JwtVerifier(publicKey, keyName, epochSeconds);
        this.jwtHost = jwtHost;
        fillPrices.put("BTC-USD", new BigDecimal("65000.00"));
        fillPrices.put("ETH-USD", new BigDecimal("3000.00"));
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
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-cb-emu-accept"), NioIoHandler.newFactory());
        worker = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-cb-emu"), NioIoHandler.newFactory());
        final WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(USER_CHANNEL_PATH).checkStartsWith(false).build();
        final io.netty.channel.ChannelFuture bound = new ServerBootstrap()
            .group(acceptor, worker)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(1024 * 1024));
                    ch.pipeline().addLast(new WebSocketServerProtocolHandler(ws));
                    ch.pipeline().addLast(new EmulatorChannelHandler(CoinbaseVenueEmulator.this));
                }
            })
            .bind(bindHost, bindPort).awaitUninterruptibly();
        serverChannel = bound.channel();
        if (!bound.isSuccess())
        {
            close();
            throw new IllegalStateException("venue emulator cannot bind " + bindHost + ":" + bindPort + " (" +
                bound.cause().getMessage() + ")", bound.cause());
        }
        host = bindHost;
        port = ((InetSocketAddress)serverChannel.localAddress()).getPort();
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
        faults.add(new PendingFault(fault, path, new int[] {count}));
    }

    public synchronized void clearFaults()
    {
        faults.clear();
    }

    /** How long a {@link EmulatorFault#TIMEOUT} holds its answer. */
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

    public synchronized void holdMillis(final long millis)
    {
        holdMillis = millis;
    }

    public synchronized void fillPrice(final String productId, final String price)
    {
        fillPrices.put(productId, new BigDecimal(price));
    }

    public synchronized int requests(final String path)
    {
        return requestsByPath.getOrDefault(path, 0);
    }

    /** Create requests that arrived for this id, whatever became of them. */
    public synchronized int createsFor(final String clientOrderId)
    {
        return createsByClientId.getOrDefault(clientOrderId, 0);
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
        final EmulatedOrder order = ordersById.get(venueOrderId);
        return order == null ? null : order.status;
    }

    public synchronized String orderIdFor(final String clientOrderId)
    {
        final EmulatedOrder order = ordersByClientId.get(clientOrderId);
        return order == null ? null : order.orderId;
    }

    public synchronized int userSubscribers()
    {
        return userSubscribers.size();
    }

    /** Fills part or all of a resting limit order at its limit price and reports it on the user channel. */
    public synchronized void fillResting(final String venueOrderId, final String quantity)
    {
        final EmulatedOrder order = ordersById.get(venueOrderId);
        if (order == null || !order.open())
        {
            throw new IllegalStateException("no open order " + venueOrderId);
        }
        order.fill(new BigDecimal(quantity), order.limitPrice);
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
        final BigDecimal price = new BigDecimal(tradePrice);
        int filled = 0;
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.open() && order.limitPrice != null && "LIMIT_GTC".equals(order.orderType) && order.productId.equals(productId) &&
                ("BUY".equals(order.side) ? price.compareTo(order.limitPrice) <= 0 : price.compareTo(order.limitPrice) >= 0))
            {
                order.fill(order.baseSize.subtract(order.cumulativeQuantity), order.limitPrice);
                publish(order);
                filled++;
            }
        }
        return filled;
    }

    synchronized Reply handleRest(final String method, final String uri, final String authorization, final String body)
    {
        final String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        requestsByPath.merge(path, 1, Integer::sum);
        JsonNode json = null;
        if (!body.isEmpty())
        {
            try
            {
                json = CoinbaseJson.parseObject(body);
            }
            catch (final IllegalArgumentException ex)
            {
                return Reply.json(400, error("INVALID_ARGUMENT", "body is not JSON: " + ex.getMessage()));
            }
        }
        if (CoinbaseOrderClient.ORDERS.equals(path) && json != null && CoinbaseJson.text(json, "client_order_id") != null)
        {
            createsByClientId.merge(CoinbaseJson.text(json, "client_order_id"), 1, Integer::sum);
        }
        final EmulatorFault fault = takeFault(path);
        if (fault == EmulatorFault.DROP_CONNECTION)
        {
            return new Reply(0, "", Map.of(), Action.DROP, 0);
        }
        if (fault == EmulatorFault.RATE_LIMIT)
        {
            return new Reply(429, CoinbaseJson.write(error("RATE_LIMIT_EXCEEDED", "too many requests")), Map.of(
                "x-ratelimit-limit", "30", "x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(epochSeconds.getAsLong() + 1)), Action.ANSWER, 0);
        }
        if (fault == EmulatorFault.SERVER_ERROR)
        {
            return Reply.json(500, error("INTERNAL", "internal error"));
        }
        final String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        final String authProblem = verifier.verify(token, method + " " + jwtHost + path);
        if (authProblem != null)
        {
            authFailures++;
            lastAuthFailure = authProblem;
            return Reply.json(401, error("UNAUTHENTICATED", "unauthorized: " + authProblem));
        }
        final Reply reply = "GET".equals(method) && CoinbaseOrderClient.HISTORICAL_BATCH.equals(path) ?
            listOrders(uri) : route(method, path, json);
        return fault == EmulatorFault.TIMEOUT ? new Reply(reply.status(), reply.body(), reply.headers(), Action.HOLD, holdMillis) : reply;
    }

    private Reply route(final String method, final String path, final JsonNode json)
    {
        final boolean post = "POST".equals(method);
        if (post && CoinbaseOrderClient.ORDERS.equals(path))
        {
            return EmulatorOrders.create(this, json);
        }
        if (post && CoinbaseOrderClient.PREVIEW.equals(path))
        {
            return EmulatorOrders.preview(this, json);
        }
        if (post && CoinbaseOrderClient.BATCH_CANCEL.equals(path))
        {
            return EmulatorOrders.cancel(this, json);
        }
        if ("GET".equals(method) && CoinbaseOrderClient.ACCOUNTS.equals(path))
        {
            final Map<String, Object> account = new LinkedHashMap<>();
            account.put("uuid", UUID.nameUUIDFromBytes(new byte[] {1}).toString());
            account.put("name", "USD Wallet");
            account.put("currency", "USD");
            account.put("available_balance", Map.of("value", "100000", "currency", "USD"));
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accounts", List.of(account));
            answer.put("has_next", false);
            answer.put("cursor", "");
            answer.put("size", 1);
            return Reply.json(200, answer);
        }
        return Reply.json(404, error("NOT_FOUND", "no route for " + method + " " + path));
    }

    /**
     * {@code GET /orders/historical/batch}: every order (any status) in creation order, {@link #listPageSize}
     * a page, {@code cursor} being the index of the next one. {@code start_date} is accepted and not applied:
     * the emulator's orders all belong to the test that made them.
     */
    private Reply listOrders(final String uri)
    {
        int from = 0;
        final int query = uri.indexOf('?');
        if (query >= 0)
        {
            for (final String pair : uri.substring(query + 1).split("&"))
            {
                if (pair.startsWith("cursor=") && pair.length() > "cursor=".length())
                {
                    from = Integer.parseInt(pair.substring("cursor=".length()));
                }
            }
        }
        final List<EmulatedOrder> all = new ArrayList<>(ordersById.values());
        final int to = Math.min(all.size(), from + listPageSize);
        final List<Object> page = new ArrayList<>();
        for (int i = from; i < to; i++)
        {
            page.add(all.get(i).toRestJson());
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page);
        answer.put("sequence", "0");
        answer.put("has_next", to < all.size());
        answer.put("cursor", to < all.size() ? Integer.toString(to) : "");
        return Reply.json(200, answer);
    }

    /** Net filled quantity of a product over every order: buys minus sells, as a plain decimal. */
    public synchronized String netFilled(final String productId)
    {
        java.math.BigDecimal net = java.math.BigDecimal.ZERO;
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.productId.equals(productId))
            {
                net = "BUY".equals(order.side) ? net.add(order.cumulativeQuantity) : net.subtract(order.cumulativeQuantity);
            }
        }
        return net.stripTrailingZeros().toPlainString();
    }

    /** One line per order of {@code productId}, in creation order: client id, side, type, status, filled (for test diagnostics). */
    public synchronized List<String> describeOrders(final String productId)
    {
        final List<String> lines = new ArrayList<>();
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.productId.equals(productId))
            {
                lines.add(order.clientOrderId + " " + order.side + " " + order.orderType + " " + order.status + " filled " +
                    order.cumulativeQuantity.stripTrailingZeros().toPlainString() + " at " + order.creationTime);
            }
        }
        return lines;
    }

    /** Fills made so far, over every order. */
    public synchronized long fillCount()
    {
        long fills = 0;
        for (final EmulatedOrder order : ordersById.values())
        {
            fills += order.numberOfFills;
        }
        return fills;
    }

    /** Orders the venue holds, any status. */
    public synchronized int orderCount()
    {
        return ordersById.size();
    }

    /** Orders per page of the order listing (Coinbase allows up to 1,000; small pages test the paging). */
    public synchronized void listPageSize(final int size)
    {
        this.listPageSize = size;
    }

    /** Cancels a resting order as if its owner had cancelled it elsewhere (another session, the web UI). */
    public synchronized void cancelResting(final String venueOrderId)
    {
        final EmulatedOrder order = ordersById.get(venueOrderId);
        if (order == null || !order.open())
        {
            throw new IllegalStateException("no open order " + venueOrderId);
        }
        order.status = "CANCELLED";
        order.cancelReason = "User requested cancel";
        publish(order);
    }

    static Map<String, Object> error(final String error, final String message)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    private EmulatorFault takeFault(final String path)
    {
        for (int i = 0; i < faults.size(); i++)
        {
            final PendingFault f = faults.get(i);
            if (f.path() == null || f.path().equals(path))
            {
                if (--f.remaining()[0] <= 0)
                {
                    faults.remove(i);
                }
                return f.fault();
            }
        }
        return null;
    }

    // ---- venue state, called by EmulatorOrders under the lock ----

    BigDecimal fillPriceOf(final String productId)
    {
        return fillPrices.get(productId);
    }

    EmulatedOrder existing(final String clientOrderId)
    {
        return ordersByClientId.get(clientOrderId);
    }

    EmulatedOrder order(final String orderId)
    {
        return ordersById.get(orderId);
    }

    String nextOrderId()
    {
        return new UUID(0x5045524547524e45L, ++orderSequence).toString();
    }

    String now()
    {
        return Instant.ofEpochSecond(epochSeconds.getAsLong()).toString();
    }

    void add(final EmulatedOrder order)
    {
        ordersById.put(order.orderId, order);
        ordersByClientId.put(order.clientOrderId, order);
    }

    /** Sends one {@code update} with the order's state to every user-channel subscriber. */
    void publish(final EmulatedOrder order)
    {
        for (final Channel ch : userSubscribers)
        {
            send(ch, "update", List.of(order.toUserChannelJson()));
        }
    }

    // ---- user channel ----

    synchronized void onUserChannelOpen(final Channel ch)
    {
        sequenceByChannel.put(ch, new long[1]);
    }

    synchronized void onUserChannelClosed(final Channel ch)
    {
        userSubscribers.remove(ch);
        sequenceByChannel.remove(ch);
    }

    synchronized void onUserChannelMessage(final Channel ch, final String text)
    {
        final JsonNode json;
        try
        {
            json = CoinbaseJson.parseObject(text);
        }
        catch (final IllegalArgumentException ex)
        {
            ch.close();
            return;
        }
        if (!"subscribe".equals(CoinbaseJson.text(json, "type")) || !"user".equals(CoinbaseJson.text(json, "channel")))
        {
            return; // heartbeats and others: accepted, nothing emulated
        }
        final String problem = verifier.verify(CoinbaseJson.text(json, "jwt"), null);
        if (problem != null)
        {
            authFailures++;
            lastAuthFailure = problem;
            final Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "error");
            error.put("message", "authentication failure");
            ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(error)));
            ch.close();
            return;
        }
        final Map<String, Object> subscriptions = new LinkedHashMap<>();
        subscriptions.put("channel", "subscriptions");
        subscriptions.put("timestamp", now());
        subscriptions.put("sequence_num", nextSequence(ch));
        subscriptions.put("events", List.of(Map.of("subscriptions", Map.of("user", List.of("user-id")))));
        ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(subscriptions)));
        final List<Object> open = new ArrayList<>();
        for (final EmulatedOrder order : ordersById.values())
        {
            if (order.open())
            {
                open.add(order.toUserChannelJson());
            }
        }
        send(ch, "snapshot", open);
        userSubscribers.add(ch);
    }

    private void send(final Channel ch, final String type, final List<Object> orders)
    {
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("orders", orders);
        final Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("channel", "user");
        envelope.put("client_id", "");
        envelope.put("timestamp", now());
        envelope.put("sequence_num", nextSequence(ch));
        envelope.put("events", List.of(event));
        ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(envelope)));
    }

    private long nextSequence(final Channel ch)
    {
        final long[] sequence = sequenceByChannel.computeIfAbsent(ch, c -> new long[1]);
        return sequence[0]++;
    }

    @Override
    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().awaitUninterruptibly(1_000);
        }
        if (worker != null)
        {
            worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
        if (acceptor != null)
        {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }
}
