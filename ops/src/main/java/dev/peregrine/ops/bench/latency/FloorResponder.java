package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.event.Side;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;
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

/**
 * The floor: what this machine can do at all between a frame on the wire and an order on the wire. A bare WebSocket
 * client (the gateway's {@link WebSocketClient}, the connection every venue client uses) subscribed to one product's
 * trades on the simulated venue; on each trade update it sends a market order on the trade's side at once, through
 * the REST client the live Coinbase venue uses ({@link CoinbaseOrderClient}, JWT signed), from the event loop. No
 * ring, no journal, no core. Its orders' client ids are {@code floor-<n>}, n counting trade updates from 0, which
 * ties each order to its frame exactly.
 */
final class FloorResponder implements TextFrameDecoder, ConnectionListener, AutoCloseable
{
    static final String CLIENT_ID_PREFIX = "floor-";
    private static final byte[] UPDATE = "\"type\":\"update\",\"trades\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIDE = "\"side\":\"".getBytes(StandardCharsets.US_ASCII);

    private final WebSocketClient client;
    private final CoinbaseOrderClient orders;
    private final String productId;
    private final long size;
    private final WebSocketFrameHandler handler;
    private Channel channel;
    private long trades;

    FloorResponder(final URI marketDataUrl, final CoinbaseOrderClient orders, final String productId, final long size)
    {
        this.client = new WebSocketClient(marketDataUrl, "peregrine-floor", Duration.ofSeconds(5), 1 << 20);
        this.orders = orders;
        this.productId = productId;
        this.size = size;
        this.handler = new WebSocketFrameHandler(this, this);
    }

    /** Connects and subscribes; returns once the handshake is done. */
    void start()
    {
        client.start();
        final long startNanos = System.nanoTime();
        final ChannelFuture connect = client.connect(handler);
        channel = connect.channel();
        client.awaitOpen(connect, handler, startNanos, () -> client.close(channel));
    }

    @Override
    public void onOpen(final Channel ch)
    {
        ch.writeAndFlush(new TextWebSocketFrame("{\"type\":\"subscribe\",\"product_ids\":[\"" + productId +
            "\"],\"channel\":\"market_trades\"}"));
        ch.writeAndFlush(new TextWebSocketFrame("{\"type\":\"subscribe\",\"product_ids\":[\"" + productId +
            "\"],\"channel\":\"ticker\"}"));
    }

    @Override
    public void onClosed()
    {
    }

    @Override
    public void decode(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        if (indexOf(buffer, offset, length, UPDATE) < 0)
        {
            return; // tickers, snapshots, subscriptions, heartbeats: no order
        }
        final int side = indexOf(buffer, offset, length, SIDE);
        final int sideCode = side >= 0 && buffer[side + SIDE.length] == 'B' ? Side.BUY : Side.SELL;
        orders.create(CoinbaseOrderRequest.market(CLIENT_ID_PREFIX + trades++, productId, sideCode, size));
    }

    @Override
    public void onBinaryFrame()
    {
    }

    @Override
    public void onOversizedFrame()
    {
    }

    private static int indexOf(final byte[] buffer, final int offset, final int length, final byte[] needle)
    {
        final int end = offset + length - needle.length;
        outer:
        for (int i = offset; i <= end; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (buffer[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close()
    {
        client.close(channel);
    }
}
