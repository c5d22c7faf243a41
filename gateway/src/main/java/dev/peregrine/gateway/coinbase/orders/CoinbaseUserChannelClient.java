package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.ws.ConnectionListener;
import dev.peregrine.gateway.ws.SubscribedConnection;
import dev.peregrine.gateway.ws.TextFrameDecoder;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private final SubscribedConnection connection;
    private volatile long malformedFrames;
    private volatile long sequenceGaps;

    public CoinbaseUserChannelClient(
        final URI uri, final CoinbaseJwtSigner signer, final Consumer<UserOrderUpdate> consumer, final Duration connectTimeout)
    {
        this.signer = signer;
        this.consumer = consumer;
        this.connection = new SubscribedConnection(uri, "peregrine-coinbase-user", connectTimeout, MAX_MESSAGE_BYTES);
    }

    /** Connects, subscribes to {@code user} and {@code heartbeats}; throws naming the URI on failure. */
    public void start()
    {
        connection.start(new Frames(), "the user channel");
    }

    public boolean isConnected()
    {
        return connection.isConnected();
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
        connection.close();
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
                connection.confirmed();
                return;
            }
            if ("error".equals(CoinbaseJson.text(json, "type")))
            {
                connection.refused("venue refused the subscription: " +
                    CoinbaseJson.text(json, "message"));
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
