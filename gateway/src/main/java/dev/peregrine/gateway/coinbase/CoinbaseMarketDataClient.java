package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.feed.FeedHealthMonitor;
import dev.peregrine.gateway.feed.FeedListener;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.ConnectionState;
import dev.peregrine.gateway.ws.ReconnectBackoff;
import dev.peregrine.gateway.ws.WebSocketClient;
import dev.peregrine.gateway.ws.WebSocketFrameHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Coinbase Advanced Trade market-data WebSocket client ({@code ws://} or {@code wss://}, TLS through
 * Netty's SslHandler with the JDK trust store) that stays connected: it subscribes to the configured
 * channels (one message per channel, paced to stay inside the venue's rate limit, {@code heartbeats}
 * first), publishes every decoded event to the inbound ring, and keeps the feed's health visible to the
 * core as ring events ({@link FeedHealthMonitor}).
 *
 * <p>Recovery:
 * <ul>
 *   <li>Sequence gap ({@code sequence_num} is one counter per connection): FEED_GAP for every instrument,
 *   then {@code unsubscribe} + {@code subscribe} of {@code level2} on the same connection, so fresh
 *   snapshots arrive; FEED_RECOVERED per instrument once its snapshot is published (instruments without
 *   level2: once their data flows again). Resubscribing rather than reconnecting keeps the other channels
 *   flowing, costs two messages instead of a new TLS session and a full resubscription of every channel,
 *   and a gap on a live connection says a message was lost, not that the connection is bad.</li>
 *   <li>Lost connection: FEED_GAP (expectedSequence 0) for every instrument, then reconnection attempts
 *   with exponential backoff and jitter ({@link ReconnectBackoff}), forever until {@link #close()}: each
 *   attempt is counted, the state is exported ({@link #state()}, {@code GatewayMetrics.connectionState}),
 *   and after the handshake every channel is subscribed again, so snapshots rebuild the books.</li>
 *   <li>Staleness: a periodic task on the event loop publishes FEED_STALE for an instrument without data
 *   messages for longer than the threshold, and FEED_RECOVERED when data returns.</li>
 * </ul>
 *
 * <p>Threads: one Netty event loop thread owns the connection, the decoder, the pacing, the reconnection
 * timer and the staleness task; it is the ring producer and the single writer of the
 * {@link GatewayMetrics}. {@link #start()}, {@link #close()}, {@link #isConnected()} and {@link #state()}
 * may be called from any thread. When the ring is full the event loop waits in
 * {@code RingBuffer.next()}: it stops reading the socket, so the backlog stays in TCP buffers rather than
 * growing in the heap.
 *
 * <p>Frames: the connection ({@link WebSocketClient}) accepts up to {@code maxFrameBytes} (16 MiB by
 * default; real level2 snapshots are 5.1 MB), so continuation frames are joined before decoding. An
 * aggregated message above the limit is discarded by Netty and counted as oversized; a single frame
 * above it is a protocol violation that closes the connection (and so triggers a reconnection). UTF-8
 * is validated by the decoder, not by Netty, so one bad frame is dropped instead of closing the
 * connection.
 */
public final class CoinbaseMarketDataClient implements AutoCloseable
{
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final List<String> products;
    private final List<String> subscribeMessages;
    private final String unsubscribeLevel2;
    private final String subscribeLevel2;
    private final InstrumentRegistry registry;
    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private final CoinbaseClientConfig config;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReconnectBackoff backoff;
    private final SubscriptionPacer pacer;

    private volatile WebSocketClient connection;
    private volatile Channel channel;
    private volatile WebSocketFrameHandler frameHandler;
    private volatile ConnectionState state = ConnectionState.NEW;

    // Event loop only, once started.
    private EventLoop loop;
    private CoinbaseMarketDataDecoder decoder;
    private ConnectionListener connectionEvents;
    private FeedHealthMonitor monitor;
    private boolean everConnected;

    public CoinbaseMarketDataClient(
        final URI uri,
        final List<String> products,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics)
    {
        this(uri, products, registry, ring, metrics, CoinbaseClientConfig.defaults());
    }

    public CoinbaseMarketDataClient(
        final URI uri,
        final List<String> products,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics,
        final CoinbaseClientConfig config)
    {
        if (!WebSocketClient.isWebSocketUri(uri))
        {
            throw new IllegalArgumentException("market-data URI must be ws://host[:port]/path or wss://..., was " + uri);
        }
        for (final String product : products)
        {
            if (registry.idOf(product) < 0)
            {
                throw new IllegalArgumentException("product '" + product + "' is not registered in the InstrumentRegistry " +
                    registry.symbols() + ": register it before subscribing");
            }
        }
        if (ring == null || metrics == null || config == null)
        {
            throw new NullPointerException("ring, metrics and config are required");
        }
        this.uri = uri;
        this.products = List.copyOf(products);
        this.subscribeMessages = CoinbaseSubscription.subscribeMessages(products, config.channels());
        this.unsubscribeLevel2 = CoinbaseSubscription.message("unsubscribe", products, "level2");
        this.subscribeLevel2 = CoinbaseSubscription.message("subscribe", products, "level2");
        this.registry = registry;
        this.ring = ring;
        this.metrics = metrics;
        this.config = config;
        this.backoff = new ReconnectBackoff(config.backoffBase(), config.backoffMax(), config.jitterSeed());
        this.pacer = new SubscriptionPacer(config.subscribeSpacing().toNanos());
    }

    /**
     * Connects, completes the WebSocket handshake and starts the paced subscriptions, waiting at most
     * the connect timeout. After this first success, any loss is recovered in the background.
     *
     * @throws IllegalStateException naming the URI if the first connection does not succeed in time.
     */
    public void start()
    {
        if (closed.get())
        {
            throw new IllegalStateException("client for " + uri + " is closed; create a new one");
        }
        if (!started.compareAndSet(false, true))
        {
            throw new IllegalStateException("client for " + uri + " is already started");
        }
        decoder = new CoinbaseMarketDataDecoder(registry, ring, metrics, config.maxFrameBytes());
        final int[] ids = new int[products.size()];
        final boolean[] hasBook = new boolean[products.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = registry.idOf(products.get(i));
            hasBook[i] = config.subscribes("level2");
        }
        monitor = new FeedHealthMonitor(ring, metrics, ids, hasBook, config.staleThreshold().toNanos(), System.nanoTime());
        decoder.listener(new RecoveringListener());
        connectionEvents = new ConnectionEvents();
        final WebSocketClient client = new WebSocketClient(uri, "peregrine-coinbase-md", config.connectTimeout(),
            config.maxFrameBytes());
        connection = client;
        loop = client.start();
        final long checkNanos = config.staleCheckInterval().toNanos();
        loop.scheduleAtFixedRate(() -> monitor.checkStaleness(System.nanoTime()), checkNanos, checkNanos, TimeUnit.NANOSECONDS);

        final long startNanos = System.nanoTime();
        final ChannelFuture connect = loop.submit(this::connect).syncUninterruptibly().getNow();
        client.awaitOpen(connect, frameHandler, startNanos, this::close);
    }

    /** Trades of the instrument dropped as already published (resnapshots after reconnects), since start. */
    public long duplicateTrades(final int instrumentId)
    {
        final CoinbaseMarketDataDecoder current = decoder;
        return current == null ? 0 : current.duplicateTrades(instrumentId);
    }

    /** True while the WebSocket is open and subscribed (or subscribing). */
    public boolean isConnected()
    {
        final Channel ch = channel;
        final WebSocketFrameHandler handler = frameHandler;
        return state == ConnectionState.CONNECTED && ch != null && ch.isActive() && handler != null &&
            handler.handshakeComplete();
    }

    /** Where the client stands; any thread. */
    public ConnectionState state()
    {
        return state;
    }

    public URI uri()
    {
        return uri;
    }

    public CoinbaseClientConfig config()
    {
        return config;
    }

    /** Sends a normal-closure frame, closes the socket and stops the event loop. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        setState(ConnectionState.CLOSED);
        final WebSocketClient client = connection;
        if (client != null)
        {
            client.close(channel);
        }
    }

    /** Event loop: one connection attempt; its close, whenever it comes, leads to the next. */
    private ChannelFuture connect()
    {
        setState(ConnectionState.CONNECTING);
        final WebSocketFrameHandler handler = new WebSocketFrameHandler(decoder, connectionEvents);
        frameHandler = handler;
        final ChannelFuture connect = connection.connect(handler);
        final Channel ch = connect.channel();
        channel = ch;
        ch.closeFuture().addListener(f -> onClosed(handler));
        return connect;
    }

    /** Event loop: the handshake completed. */
    private void onOpen(final Channel ch)
    {
        if (everConnected)
        {
            metrics.onReconnect();
        }
        everConnected = true;
        backoff.reset();
        setState(ConnectionState.CONNECTED);
        pacer.attach(ch);
        for (final String message : subscribeMessages)
        {
            pacer.send(message);
        }
    }

    /** Event loop: a connection (or an attempt) ended. */
    private void onClosed(final WebSocketFrameHandler handler)
    {
        if (closed.get())
        {
            return;
        }
        if (handler.opened())
        {
            monitor.onConnectionLost();
        }
        if (!everConnected)
        {
            return; // the first connection failed: start() reports it
        }
        setState(ConnectionState.BACKOFF);
        loop.schedule(this::reconnect, backoff.nextDelayNanos(), TimeUnit.NANOSECONDS);
    }

    private void reconnect()
    {
        if (closed.get())
        {
            return;
        }
        metrics.onReconnectAttempt();
        connect();
    }

    private void setState(final ConnectionState newState)
    {
        if (state != ConnectionState.CLOSED)
        {
            state = newState;
            metrics.setConnectionState(newState.ordinal());
        }
        else
        {
            metrics.setConnectionState(ConnectionState.CLOSED.ordinal());
        }
    }

    /** The connection's open and close, on the event loop: counted, then subscriptions start. */
    private final class ConnectionEvents implements ConnectionListener
    {
        @Override
        public void onOpen(final Channel channel)
        {
            decoder.onConnected();
            metrics.onConnect();
            CoinbaseMarketDataClient.this.onOpen(channel);
        }

        @Override
        public void onClosed()
        {
            metrics.onDisconnect();
        }
    }

    /** Decoder callbacks: feed health, plus a level2 resubscription on a sequence gap. Event loop. */
    private final class RecoveringListener implements FeedListener
    {
        @Override
        public void onSequenceGap(final long received, final long expected)
        {
            monitor.onSequenceGap(received, expected);
            if (config.subscribes("level2") && !pacer.isQueued(subscribeLevel2))
            {
                metrics.onResubscribe();
                pacer.send(unsubscribeLevel2);
                pacer.send(subscribeLevel2);
            }
        }

        @Override
        public void onData(final int instrumentId, final long receiveNanoTime)
        {
            monitor.onData(instrumentId, receiveNanoTime);
        }

        @Override
        public void onSnapshotApplied(final int instrumentId)
        {
            monitor.onSnapshotApplied(instrumentId);
        }
    }
}
