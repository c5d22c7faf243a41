package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.capture.CaptureFormatException;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import dev.peregrine.gateway.sim.fault.FaultInjector;
import dev.peregrine.gateway.sim.fault.FaultTarget;
import dev.peregrine.gateway.sim.fault.SessionControl;
import dev.peregrine.gateway.ws.WebSocketServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A local exchange that speaks the Coinbase Advanced Trade market-data WebSocket protocol as the real
 * capture shows it: {@code heartbeats}, {@code ticker}, {@code market_trades} and {@code level2} (on channel
 * {@code l2_data}, a {@value SimulatedProduct#BOOK_DEPTH}-level book per side), a snapshot on each
 * subscribe followed by a {@code subscriptions} confirmation, then updates, with one
 * {@code sequence_num} counter per connection. Prices follow a seeded random walk per product
 * ({@link SimulatedProduct}), one trade and one ticker per product per tick. Or, built with
 * {@link #replaying}, it serves a recorded capture instead, and {@link #finished()} says when it ends.
 *
 * <p>Threads: one acceptor thread and one event loop thread; every session, the market model and the
 * timers run on that one loop, so the simulator needs no locks. Public methods may be called from any
 * thread.
 */
public final class SimulatedExchange implements AutoCloseable
{
    private final SimulatedExchangeConfig config;
    private final SimulatedMarket venue;
    private final CompletableFuture<Void> finished;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SentFrameCounter sentFrames = new SentFrameCounter();
    private volatile int port = -1;
    private WebSocketServer server;
    private EventLoop loop;

    /** @throws IllegalArgumentException if a product is in no registered venue's catalog. */
    public SimulatedExchange(final SimulatedExchangeConfig config)
    {
        this.config = config;
        this.venue = new SimulatedVenue(config.products(), config.seed(), periodNanos(config), config.moveBasisPoints());
        this.finished = new CompletableFuture<>();
    }

    private SimulatedExchange(final SimulatedExchangeConfig config, final Path captureFile, final double speed)
    {
        this.config = config;
        this.finished = new CompletableFuture<>();
        this.venue = new CoinbaseCaptureReplay(captureFile, speed, finished);
    }

    /**
     * An exchange that replays a recorded Coinbase Advanced Trade capture (cryptofeed JSON lines, gzip
     * or plain) instead of generating a market: every received frame of the recording, verbatim and in
     * order, to each client that has subscribed, starting at the first subscribe. The products are those
     * of the capture ({@link CoinbaseCaptureReader#products}); loopback, ephemeral port.
     *
     * @param speed 1 for the recorded pace, 10 for ten times faster, {@link Double#POSITIVE_INFINITY}
     *              for as fast as the client reads.
     * @throws dev.peregrine.gateway.capture.CaptureFormatException if the file is missing or not a Coinbase capture.
     * @throws IllegalArgumentException if {@code speed} is not positive.
     */
    public static SimulatedExchange replaying(final Path captureFile, final double speed)
    {
        return replaying(captureFile, speed, SimulatedExchangeConfig.DEFAULT_HOST, 0);
    }

    /** {@link #replaying(Path, double)} on the given address and port (0: an ephemeral one). */
    public static SimulatedExchange replaying(final Path captureFile, final double speed, final String host, final int port)
    {
        if (!(speed > 0))
        {
            throw new IllegalArgumentException("replay speed must be > 0 (Double.POSITIVE_INFINITY: as fast as possible), was " + speed);
        }
        final List<String> products = CoinbaseCaptureReader.products(captureFile);
        if (products.isEmpty())
        {
            throw new CaptureFormatException(captureFile + " names no product (no subscribe request, header or ticker)");
        }
        return new SimulatedExchange(SimulatedExchangeConfig.forProducts(products).withHost(host).withPort(port), captureFile, speed);
    }

    /**
     * Completes when the market ends: for a replay, once the last recorded frame has been written to the
     * subscribed clients' sockets (exceptionally if the file turns out unreadable, or on {@link #close()}
     * before the end); for a generated market, on {@link #close()}. A copy: completing it changes nothing.
     */
    public CompletableFuture<Void> finished()
    {
        return finished.copy();
    }

    /** Recorded frames sent so far (0 for a generated market). Any thread. */
    public long framesReplayed()
    {
        return venue instanceof CoinbaseCaptureReplay replay ? replay.framesSent() : 0;
    }

    /** Binds the port and starts the market. */
    public void start()
    {
        if (closed.get() || !started.compareAndSet(false, true))
        {
            throw new IllegalStateException("simulated exchange can be started once, and not after close()");
        }
        server = new WebSocketServer("simulated exchange", "peregrine-sim", WebSocketServer.underPath("/", 64 * 1024),
            64 * 1024, pipeline ->
            {
                pipeline.addLast(new SimulatedSessionHandler(venue));
                pipeline.addLast(sentFrames);
            });
        loop = server.start();
        try
        {
            port = server.bind(config.host(), config.port());
        }
        catch (final IllegalStateException ex)
        {
            close();
            throw ex;
        }
        venue.start(loop);
    }

    /** The bound port (the ephemeral one if the config said 0); valid after {@link #start()}. */
    public int port()
    {
        if (port < 0)
        {
            throw new IllegalStateException("simulated exchange is not started");
        }
        return port;
    }

    public URI uri()
    {
        return URI.create("ws://" + config.host() + ":" + port() + "/");
    }

    /** WebSocket frames written to clients so far, every session together (control frames not counted). Any thread. */
    public long framesSent()
    {
        return sentFrames.frames();
    }

    /**
     * The last trade price of each generated product, as scaled longs in the configured
     * product order; empty for a replayed capture (its prices are the recording's) and once closed. Any thread:
     * it is read on the simulator's event loop.
     */
    public java.util.Map<String, Long> lastTradePrices()
    {
        if (!(venue instanceof SimulatedVenue generated) || loop == null || closed.get())
        {
            return java.util.Map.of();
        }
        return loop.submit(generated::lastTradePrices).syncUninterruptibly().getNow();
    }

    /**
     * Each generated product now (book up to {@code depth} levels a side, recent trades, day's range) in the
     * configured product order; empty for a replayed capture and once closed. Any thread: it is read on the
     * simulator's event loop.
     */
    public java.util.Map<String, MarketSnapshot> snapshots(final int depth)
    {
        if (!(venue instanceof SimulatedVenue generated) || loop == null || closed.get())
        {
            return java.util.Map.of();
        }
        return loop.submit(() -> generated.snapshots(depth)).syncUninterruptibly().getNow();
    }

    public SimulatedExchangeConfig config()
    {
        return config;
    }

    /** Connections that completed the WebSocket handshake and are still open. */
    public int sessionCount()
    {
        return venue.sessionCount();
    }

    /** Test hook: sends {@code text} as is, as one text frame, to every session; returns how many. */
    public int injectTextFrame(final String text)
    {
        return inject(session -> new TextWebSocketFrame(text));
    }

    /**
     * Latency-bench hook: sends {@code events} (the JSON of one event, e.g. a {@code market_trades} update) as the
     * next frame of {@code channel}'s sequence to every session subscribed to {@code subscription} for
     * {@code productId}, and returns {@link System#nanoTime()} read on the event loop just before the first write
     * (the frame's time on the wire, as near as user space can see it), or 0 when no session is subscribed. Blocks
     * until written. {@code subscription} is the name clients subscribe with ({@code market_trades}, {@code ticker}),
     * {@code channel} the one the envelope names.
     */
    public long sendStamped(final String subscription, final String channel, final String productId, final String events)
    {
        if (loop == null || closed.get())
        {
            throw new IllegalStateException("simulated exchange is not running");
        }
        return loop.submit(() ->
        {
            long stamp = 0;
            for (final SimulatedSession session : venue.sessions())
            {
                if (session.isSubscribed(subscription, productId))
                {
                    final long now = System.nanoTime();
                    stamp = stamp == 0 ? now : stamp;
                    session.send(channel, System.currentTimeMillis() * 1_000_000L, events);
                }
            }
            return stamp;
        }).syncUninterruptibly().getNow();
    }

    /** Test hook: sends {@code bytes} as one binary frame to every session; returns how many. */
    public int injectBinaryFrame(final byte[] bytes)
    {
        return inject(session -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes.clone())));
    }

    private int inject(final Function<SimulatedSession, Object> frame)
    {
        if (loop == null || closed.get())
        {
            throw new IllegalStateException("simulated exchange is not running");
        }
        return loop.submit(() ->
        {
            final List<SimulatedSession> sessions = venue.sessions();
            for (final SimulatedSession session : sessions)
            {
                session.channel().writeAndFlush(frame.apply(session));
            }
            return sessions.size();
        }).syncUninterruptibly().getNow();
    }

    /** Fault injection for tests: disconnect, stall, sequence gaps, garbage and oversized frames. */
    public FaultInjector faults()
    {
        return new FaultInjector(new FaultTarget()
        {
            @Override
            public int onSessions(final java.util.function.Consumer<List<? extends SessionControl>> action)
            {
                if (loop == null || closed.get())
                {
                    throw new IllegalStateException("simulated exchange is not running");
                }
                return loop.submit(() ->
                {
                    final List<SimulatedSession> sessions = List.copyOf(venue.sessions());
                    action.accept(sessions);
                    return sessions.size();
                }).syncUninterruptibly().getNow();
            }

            @Override
            public void pauseData(final long untilNanoTime, final boolean heartbeatsToo)
            {
                if (!(venue instanceof SimulatedVenue generated))
                {
                    throw new IllegalStateException("stall is a fault of the generated market; a capture replays as recorded");
                }
                generated.pauseData(untilNanoTime, heartbeatsToo);
            }
        });
    }

    /** Closes every connection and the port, and stops the threads. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        venue.close();
        finished.complete(null); // a generated market ends here; a replay has already settled it
        if (server != null)
        {
            server.close();
        }
    }

    private static long periodNanos(final SimulatedExchangeConfig config)
    {
        return Math.max(10_000L, (long)(1_000_000_000L / config.tradesPerSecond()));
    }
}
