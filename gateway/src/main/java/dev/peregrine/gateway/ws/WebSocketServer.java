package dev.peregrine.gateway.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server side of every simulated venue and emulator: an acceptor thread ({@code <threadName>-accept}),
 * one worker event loop ({@code <threadName>}) that owns every connection, and the same pipeline for each
 * (HTTP codec, HTTP aggregation, the WebSocket handshake on {@code path}, then the venue's handlers). HTTP
 * requests that are not upgrades pass through to the venue's handlers, so one port can serve REST too.
 *
 * <p>Threads: {@link #bind} and {@link #close} from any thread; the handlers run on {@link #loop()}.
 */
public final class WebSocketServer implements AutoCloseable
{
    private final String description;
    private final String threadName;
    private final WebSocketServerProtocolConfig wsConfig;
    private final int maxHttpContentBytes;
    private final Consumer<ChannelPipeline> venueHandlers;

    private EventLoopGroup acceptor;
    private EventLoopGroup worker;
    private EventLoop loop;
    private Channel serverChannel;
    private int port = -1;

    /**
     * @param description         what is serving, for error messages ({@code simulated exchange}).
     * @param threadName          the worker thread's name; the acceptor's adds {@code -accept}.
     * @param wsConfig            the handshake path and frame limit.
     * @param maxHttpContentBytes the largest HTTP request body (REST calls, the upgrade request).
     * @param venueHandlers       adds the venue's handlers after the handshake handler, once per connection.
     */
    public WebSocketServer(final String description, final String threadName, final WebSocketServerProtocolConfig wsConfig,
        final int maxHttpContentBytes, final Consumer<ChannelPipeline> venueHandlers)
    {
        this.description = description;
        this.threadName = threadName;
        this.wsConfig = wsConfig;
        this.maxHttpContentBytes = maxHttpContentBytes;
        this.venueHandlers = venueHandlers;
    }

    /** A handshake on {@code path} and below it (a query string or a sub-path), frames up to {@code maxFramePayloadBytes}. */
    public static WebSocketServerProtocolConfig underPath(final String path, final int maxFramePayloadBytes)
    {
        return WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(path)
            .checkStartsWith(true)
            .maxFramePayloadLength(maxFramePayloadBytes)
            .build();
    }

    /** Starts the threads; the worker loop exists from here on, before any bind. */
    public EventLoop start()
    {
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName + "-accept"), NioIoHandler.newFactory());
        worker = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName), NioIoHandler.newFactory());
        loop = worker.next();
        return loop;
    }

    /**
     * Listens on {@code host:port} (0: an ephemeral port); {@link #start()} first.
     *
     * @return the bound port.
     * @throws IllegalStateException "DESCRIPTION cannot bind HOST:PORT (reason)"; the threads are stopped then.
     */
    public int bind(final String host, final int requestedPort)
    {
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(acceptor, worker)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(maxHttpContentBytes));
                    ch.pipeline().addLast(new WebSocketServerProtocolHandler(wsConfig));
                    venueHandlers.accept(ch.pipeline());
                }
            });
        // Awaited, not synced: sync would rethrow the (checked) BindException undeclared, past any catch of ours.
        final ChannelFuture bound = bootstrap.bind(host, requestedPort).awaitUninterruptibly();
        serverChannel = bound.channel();
        if (!bound.isSuccess())
        {
            close();
            throw new IllegalStateException(description + " cannot bind " + host + ":" + requestedPort +
                " (" + bound.cause().getMessage() + ")", bound.cause());
        }
        port = ((InetSocketAddress)serverChannel.localAddress()).getPort();
        return port;
    }

    /** The worker loop every connection runs on; null before {@link #start()}. */
    public EventLoop loop()
    {
        return loop;
    }

    /** The bound port, or -1 before a successful {@link #bind}. */
    public int port()
    {
        return port;
    }

    /** Closes the port and every connection, and stops the threads. Idempotent. */
    @Override
    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().awaitUninterruptibly(1_000);
        }
        for (final EventLoopGroup group : new EventLoopGroup[] {acceptor, worker})
        {
            if (group != null)
            {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
            }
        }
    }
}
