package dev.peregrine.gateway.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
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
import java.util.concurrent.TimeUnit;

/**
 * The client side of every venue WebSocket ({@code ws://} or {@code wss://}, TLS through Netty's SslHandler
 * with the JDK trust store and hostname verification): one event loop thread, one bootstrap, and the same
 * pipeline for every connection (HTTP codec, handshake, frame aggregation up to {@code maxFrameBytes}, then
 * the venue's last handler, usually a {@link WebSocketFrameHandler}). Reconnection is the user's: it calls
 * {@link #connect} again after a {@link ReconnectBackoff} delay.
 *
 * <p>UTF-8 is validated by the venue's decoder, not by Netty, so one bad frame is dropped instead of
 * closing the connection. An aggregated message above the limit is discarded by Netty; a single frame
 * above it is a protocol violation that closes the connection.
 *
 * <p>Threads: {@link #start()}, {@link #awaitOpen} and {@link #close} from any thread; {@link #connect}
 * from any thread, usually the event loop.
 */
public final class WebSocketClient
{
    private final URI uri;
    private final String threadName;
    private final Duration connectTimeout;
    private final int maxFrameBytes;
    private final int port;

    private volatile EventLoopGroup group;
    private EventLoop loop;
    private Bootstrap bootstrap;
    private SslContext ssl;
    private WebSocketClientProtocolConfig wsConfig;

    /**
     * @param uri        where to connect, path and query included.
     * @param threadName the event loop thread's name, e.g. {@code peregrine-coinbase-md}.
     */
    public WebSocketClient(final URI uri, final String threadName, final Duration connectTimeout, final int maxFrameBytes)
    {
        this.uri = uri;
        this.threadName = threadName;
        this.connectTimeout = connectTimeout;
        this.maxFrameBytes = maxFrameBytes;
        this.port = uri.getPort() > 0 ? uri.getPort() : isSecure(uri) ? 443 : 80;
    }

    /** True for {@code ws://host...} and {@code wss://host...}: the URIs this client connects to. */
    public static boolean isWebSocketUri(final URI uri)
    {
        return uri != null && uri.getHost() != null &&
            ("ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()));
    }

    /** Creates the event loop and the bootstrap; returns the loop, which will own every connection. */
    public EventLoop start()
    {
        ssl = isSecure(uri) ? clientSslContext() : null;
        wsConfig = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .maxFramePayloadLength(maxFrameBytes)
            .withUTF8Validator(false) // the decoder validates, so one bad frame does not close the connection
            .handshakeTimeoutMillis(connectTimeout.toMillis())
            .build();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName), NioIoHandler.newFactory());
        loop = group.next();
        bootstrap = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            // The pooled allocator reuses its buffers' NIO views and chunks: Netty 4.2's default (adaptive) made a
            // DirectByteBuffer slice per socket read and fallback chunks on the market-data loop, its steady garbage.
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        return loop;
    }

    /** One connection attempt whose last handler is {@code last} (a new one per attempt). */
    public ChannelFuture connect(final ChannelHandler last)
    {
        final ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
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
                pipeline.addLast(new WebSocketClientProtocolHandler(wsConfig));
                pipeline.addLast(new WebSocketFrameAggregator(maxFrameBytes));
                pipeline.addLast(last);
            }
        }).connect(uri.getHost(), port);
        final Channel ch = connect.channel();
        connect.addListener(f ->
        {
            if (!f.isSuccess())
            {
                ch.close();
            }
        });
        return connect;
    }

    /**
     * Waits for the first connection and its handshake, at most the connect timeout from {@code startNanos}.
     *
     * @param onFailure run before throwing (the owner closes itself, and so this client).
     * @throws IllegalStateException "cannot connect to URI within N ms (reason)" if either does not succeed.
     */
    public void awaitOpen(final ChannelFuture connect, final WebSocketFrameHandler handler, final long startNanos,
        final Runnable onFailure)
    {
        final long deadline = startNanos + connectTimeout.toNanos();
        if (!connect.awaitUninterruptibly(remainingMillis(deadline)) || !connect.isSuccess())
        {
            throw failedToStart(connect.cause(), onFailure);
        }
        final ChannelFuture handshake = handler.handshakePromise();
        if (!handshake.awaitUninterruptibly(remainingMillis(deadline)) || !handshake.isSuccess())
        {
            throw failedToStart(handshake.cause(), onFailure);
        }
    }

    /** Sends a normal-closure frame on {@code channel} (if open), closes it and stops the event loop. */
    public void close(final Channel channel)
    {
        if (channel != null && channel.isActive())
        {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE)).awaitUninterruptibly(1_000);
            channel.close().awaitUninterruptibly(1_000);
        }
        final EventLoopGroup g = group;
        if (g != null)
        {
            g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }

    public URI uri()
    {
        return uri;
    }

    private IllegalStateException failedToStart(final Throwable cause, final Runnable onFailure)
    {
        final String reason = cause == null ? "timed out" : cause.getClass().getSimpleName() +
            (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        onFailure.run();
        return new IllegalStateException("cannot connect to " + uri + " within " + connectTimeout.toMillis() +
            " ms (" + reason + ")", cause);
    }

    private static long remainingMillis(final long deadlineNanos)
    {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static boolean isSecure(final URI uri)
    {
        return "wss".equalsIgnoreCase(uri.getScheme());
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
