package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.SubscribedConnection;
import dev.peregrine.gateway.ws.TextFrameDecoder;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The user data stream as Binance serves it since listen keys were retired (2026-02-20): a WebSocket API connection
 * ({@code wss://ws-api.binance.com:443/ws-api/v3}) that sends {@code userDataStream.subscribe.signature} (the API key and
 * a timestamp, signed like a REST call over the parameters sorted by name) and then receives every account event as
 * {@code {"subscriptionId":n,"event":{...}}}. Each {@code executionReport} goes to a consumer, normally
 * {@link BinanceOrderAdapter#onExecutionReport}, which applies it on its own thread. Jackson, off the hot path.
 *
 * <p>Threads: one Netty event loop ({@code peregrine-binance-user}) owns the socket and calls the consumer.
 * Reconnection is left to the caller: {@link #isConnected()} and {@link #terminated()} say when to make a new one.
 */
public final class BinanceUserStreamClient implements AutoCloseable
{
    /** Binance's WebSocket API endpoint. */
    public static final URI DEFAULT_URI = URI.create("wss://ws-api.binance.com:443/ws-api/v3");
    /** The WebSocket API's path, appended to a URL that names only a host (the simulated Binance serves it beside its streams). */
    public static final String PATH = "/ws-api/v3";
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Read at each subscribe: a resubscription after a rotation signs with the new key. */
    private final Supplier<BinanceCredentials> credentials;
    private final LongSupplier epochMillis;
    private final Consumer<ExecutionReport> consumer;
    private final SubscribedConnection connection;
    private volatile boolean terminated;
    private volatile long malformedFrames;

    /** @param uri the WebSocket API, or a host only (then {@value #PATH} on it). */
    public BinanceUserStreamClient(final URI uri, final BinanceCredentials credentials, final LongSupplier epochMillis,
        final Consumer<ExecutionReport> consumer, final Duration connectTimeout)
    {
        this(uri, (Supplier<BinanceCredentials>)() -> credentials, epochMillis, consumer, connectTimeout);
    }

    /** A client whose key can change while it runs ({@code KeyFileWatch}). */
    public BinanceUserStreamClient(final URI uri, final Supplier<BinanceCredentials> credentials, final LongSupplier epochMillis,
        final Consumer<ExecutionReport> consumer, final Duration connectTimeout)
    {
        this.credentials = credentials;
        this.epochMillis = epochMillis;
        this.consumer = consumer;
        this.connection = new SubscribedConnection(webSocketApi(uri), "peregrine-binance-user", connectTimeout, MAX_MESSAGE_BYTES);
    }

    /** {@code uri} itself when it has a path, else {@value #PATH} on its host. */
    public static URI webSocketApi(final URI uri)
    {
        final String path = uri.getPath();
        return path == null || path.isEmpty() || "/".equals(path) ? uri.resolve(PATH) : uri;
    }

    /** Connects and subscribes; throws naming the URI and Binance's answer on failure. */
    public void start()
    {
        connection.start(new Frames(), "the user data stream");
    }

    /** The subscribe request: parameters sorted by name, signed as a REST call's query. */
    String subscribeRequest()
    {
        final BinanceCredentials credentials = this.credentials.get();
        final String payload = "apiKey=" + credentials.apiKey() + "&timestamp=" + epochMillis.getAsLong();
        final com.fasterxml.jackson.databind.node.ObjectNode request = JSON.createObjectNode()
            .put("id", "peregrine-user-data").put("method", "userDataStream.subscribe.signature");
        final com.fasterxml.jackson.databind.node.ObjectNode params = request.putObject("params");
        for (final String pair : payload.split("&"))
        {
            final int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        params.put("timestamp", Long.parseLong(params.get("timestamp").asText()));
        params.put("signature", credentials.sign(payload));
        return request.toString();
    }

    public boolean isConnected()
    {
        return connection.isConnected();
    }

    /** Binance ended the subscription ({@code eventStreamTerminated}): no more events come on this connection. */
    public boolean terminated()
    {
        return terminated;
    }

    public long malformedFrames()
    {
        return malformedFrames;
    }

    @Override
    public void close()
    {
        connection.close();
    }

    /** The connection's events and messages, on its event loop. */
    private final class Frames implements TextFrameDecoder, ConnectionListener
    {
        @Override
        public void onOpen(final Channel ch)
        {
            ch.writeAndFlush(new TextWebSocketFrame(subscribeRequest()));
        }

        @Override
        public void onClosed()
        {
            connection.closed();
        }

        @Override
        public void onBinaryFrame()
        {
            malformedFrames++;
        }

        @Override
        public void onOversizedFrame()
        {
            malformedFrames++;
        }

        @Override
        public void decode(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
            final long receiveNanoTime)
        {
            final JsonNode json;
            try
            {
                json = JSON.readTree(new String(buffer, offset, length, StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                malformedFrames++;
                return;
            }
            if (json == null || !json.isObject())
            {
                malformedFrames++;
                return;
            }
            if (json.has("status") && json.has("id"))
            {
                if (json.path("status").asInt() == 200)
                {
                    connection.confirmed();
                }
                else
                {
                    connection.refused("Binance refused the subscription: " +
                        json.path("error").path("code").asInt() + " " + json.path("error").path("msg").asText());
                }
                return;
            }
            final JsonNode event = json.has("event") ? json.get("event") : json;
            if ("eventStreamTerminated".equals(BinanceAnswer.text(event, "e")))
            {
                terminated = true;
                return;
            }
            final ExecutionReport report = ExecutionReport.of(json);
            if (report != null)
            {
                consumer.accept(report);
            }
        }
    }
}
