package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.ws.WebSocketServer;
import io.netty.channel.EventLoop;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Binance spot venue on 127.0.0.1, one port for both protocols: the combined-stream WebSocket
 * {@code /stream?streams=a/b/c} and the REST depth snapshot {@code GET /api/v3/depth?symbol=&limit=}.
 * The market is either generated ({@link #generated}: seeded random walk, U/u-chained diffs, snapshots
 * consistent with them, a fault hook) or a recorded capture ({@link #replaying}).
 *
 * <p>Threads: one acceptor and one event loop; every connection, the market and its timers run on that
 * loop, so nothing is locked; a replayed capture is paced by an agent of its own ({@link BinanceCaptureReplay}).
 * Public methods may be called from any thread.
 */
public final class BinanceSimulatedExchange implements AutoCloseable
{
    private final BinanceMarketSource market;
    private final int requestedPort;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int port = -1;
    private WebSocketServer server;
    private EventLoop loop;

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
        return new BinanceSimulatedExchange(new BinanceCaptureReplay(BinanceCapture.load(captureFile), speed), port);
    }

    /** Binds the port and starts the market. */
    public BinanceSimulatedExchange start()
    {
        if (closed.get() || !started.compareAndSet(false, true))
        {
            throw new IllegalStateException("simulated exchange can be started once, and not after close()");
        }
        // The query string carries the subscription, hence a path prefix.
        server = new WebSocketServer("Binance simulated exchange", "peregrine-binance-sim",
            WebSocketServer.underPath("/stream", 64 * 1024), 64 * 1024, pipeline -> pipeline.addLast(new BinanceSimHandler(market)));
        loop = server.start();
        try
        {
            port = server.bind("127.0.0.1", requestedPort);
        }
        catch (final IllegalStateException ex)
        {
            close();
            throw ex;
        }
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
        return market instanceof BinanceCaptureReplay ? ((BinanceCaptureReplay)market).finishedSessions() : 0;
    }

    /** Replay only: frames written so far, all clients together. */
    public long replayedFrames()
    {
        return market instanceof BinanceCaptureReplay ? ((BinanceCaptureReplay)market).framesSent() : 0;
    }

    /** Closes every connection and the port, and stops the threads. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        market.close();
        if (server != null)
        {
            server.close();
        }
    }
}
