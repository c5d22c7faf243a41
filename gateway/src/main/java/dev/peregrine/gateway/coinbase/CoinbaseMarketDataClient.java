package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.GatewayMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Coinbase Advanced Trade market-data WebSocket connection ({@code ws://} or {@code wss://}): it
 * connects, subscribes to {@code heartbeats}, {@code ticker} and {@code market_trades} for the given
 * products, and publishes every decoded quote and trade to the inbound ring.
 *
 * <p>Threads: one Netty event loop thread owns the connection, runs the decoder, is the ring producer
 * and the single writer of the {@link GatewayMetrics}. {@link #start()} and {@link #close()} may be
 * called from any thread. Reconnection and gap recovery are left to a later layer. When the ring is
 * full the event loop waits in {@code RingBuffer.next()}: it stops reading the socket, so the backlog
 * stays in TCP buffers (and, if the core never catches up, the venue eventually drops us) rather than
 * growing in the heap.
 *
 * <p>Frames: the WebSocket decoder and the aggregator accept up to {@code maxFrameBytes} (16 MiB by
 * default; real level2 snapshots are 5.1 MB), so continuation frames are joined before decoding. An
 * aggregated message above the limit is discarded by Netty and counted as oversized; a single frame
 * above it is a protocol violation that closes the connection. UTF-8 is validated by the decoder, not
 * by Netty, so one bad frame is dropped instead of closing the connection.
 */
public final class CoinbaseMarketDataClient implements AutoCloseable
{
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;
    private final List<String> subscribeMessages;
    private final InstrumentRegistry registry;
    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private final Duration connectTimeout;
    private final int maxFrameBytes;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile EventLoopGroup group;
    private volatile Channel channel;
    private volatile CoinbaseFrameHandler frameHandler;

    public CoinbaseMarketDataClient(
        final URI uri,
        final List<String> products,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics)
    {
        this(uri, products, registry, ring, metrics, DEFAULT_CONNECT_TIMEOUT,
            CoinbaseMarketDataDecoder.DEFAULT_MAX_FRAME_BYTES);
    }

    public CoinbaseMarketDataClient(
        final URI uri,
        final List<String> products,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics,
        final Duration connectTimeout,
        final int maxFrameBytes)
    {
        if (uri == null || uri.getHost() == null ||
            !("ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme())))
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
        if (connectTimeout.isNegative() || connectTimeout.isZero())
        {
            throw new IllegalArgumentException("connectTimeout must be > 0, was " + connectTimeout);
        }
        this.uri = uri;
        this.subscribeMessages = CoinbaseSubscription.subscribeMessages(products);
        this.registry = registry;
        this.ring = ring;
        this.metrics = metrics;
        this.connectTimeout = connectTimeout;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Connects, completes the WebSocket handshake and sends the subscriptions, waiting at most the
     * connect timeout.
     *
     * @throws IllegalStateException naming the URI if that does not succeed in time.
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
        final boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        final SslContext ssl = secure ? clientSslContext() : null;
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(registry, ring, metrics, maxFrameBytes);
        final CoinbaseFrameHandler handler = new CoinbaseFrameHandler(decoder, metrics, subscribeMessages);
        frameHandler = handler;
        group = new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("peregrine-coinbase-md"), NioIoHandler.newFactory());
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .maxFramePayloadLength(maxFrameBytes)
            .withUTF8Validator(false)
            .handshakeTimeoutMillis(connectTimeout.toMillis())
            .build();
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline pipeline = ch.pipeline();
                    if (ssl != null)
                    {
                        pipeline.addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                    }
                    pipeline.addLast(new HttpClientCodec());
                    pipeline.addLast(new HttpObjectAggregator(64 * 1024));
                    pipeline.addLast(new WebSocketClientProtocolHandler(config));
                    pipeline.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                    pipeline.addLast(handler);
                }
            });

        final long deadline = System.nanoTime() + connectTimeout.toNanos();
        final ChannelFuture connect = bootstrap.connect(uri.getHost(), port);
        channel = connect.channel();
        if (!connect.awaitUninterruptibly(remainingMillis(deadline)) || !connect.isSuccess())
        {
            throw failedToStart(connect.cause());
        }
        final ChannelFuture handshake = handler.handshakePromise();
        if (!handshake.awaitUninterruptibly(remainingMillis(deadline)) || !handshake.isSuccess())
        {
            throw failedToStart(handshake.cause());
        }
    }

    /** True while the WebSocket is open and subscribed. */
    public boolean isConnected()
    {
        final Channel ch = channel;
        final CoinbaseFrameHandler handler = frameHandler;
        return ch != null && ch.isActive() && handler != null && handler.handshakeComplete();
    }

    public URI uri()
    {
        return uri;
    }

    /** Sends a normal-closure frame, closes the socket and stops the event loop. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final Channel ch = channel;
        if (ch != null && ch.isActive())
        {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE)).awaitUninterruptibly(1_000);
            ch.close().awaitUninterruptibly(1_000);
        }
        final EventLoopGroup g = group;
        if (g != null)
        {
            g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }

    private IllegalStateException failedToStart(final Throwable cause)
    {
        final String reason = cause == null ? "timed out" : cause.getClass().getSimpleName() +
            (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        close();
        return new IllegalStateException("cannot connect to " + uri + " within " + connectTimeout.toMillis() +
            " ms (" + reason + ")", cause);
    }

    private static long remainingMillis(final long deadlineNanos)
    {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static SslContext clientSslContext()
    {
        try
        {
            // Default trust: the JDK's trust store, hostname verification by the SslHandler's peer host.
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        }
        catch (final javax.net.ssl.SSLException ex)
        {
            throw new IllegalStateException("cannot create the TLS context for wss:// market data", ex);
        }
    }
}
