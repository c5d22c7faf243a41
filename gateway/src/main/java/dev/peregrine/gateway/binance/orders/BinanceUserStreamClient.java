package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.TextFrameDecoder;
import dev.peregrine.gateway.ws.WebSocketClient;
import dev.peregrine.gateway.ws.WebSocketFrameHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The user data stream of one listen key, {@code <stream base>/ws/<listenKey>}: each {@code executionReport} goes
 * to a consumer, normally {@link BinanceOrderAdapter#onExecutionReport}, which applies it on its own thread. The
 * listen key is opened and kept alive by the adapter over REST; this class only reads the stream (off the hot path,
 * so Jackson). Threads: one Netty event loop ({@code peregrine-binance-user}) owns the socket and calls the consumer.
 * Reconnection is left to the caller: {@link #isConnected()} and {@link #expired()} say when to make a new one.
 */
public final class BinanceUserStreamClient implements AutoCloseable
{
    /** A user data stream event is small; the limit only guards against a runaway frame. */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<ExecutionReport> consumer;
    private final WebSocketClient client;
    private volatile Channel channel;
    private volatile boolean expired;
    private volatile long malformedFrames;

    /** @param streamBase the stream host, e.g. {@code wss://stream.binance.com:9443}. */
    public BinanceUserStreamClient(final URI streamBase, final String listenKey, final Consumer<ExecutionReport> consumer,
        final Duration connectTimeout)
    {
        this.consumer = consumer;
        final String base = streamBase.toString().endsWith("/") ? streamBase.toString() : streamBase + "/";
        this.client = new WebSocketClient(URI.create(base + "ws/" + listenKey), "peregrine-binance-user", connectTimeout,
            MAX_MESSAGE_BYTES);
    }

    /** Connects; throws naming the URI on failure (the listen key's part of the path is Binance's, not a secret). */
    public void start()
    {
        final Frames frames = new Frames();
        final WebSocketFrameHandler handler = new WebSocketFrameHandler(frames, frames);
        client.start();
        final long startNanos = System.nanoTime();
        final ChannelFuture connect = client.connect(handler);
        channel = connect.channel();
        client.awaitOpen(connect, handler, startNanos, this::close);
    }

    public boolean isConnected()
    {
        final Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** Binance said {@code listenKeyExpired}: no more events come on this stream. */
    public boolean expired()
    {
        return expired;
    }

    public long malformedFrames()
    {
        return malformedFrames;
    }

    @Override
    public void close()
    {
        client.close(channel);
    }

    /** The connection's events and messages, on its event loop. */
    private final class Frames implements TextFrameDecoder, ConnectionListener
    {
        @Override
        public void onOpen(final Channel ch)
        {
            // Nothing to send: the listen key in the path is the subscription.
        }

        @Override
        public void onClosed()
        {
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
            final JsonNode event = json.has("event") ? json.get("event") : json;
            if ("listenKeyExpired".equals(BinanceAnswer.text(event, "e")))
            {
                expired = true;
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
