package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.BinanceMarketDataDecoder.SnapshotRequests;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.WebSocketClient;
import dev.peregrine.gateway.ws.WebSocketFrameHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One Binance spot market-data connection: the combined-stream WebSocket
 * {@code <wsBase>/stream?streams=<sym>@trade/<sym>@bookTicker/<sym>@depth@100ms} (lower-case symbols,
 * {@code ws://} or {@code wss://}), plus the REST depth snapshots
 * {@code GET <restBase>/api/v3/depth?symbol=<SYM>&limit=<n>} the book sync asks for.
 *
 * <p>The connection is a {@link WebSocketClient}, as for every venue. Threads: one Netty event loop owns the socket, runs the decoder and the book syncs, and is the
 * only ring producer. Snapshots are fetched with the JDK {@link HttpClient} on its own threads, off the
 * event loop; the body is handed back with {@code eventLoop().execute(...)}, so every ring publish
 * still happens on the one producer thread, in the order the loop processes frames and snapshots.
 * A failed fetch is retried after {@link #SNAPSHOT_RETRY}. Pings are answered by Netty.
 *
 * <p>Reconnection is left to a later layer, as for Coinbase.
 */
public final class BinanceMarketDataClient implements AutoCloseable
{
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration SNAPSHOT_RETRY = Duration.ofSeconds(1);
    /** Binance's deepest snapshot; the book then starts with 5000 levels a side. */
    public static final int SNAPSHOT_LIMIT = 5000;

    /**
     * What differs between the Binance markets that share this protocol: the streams of a symbol, the REST depth
     * snapshot's path and depth, the event loop's name and the decoder.
     *
     * @param streams      the combined-stream names of one symbol ({@code btcusdt@trade}, ...).
     * @param snapshotPath {@code /api/v3/depth} (spot), {@code /fapi/v1/depth} (USD-M).
     * @param decoders     the decoder of one connection.
     */
    public record Protocol(Function<String, List<String>> streams, String snapshotPath, int snapshotLimit,
                           String threadName, Decoders decoders)
    {
    }

    /** Builds the decoder of one connection, given the client's parts and where to ask for snapshots. */
    @FunctionalInterface
    public interface Decoders
    {
        DepthSnapshotDecoder create(InstrumentRegistry registry, RingBuffer<InboundEvent> ring, BinanceMetrics metrics,
            SnapshotRequests snapshotRequests);
    }

    private static final Protocol SPOT = new Protocol(BinanceMarketDataClient::spotStreams, "/api/v3/depth", SNAPSHOT_LIMIT,
        "peregrine-binance-md", BinanceMarketDataDecoder::new);

    private final URI streamUri;
    private final URI restBase;
    private final InstrumentRegistry registry;
    private final RingBuffer<InboundEvent> ring;
    private final BinanceMetrics metrics;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpClient http;
    private final Protocol protocol;

    private volatile WebSocketClient connection;
    private volatile Channel channel;
    private volatile WebSocketFrameHandler frameHandler;
    private DepthSnapshotDecoder decoder;

    /**
     * @param wsBase   {@code wss://stream.binance.com:9443} or the simulator's {@code ws://127.0.0.1:port}.
     * @param restBase the REST API base, e.g. the simulator's {@code http://127.0.0.1:port}.
     * @param symbols  catalog symbols such as {@code BTCUSDT}, registered in {@code registry}.
     */
    public BinanceMarketDataClient(
        final URI wsBase,
        final URI restBase,
        final List<String> symbols,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics)
    {
        this(wsBase, restBase, symbols, registry, ring, metrics, SPOT);
    }

    /**
     * A connection to a Binance market that speaks spot's stream protocol with other streams, snapshot path and
     * decoder (USD-M futures).
     */
    public BinanceMarketDataClient(
        final URI wsBase,
        final URI restBase,
        final List<String> symbols,
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics,
        final Protocol protocol)
    {
        if (!WebSocketClient.isWebSocketUri(wsBase))
        {
            throw new IllegalArgumentException("Binance stream base must be ws://host[:port] or wss://..., was " + wsBase);
        }
        if (restBase == null || restBase.getHost() == null ||
            !("http".equalsIgnoreCase(restBase.getScheme()) || "https".equalsIgnoreCase(restBase.getScheme())))
        {
            throw new IllegalArgumentException("Binance REST base must be http(s)://host[:port], was " + restBase);
        }
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("at least one symbol is required");
        }
        final List<String> streams = new ArrayList<>();
        for (final String symbol : symbols)
        {
            if (registry.idOf(symbol) < 0)
            {
                throw new IllegalArgumentException("symbol '" + symbol + "' is not registered in the InstrumentRegistry " +
                    registry.symbols() + ": register it (e.g. a venue catalog's registryFor) before connecting");
            }
            streams.addAll(protocol.streams().apply(symbol));
        }
        this.streamUri = URI.create(stripSlash(wsBase.toString()) + "/stream?streams=" + String.join("/", streams));
        this.restBase = URI.create(stripSlash(restBase.toString()));
        this.registry = registry;
        this.ring = ring;
        this.metrics = metrics;
        this.protocol = protocol;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The combined-stream URI this client connects to. */
    public URI streamUri()
    {
        return streamUri;
    }

    /** The REST snapshot URI for {@code symbol}. */
    public URI snapshotUri(final String symbol)
    {
        return URI.create(restBase + protocol.snapshotPath() + "?symbol=" + symbol.toUpperCase(Locale.ROOT) + "&limit=" +
            protocol.snapshotLimit());
    }

    /** The decoder, for its book syncs' state (read it on the event loop, or for tests after close). */
    public DepthSnapshotDecoder decoder()
    {
        return decoder;
    }

    private static List<String> spotStreams(final String symbol)
    {
        final List<String> streams = new ArrayList<>();
        for (final BinanceStream stream : BinanceStream.values())
        {
            streams.add(stream.streamName(symbol));
        }
        return streams;
    }

    /**
     * Connects and completes the WebSocket handshake within the connect timeout.
     *
     * @throws IllegalStateException naming the URI if that does not succeed in time.
     */
    public void start()
    {
        if (closed.get())
        {
            throw new IllegalStateException("client for " + streamUri + " is closed; create a new one");
        }
        if (!started.compareAndSet(false, true))
        {
            throw new IllegalStateException("client for " + streamUri + " is already started");
        }
        decoder = protocol.decoders().create(registry, ring, metrics, this::requestSnapshot);
        final WebSocketFrameHandler handler = new WebSocketFrameHandler(decoder, new ConnectionEvents());
        frameHandler = handler;
        final WebSocketClient client = new WebSocketClient(streamUri, protocol.threadName(), CONNECT_TIMEOUT,
            BinanceMarketDataDecoder.DEFAULT_MAX_FRAME_BYTES);
        connection = client;
        client.start();
        final long startNanos = System.nanoTime();
        final ChannelFuture connect = client.connect(handler);
        channel = connect.channel();
        client.awaitOpen(connect, handler, startNanos, this::close);
    }

    /** True while the WebSocket is open. */
    public boolean isConnected()
    {
        final Channel ch = channel;
        final WebSocketFrameHandler handler = frameHandler;
        return ch != null && ch.isActive() && handler != null && handler.handshakeComplete();
    }

    /** Called by the decoder on the event loop: fetch off the loop, hand the body back to the loop. */
    private void requestSnapshot(final int instrumentId)
    {
        final Channel ch = channel;
        if (closed.get() || ch == null)
        {
            return;
        }
        final HttpRequest request = HttpRequest.newBuilder(snapshotUri(registry.get(instrumentId).symbol()))
            .timeout(CONNECT_TIMEOUT)
            .GET()
            .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) ->
        {
            if (closed.get() || ch.eventLoop().isShuttingDown())
            {
                return;
            }
            if (error != null || response.statusCode() != 200)
            {
                ch.eventLoop().schedule(() -> decoder.onSnapshotFailed(instrumentId),
                    SNAPSHOT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            final byte[] body = response.body();
            ch.eventLoop().execute(() ->
            {
                final long nanoTime = System.nanoTime();
                decoder.onDepthSnapshot(instrumentId, body, 0, body.length,
                    frameHandler.clock().epochNanosAt(nanoTime), nanoTime);
            });
        });
    }

    /** Sends a normal-closure frame, closes the socket and stops the event loop. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        final WebSocketClient client = connection;
        if (client != null)
        {
            client.close(channel);
        }
    }

    /**
     * The connection's open and close, counted. The subscription is in the URL ({@code /stream?streams=...}),
     * so there is nothing to send after the handshake; Netty answers Binance's pings (every 20 s, disconnect
     * after a minute without pong) with a pong carrying the same payload.
     */
    private final class ConnectionEvents implements ConnectionListener
    {
        @Override
        public void onOpen(final Channel ch)
        {
            metrics.onConnect();
        }

        @Override
        public void onClosed()
        {
            metrics.onDisconnect();
        }
    }

    private static String stripSlash(final String uri)
    {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
