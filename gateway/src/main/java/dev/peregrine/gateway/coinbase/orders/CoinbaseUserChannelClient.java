package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.TextFrameDecoder;
import dev.peregrine.gateway.ws.WebSocketClient;
import dev.peregrine.gateway.ws.WebSocketFrameHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The authenticated {@code user} channel: order updates for every order of the key's portfolio. It
 * subscribes with a fresh JWT (no {@code uri} claim) and hands each {@code orders[]} entry of a
 * {@code snapshot} or {@code update} to a consumer, normally {@link CoinbaseOrderAdapter#onUserUpdate},
 * which turns cumulative quantities into fills on its own thread.
 *
 * <p>The connection is the one every venue uses ({@link WebSocketClient} with a {@link WebSocketFrameHandler}):
 * this class only subscribes and reads the channel's JSON (off the hot path, so Jackson).
 *
 * <p>Threads: one Netty event loop ({@code peregrine-coinbase-user}) owns the socket and calls the
 * consumer. Reconnection (and reconciling through the fresh snapshot it brings) is left to the caller:
 * {@link #isConnected()} says when to make a new client.
 */
public final class CoinbaseUserChannelClient implements AutoCloseable
{
    public static final URI DEFAULT_URI = URI.create("wss://advanced-trade-ws-user.coinbase.com");

    /** The largest user-channel message: a snapshot of a portfolio's open orders can be long. */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final CoinbaseJwtSigner signer;
    private final Consumer<UserOrderUpdate> consumer;
    private final Duration connectTimeout;
    private final WebSocketClient client;
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile long malformedFrames;
    private volatile long sequenceGaps;

    public CoinbaseUserChannelClient(
        final URI uri, final CoinbaseJwtSigner signer, final Consumer<UserOrderUpdate> consumer, final Duration connectTimeout)
    {
        this.signer = signer;
        this.consumer = consumer;
        this.connectTimeout = connectTimeout;
        this.client = new WebSocketClient(uri, "peregrine-coinbase-user", connectTimeout, MAX_MESSAGE_BYTES);
    }

    /** Connects, subscribes to {@code user} and {@code heartbeats}; throws naming the URI on failure. */
    public void start()
    {
        final Frames frames = new Frames();
        final WebSocketFrameHandler handler = new WebSocketFrameHandler(frames, frames);
        client.start();
        final long startNanos = System.nanoTime();
        final ChannelFuture connect = client.connect(handler);
        channel = connect.channel();
        client.awaitOpen(connect, handler, startNanos, this::close);
        try
        {
            subscribed.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException | ExecutionException | TimeoutException ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            close();
            final Throwable cause = ex instanceof ExecutionException ? ex.getCause() : null;
            throw new IllegalStateException("cannot subscribe to the user channel at " + client.uri() + " within " +
                connectTimeout.toMillis() + " ms" + (cause != null ? " (" + cause.getMessage() + ")" : ""), cause);
        }
    }

    public boolean isConnected()
    {
        final Channel ch = channel;
        return ch != null && ch.isActive();
    }

    public long malformedFrames()
    {
        return malformedFrames;
    }

    public long sequenceGaps()
    {
        return sequenceGaps;
    }

    @Override
    public void close()
    {
        client.close(channel);
    }

    /** The connection's events and messages, on its event loop. */
    private final class Frames implements TextFrameDecoder, ConnectionListener
    {
        private long expectedSequence = -1;

        @Override
        public void onOpen(final Channel ch)
        {
            ch.write(new TextWebSocketFrame(subscribe("user")));
            ch.writeAndFlush(new TextWebSocketFrame(subscribe("heartbeats")));
        }

        private String subscribe(final String channelName)
        {
            // A fresh JWT for every subscribe, as Coinbase asks.
            return CoinbaseJson.write(CoinbaseJson.newObject().put("type", "subscribe").put("channel", channelName)
                .put("jwt", signer.forWebSocket()));
        }

        @Override
        public void onClosed()
        {
            subscribed.completeExceptionally(
                new IllegalStateException("connection closed before the subscription was confirmed"));
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
                json = CoinbaseJson.parseObject(new String(buffer, offset, length, StandardCharsets.UTF_8));
            }
            catch (final IllegalArgumentException ex)
            {
                malformedFrames++;
                return;
            }
            countGap(CoinbaseJson.text(json, "sequence_num"));
            final String channelName = CoinbaseJson.text(json, "channel");
            if ("subscriptions".equals(channelName))
            {
                subscribed.complete(null);
                return;
            }
            if ("error".equals(CoinbaseJson.text(json, "type")))
            {
                subscribed.completeExceptionally(new IllegalStateException("venue refused the subscription: " +
                    CoinbaseJson.text(json, "message")));
                return;
            }
            if ("user".equals(channelName))
            {
                deliver(json);
            }
        }

        private void countGap(final String sequence)
        {
            if (sequence != null)
            {
                final long s = Long.parseLong(sequence);
                if (expectedSequence >= 0 && s != expectedSequence)
                {
                    sequenceGaps++;
                }
                expectedSequence = s + 1;
            }
        }

        private void deliver(final JsonNode json)
        {
            for (final JsonNode event : CoinbaseJson.array(json, "events"))
            {
                if (event.isObject())
                {
                    final boolean snapshot = "snapshot".equals(CoinbaseJson.text(event, "type"));
                    for (final JsonNode order : CoinbaseJson.array(event, "orders"))
                    {
                        if (order.isObject())
                        {
                            consumer.accept(toUpdate(order, snapshot));
                        }
                    }
                }
            }
        }
    }

    static UserOrderUpdate toUpdate(final JsonNode o, final boolean snapshot)
    {
        return new UserOrderUpdate(
            CoinbaseJson.text(o, "order_id"), CoinbaseJson.text(o, "client_order_id"), CoinbaseJson.text(o, "product_id"),
            CoinbaseJson.text(o, "order_side"), CoinbaseJson.text(o, "order_type"), CoinbaseJson.text(o, "status"),
            CoinbaseJson.text(o, "cumulative_quantity"), CoinbaseJson.text(o, "leaves_quantity"), CoinbaseJson.text(o, "avg_price"),
            CoinbaseJson.text(o, "filled_value"), CoinbaseJson.text(o, "total_fees"), CoinbaseJson.text(o, "number_of_fills"),
            CoinbaseJson.text(o, "cancel_reason"), CoinbaseJson.text(o, "reject_reason"), snapshot);
    }
}
