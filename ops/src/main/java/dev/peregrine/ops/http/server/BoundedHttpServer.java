package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.HttpHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server under {@code /health}, {@code /ready}, {@code /admin/} and {@code /metrics}: one Netty event
 * loop reads every connection without blocking, so no client, however slow, holds a thread; a request
 * reaches its handler (a JDK {@link HttpHandler}, run on a small pool) only once it has arrived whole. What a
 * client may take is bounded by {@link HttpLimits}: a deadline per request, a write time-out, a cap on
 * connections (past it the server stops accepting until one closes) and caps on the request line, headers
 * and body. It replaces the JDK's {@code HttpServer}, whose single handler thread one half-sent request line
 * held for a minute, with the same routes, handlers and answers.
 */
public final class BoundedHttpServer implements AutoCloseable
{
    /** An event stream's tick: one event a second at most per stream. */
    static final long EVENT_PERIOD_MILLIS = 1000;

    private final EventLoopGroup loop;
    private final ExecutorService handlers;
    private final Channel listening;
    private final Routes routes;
    private final ConnectionCap cap;

    private BoundedHttpServer(final EventLoopGroup loop, final ExecutorService handlers, final Channel listening,
        final Routes routes, final ConnectionCap cap)
    {
        this.loop = loop;
        this.handlers = handlers;
        this.listening = listening;
        this.routes = routes;
        this.cap = cap;
    }

    /**
     * Binds {@code address} now, so a taken port fails before anything else starts, but accepts no connection
     * before {@link #start()} (clients wait in the kernel's queue, as they did for the JDK's server).
     *
     * @param name names the threads, {@code peregrine-http-NAME}
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static BoundedHttpServer bind(final InetSocketAddress address, final String name, final HttpLimits limits)
        throws IOException
    {
        final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("peregrine-http-" + name + "-io", true), NioIoHandler.newFactory());
        final ExecutorService handlers = handlerPool(name, limits.handlerThreads());
        final Routes routes = new Routes();
        final ConnectionCap cap = new ConnectionCap(limits.maxConnections());
        final EventStreams streams = new EventStreams(handlers, EventStreams.DEFAULT_MAX_STREAMS, EVENT_PERIOD_MILLIS);
        final ServerChannelRecvByteBufAllocator onePerRead = new ServerChannelRecvByteBufAllocator();
        onePerRead.maxMessagesPerRead(1);
        final ChannelFuture bound = new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.RCVBUF_ALLOCATOR, onePerRead)
            .handler(cap)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final RequestDeadline deadline = new RequestDeadline(limits.requestTimeout().toNanos());
                    ch.pipeline().addLast("deadline", deadline);
                    ch.pipeline().addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(limits.maxRequestLine())
                        .setMaxHeaderSize(limits.maxHeaderBytes())));
                    ch.pipeline().addLast("write-timeout",
                        new WriteTimeoutHandler(limits.writeTimeout().toNanos(), TimeUnit.NANOSECONDS));
                    ch.pipeline().addLast("body", new BoundedBodyAggregator(limits.maxBodyBytes(), deadline));
                    ch.pipeline().addLast("dispatch", new RequestDispatcher(routes, handlers, streams, deadline,
                        limits.maxRequestLine(), limits.maxHeaderBytes()));
                }
            })
            .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess())
        {
            loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            handlers.shutdownNow();
            final Throwable cause = bound.cause();
            throw cause instanceof IOException ? (IOException)cause : new IOException(String.valueOf(cause.getMessage()), cause);
        }
        return new BoundedHttpServer(loop, handlers, bound.channel(), routes, cap);
    }

    private static ExecutorService handlerPool(final String name, final int threads)
    {
        final AtomicInteger count = new AtomicInteger();
        // Unbounded in type only: each connection has at most one request in the queue, and connections are capped.
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r ->
        {
            final Thread t = new Thread(r, "peregrine-http-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Serves {@code handler} for every path starting with {@code prefix} (the longest prefix wins), as the JDK's {@code createContext}. */
    public void createContext(final String prefix, final HttpHandler handler)
    {
        routes.add(prefix, handler);
    }

    /**
     * Serves paths starting with {@code prefix} with a long-lived server-sent event stream: {@code route} decides
     * from the request (on the handler pool) whether to refuse it or to stream, and then the server sends what the
     * route's {@link EventSource} gives, once a second, until the client goes or the source ends the stream. At most
     * 8 streams (all routes together) are open at once on this server; past that, {@code 503}. A
     * HEAD request the route accepts gets the stream's head without a body.
     */
    public void createEventStream(final String prefix, final EventStreamRoute route)
    {
        routes.add(prefix, exchange ->
        {
            final EventSource source = route.open(exchange);
            if (source == null)
            {
                return;
            }
            if ("HEAD".equals(exchange.getRequestMethod()))
            {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            ((BufferedExchange)exchange).streamFrom(source);
        });
    }

    /** Starts accepting connections. */
    public void start()
    {
        listening.config().setAutoRead(true);
    }

    public int port()
    {
        return ((InetSocketAddress)listening.localAddress()).getPort();
    }

    /** Connections open now, as the event loop counts them. */
    public int openConnections()
    {
        return listening.eventLoop().submit(cap::open).syncUninterruptibly().getNow();
    }

    /** Stops accepting, closes every connection and stops the threads; the port is free when it returns. */
    @Override
    public void close()
    {
        listening.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        handlers.shutdownNow();
    }
}
