package dev.peregrine.gateway.sim.binance;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
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
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Binance spot venue on 127.0.0.1, one port for both protocols: the combined-stream WebSocket
 * {@code /stream?streams=a/b/c} and the REST depth snapshot {@code GET /api/v3/depth?symbol=&limit=}.
 * The market is either generated ({@link #generated}: seeded random walk, U/u-chained diffs, snapshots
 * consistent with them, a fault hook) or a recorded capture ({@link #replaying}).
 *
 * <p>Threads: one acceptor and one event loop; every connection, the market and its timers run on that
 * loop, so nothing is locked. Public methods may be called from any thread.
 */
public final class BinanceSimulatedExchange implements AutoCloseable
{
    private final BinanceMarketSource market;
    private final int requestedPort;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port = -1;
    private EventLoopGroup acceptor;
    private EventLoopGroup worker;
    private EventLoop loop;
    private Channel serverChannel;

    private BinanceSimulatedExchange(final BinanceMarketSource market, final int port)
    {
        this.market = market;
        this.requestedPort = port;
    }

    /** A generated market for catalog symbols such as {@code BTCUSDT}, on an ephemeral port. */
    public static BinanceSimulatedExchange generated(final List<String> symbols, final long seed)
    {
        return generated(symbols, seed, 0);
    }

    public static BinanceSimulatedExchange generated(final List<String> symbols, final long seed, final int port)
    {
        return new BinanceSimulatedExchange(new GeneratedBinanceMarket(symbols, seed), port);
    }

    /**
     * Replays a capture ({@code <epoch nanos> <json>} lines, gzip or plain) to every client from its
     * start, at {@code speed} times the recorded pace, or as fast as possible when {@code speed} is 0.
     */
    public static BinanceSimulatedExchange replaying(final Path captureFile, final double speed)
    {
        return replaying(captureFile, speed, 0);
    }

    public static BinanceSimulatedExchange replaying(final Path captureFile, final double speed, final int port)
    {
        return new BinanceSimulatedExchange(new CaptureReplay(BinanceCapture.load(captureFile), speed), port);
    }

    /** Binds the port and starts the market. */
    public BinanceSimulatedExchange start()
    {
        if (closed.get() || !started.compareAndSet(false, true))
        {
            throw new IllegalStateException("simulated exchange can be started once, and not after close()");
        }
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-binance-sim-accept"),
            NioIoHandler.newFactory());
        worker = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-binance-sim"),
            NioIoHandler.newFactory());
        loop = worker.next();
        final WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/stream")
            .checkStartsWith(true) // the query string carries the subscription
            .maxFramePayloadLength(64 * 1024)
            .build();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(acceptor, worker)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(64 * 1024));
                    ch.pipeline().addLast(new WebSocketServerProtocolHandler(wsConfig));
                    ch.pipeline().addLast(new BinanceSimHandler(market));
                }
            });
        try
        {
            serverChannel = bootstrap.bind("127.0.0.1", requestedPort).syncUninterruptibly().channel();
        }
        catch (final RuntimeException ex)
        {
            close();
            throw new IllegalStateException("Binance simulated exchange cannot bind 127.0.0.1:" + requestedPort, ex);
        }
        port = ((InetSocketAddress)serverChannel.localAddress()).getPort();
        loop.submit(() -> market.start(loop)).syncUninterruptibly();
        return this;
    }

    public int port()
    {
        if (port < 0)
        {
            throw new IllegalStateException("Binance simulated exchange is not started");
        }
        return port;
    }

    /** The WebSocket base: {@code ws://127.0.0.1:<port>} (the client appends {@code /stream?streams=}). */
    public URI streamBase()
    {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /** The REST base: {@code http://127.0.0.1:<port>}. */
    public URI restBase()
    {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Fault hook (generated market only): the next depth diff is not sent, so the U/u chain breaks. */
    public void dropNextDepthDiff()
    {
        loop.submit(market::dropNextDepthDiff).syncUninterruptibly();
    }

    /** Replay only: clients whose replay reached the end of the capture. */
    public int finishedReplays()
    {
        return market instanceof CaptureReplay ? ((CaptureReplay)market).finishedSessions() : 0;
    }

    /** Replay only: frames written so far, all clients together. */
    public long replayedFrames()
    {
        return market instanceof CaptureReplay ? ((CaptureReplay)market).framesSent() : 0;
    }

    /** Closes every connection and the port, and stops the threads. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
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
