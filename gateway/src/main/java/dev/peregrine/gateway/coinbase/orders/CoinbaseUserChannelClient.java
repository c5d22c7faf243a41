package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The authenticated {@code user} channel: order updates for every order of the key's portfolio. It
 * subscribes with a fresh JWT (no {@code uri} claim) and hands each {@code orders[]} entry of a
 * {@code snapshot} or {@code update} to a consumer, normally {@link CoinbaseOrderAdapter#onUserUpdate},
 * which turns cumulative quantities into fills on its own thread.
 *
 * <p>Threads: one Netty event loop ({@code peregrine-coinbase-user}) owns the socket and calls the
 * consumer. Reconnection (and reconciling through the fresh snapshot it brings) is left to the caller:
 * {@link #isConnected()} says when to make a new client.
 */
public final class CoinbaseUserChannelClient implements AutoCloseable
{
    public static final URI DEFAULT_URI = URI.create("wss://advanced-trade-ws-user.coinbase.com");

    private final URI uri;
    private final CoinbaseJwtSigner signer;
    private final Consumer<UserOrderUpdate> consumer;
    private final Duration connectTimeout;
    private EventLoopGroup group;
    private volatile Channel channel;
    private volatile long malformedFrames;
    private volatile long sequenceGaps;

    public CoinbaseUserChannelClient(
        final URI uri, final CoinbaseJwtSigner signer, final Consumer<UserOrderUpdate> consumer, final Duration connectTimeout)
    {
        this.uri = uri;
        this.signer = signer;
        this.consumer = consumer;
        this.connectTimeout = connectTimeout;
    }

    /** Connects, subscribes to {@code user} and {@code heartbeats}; throws naming the URI on failure. */
    public void start()
    {
        final boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        final SslContext ssl;
        try
        {
            ssl = secure ? SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build() : null;
        }
        catch (final javax.net.ssl.SSLException ex)
        {
            throw new IllegalStateException("cannot create the TLS context for " + uri, ex);
        }
        final Handler handler = new Handler();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-coinbase-user"), NioIoHandler.newFactory());
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri).version(WebSocketVersion.V13).maxFramePayloadLength(4 * 1024 * 1024)
            .handshakeTimeoutMillis(connectTimeout.toMillis()).build();
        final ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel c)
                {
                    if (ssl != null)
                    {
                        c.pipeline().addLast(ssl.newHandler(c.alloc(), uri.getHost(), port));
                    }
                    c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(16 * 1024 * 1024), handler);
                }
            })
            .connect(uri.getHost(), port);
        channel = connect.channel();
        if (!connect.awaitUninterruptibly(connectTimeout.toMillis()) || !connect.isSuccess())
        {
            close();
            throw new IllegalStateException("cannot connect to the user channel at " + uri + " within " +
                connectTimeout.toMillis() + " ms");
        }
        final ChannelPromise subscribed = handler.subscribed;
        if (subscribed == null || !subscribed.awaitUninterruptibly(connectTimeout.toMillis()) || !subscribed.isSuccess())
        {
            close();
            throw new IllegalStateException("cannot subscribe to the user channel at " + uri + " within " +
                connectTimeout.toMillis() + " ms" + (subscribed != null && subscribed.cause() != null
                ? " (" + subscribed.cause().getMessage() + ")" : ""));
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
        final Channel ch = channel;
        if (ch != null)
        {
            ch.close().awaitUninterruptibly(1_000);
        }
        if (group != null)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        volatile ChannelPromise subscribed;
        private long expectedSequence = -1;

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            subscribed = ctx.newPromise();
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                ctx.writeAndFlush(new TextWebSocketFrame(subscribe("user")));
                ctx.writeAndFlush(new TextWebSocketFrame(subscribe("heartbeats")));
            }
            super.userEventTriggered(ctx, event);
        }

        private String subscribe(final String channelName)
        {
            // A fresh JWT for every subscribe, as Coinbase asks.
            return CoinbaseJson.write(CoinbaseJson.newObject().put("type", "subscribe").put("channel", channelName)
                .put("jwt", signer.forWebSocket()));
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            subscribed.tryFailure(new IllegalStateException("connection closed before the subscription was confirmed"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            subscribed.tryFailure(cause);
            ctx.close();
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
        {
            final JsonNode json;
            try
            {
                json = CoinbaseJson.parseObject(frame.text());
            }
            catch (final IllegalArgumentException ex)
            {
                malformedFrames++;
                return;
            }
            final String sequence = CoinbaseJson.text(json, "sequence_num");
            if (sequence != null)
            {
                final long s = Long.parseLong(sequence);
                if (expectedSequence >= 0 && s != expectedSequence)
                {
                    sequenceGaps++;
                }
                expectedSequence = s + 1;
            }
            final String channelName = CoinbaseJson.text(json, "channel");
            if ("subscriptions".equals(channelName))
            {
                subscribed.trySuccess();
                return;
            }
            if ("error".equals(CoinbaseJson.text(json, "type")))
            {
                subscribed.tryFailure(new IllegalStateException("venue refused the subscription: " +
                    CoinbaseJson.text(json, "message")));
                return;
            }
            if (!"user".equals(channelName))
            {
                return;
            }
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
