package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.binance.BinanceProducts;
import dev.peregrine.gateway.ws.WebSocketServer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local Binance spot venue on 127.0.0.1, one port for both protocols, as the venue documents them: market streams
 * raw ({@code /ws/<stream>}) or combined ({@code /stream?streams=a/b/c}) with live subscriptions and the connection
 * limits ({@link BinanceSimHandler}), and the REST market endpoints ({@link BinanceMarketRest}: {@code exchangeInfo},
 * {@code depth}, {@code trades}, {@code klines}, tickers, {@code time}, {@code ping}) under the request weight limit.
 * Everything else on the port goes to the trading API plugged in with {@link #withTradingApi} (its REST calls, its
 * user data streams at {@code /ws/<listenKey>}), which hears of every trade and book change.
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
    private BinanceApiExtension extension;
    private String bindAddress = "127.0.0.1";
    private BinanceStreamLimits streamLimits = BinanceStreamLimits.DOCUMENTED;
    private int requestWeightLimit = BinanceExchangeInfo.REQUEST_WEIGHT_PER_MINUTE;
    private final LongSupplier epochMillis = System::currentTimeMillis;
    private BinanceMarketTape tape;
    private BinanceStreamPublisher publisher;
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
     * An exchange serving another market that speaks Binance's stream protocol (USD-M futures), on {@code port}
     * (0: ephemeral); its own REST paths come through {@link #withTradingApi}.
     */
    public static BinanceSimulatedExchange serving(final BinanceMarketSource market, final int port)
    {
        return new BinanceSimulatedExchange(market, port);
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

    /** Plugs in the trading API (REST calls the market side does not serve, user data streams); before {@link #start()}. */
    public BinanceSimulatedExchange withTradingApi(final BinanceApiExtension tradingApi)
    {
        checkNotStarted();
        this.extension = tradingApi;
        return this;
    }

    /** Listens on {@code address} rather than loopback ({@code peregrine sim --bind}); before {@link #start()}. */
    public BinanceSimulatedExchange withBindAddress(final String address)
    {
        checkNotStarted();
        this.bindAddress = address;
        return this;
    }

    /** Tests: shorter stream limits than the documented ones. */
    BinanceSimulatedExchange withStreamLimits(final BinanceStreamLimits limits)
    {
        checkNotStarted();
        this.streamLimits = limits;
        return this;
    }

    /** Tests: a smaller request weight limit per IP and minute. */
    BinanceSimulatedExchange withRequestWeightLimit(final int limit)
    {
        checkNotStarted();
        this.requestWeightLimit = limit;
        return this;
    }

    private void checkNotStarted()
    {
        if (started.get())
        {
            throw new IllegalStateException("configure the simulated exchange before start()");
        }
    }

    /** Binds the port and starts the market. */
    public BinanceSimulatedExchange start()
    {
        if (closed.get() || !started.compareAndSet(false, true))
        {
            throw new IllegalStateException("simulated exchange can be started once, and not after close()");
        }
        final List<String> symbols = market.symbols();
        tape = new BinanceMarketTape(symbols);
        final BinanceStreamPublisher publisher = new BinanceStreamPublisher(tape, extension, epochMillis);
        this.publisher = publisher;
        final List<BinanceSymbolRules> rules = new ArrayList<>();
        for (final String symbol : symbols)
        {
            if (BinanceProducts.CATALOG.find(symbol) != null)
            {
                rules.add(BinanceSymbolRules.of(BinanceProducts.CATALOG.find(symbol)));
            }
        }
        final BinanceRestRouter router = new BinanceRestRouter(
            new BinanceMarketRest(new BinanceExchangeInfo(rules), market, tape, epochMillis), extension,
            new RequestWeightLimit(requestWeightLimit, epochMillis));
        final ConnectionAttemptLimit attempts = new ConnectionAttemptLimit(streamLimits.connectionsPerWindow(),
            streamLimits.connectionWindow().toNanos());
        // Every path may upgrade (/ws/<stream>, /stream?streams=); a request without an upgrade is REST, answered
        // before the handshake handler; pongs reach the session handler for the pong deadline.
        final WebSocketServerProtocolConfig upgrades = WebSocketServerProtocolConfig.newBuilder().websocketPath("/")
            .checkStartsWith(true).maxFramePayloadLength(64 * 1024).dropPongFrames(false)
            .forceCloseTimeoutMillis(1_000).build();
        server = new WebSocketServer("Binance simulated exchange", "peregrine-binance-sim", upgrades, 64 * 1024, pipeline ->
        {
            // Right after the aggregator: before the handshake handler the protocol handler put in front of itself.
            pipeline.addAfter(pipeline.context(HttpObjectAggregator.class).name(), "binance-rest",
                new BinanceRestHandler(router::route));
            pipeline.addLast(new BinanceSimHandler(market, publisher, extension, streamLimits, attempts));
        });
        loop = server.start();
        try
        {
            port = server.bind(bindAddress, requestedPort);
        }
        catch (final IllegalStateException ex)
        {
            close();
            throw ex;
        }
        loop.submit(() -> market.start(loop, publisher)).syncUninterruptibly();
        final long ping = streamLimits.pingInterval().toNanos();
        loop.scheduleAtFixedRate(() -> pingAll(publisher), ping, ping, TimeUnit.NANOSECONDS);
        loop.scheduleAtFixedRate(publisher::everySecond, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** A ping frame to every connection; one whose last pong is older than the deadline is closed instead. */
    private void pingAll(final BinanceStreamPublisher publisher)
    {
        final long now = System.nanoTime();
        for (final BinanceSimSession session : new ArrayList<>(publisher.sessions()))
        {
            if (now - session.lastPongNanos > streamLimits.pongTimeout().toNanos())
            {
                session.close();
            }
            else
            {
                session.channel.writeAndFlush(new PingWebSocketFrame());
            }
        }
    }

    /** Tests: runs {@code task} on the exchange's event loop, where the trading API's sinks are written, and waits for it. */
    void onLoop(final Runnable task)
    {
        loop.submit(task).syncUninterruptibly();
    }

    /** The market as the REST endpoints and the trading API see it; null before {@link #start()}. */
    public BinanceMarketView market()
    {
        return tape;
    }

    public int port()
    {
        if (port < 0)
        {
            throw new IllegalStateException("Binance simulated exchange is not started");
        }
        return port;
    }

    /** The WebSocket base: {@code ws://127.0.0.1:<port>} (the client appends {@code /ws/<stream>} or {@code /stream?streams=}). */
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

    /**
     * Tells every market-stream client {@code serverShutdown}, as the venue does before it goes down, then closes every
     * connection and the port and stops the threads. Idempotent.
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        if (publisher != null && loop != null && loop.inEventLoop())
        {
            publisher.serverShutdown();
        }
        else if (publisher != null && loop != null && !loop.isShuttingDown())
        {
            loop.submit(publisher::serverShutdown).awaitUninterruptibly(1_000);
        }
        market.close();
        if (server != null)
        {
            server.close();
        }
    }
}
