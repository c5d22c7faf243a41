package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.json.JsonScanner;
import dev.peregrine.gateway.ws.WebSocketSessionHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Server side of one simulator connection: registers the session once the WebSocket handshake is done,
 * reads {@code subscribe}/{@code unsubscribe} requests (with the gateway's own {@link JsonScanner}) and
 * hands them to the {@link SimulatedMarket}; unregisters the session when the connection closes.
 */
final class SimulatedSessionHandler extends WebSocketSessionHandler<SimulatedSession>
{
    private static final byte[] TYPE = bytes("type");
    private static final byte[] CHANNEL = bytes("channel");
    /** The authenticated channels of the user-data host. */
    private static final java.util.Set<String> USER_DATA_CHANNELS = java.util.Set.of("user", "futures_balance_summary");
    private static final byte[] PRODUCT_IDS = bytes("product_ids");

    private final SimulatedMarket venue;
    private final JsonScanner scanner = new JsonScanner();

    SimulatedSessionHandler(final SimulatedMarket venue)
    {
        this.venue = venue;
    }

    @Override
    protected SimulatedSession onOpen(final ChannelHandlerContext ctx, final HandshakeComplete handshake)
    {
        return venue.open(ctx.channel());
    }

    @Override
    protected void onClosed(final SimulatedSession session)
    {
        venue.unregister(session);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof TextWebSocketFrame && session() != null)
            {
                onRequest(((TextWebSocketFrame)msg).content());
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onRequest(final ByteBuf content)
    {
        final SimulatedSession session = session();
        final byte[] bytes = ByteBufUtil.getBytes(content);
        scanner.wrap(bytes, 0, bytes.length);
        String type = null;
        String channel = null;
        final List<String> products = new ArrayList<>();
        boolean valid = scanner.enterObject();
        int result = JsonScanner.ERROR;
        while (valid && (result = scanner.nextMember()) == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(TYPE) && scanner.valueKind() == JsonScanner.KIND_STRING)
            {
                type = string(bytes);
            }
            else if (scanner.keyEquals(CHANNEL) && scanner.valueKind() == JsonScanner.KIND_STRING)
            {
                channel = string(bytes);
            }
            else if (scanner.keyEquals(PRODUCT_IDS) && scanner.valueKind() == JsonScanner.KIND_ARRAY)
            {
                final int resume = scanner.position();
                scanner.position(scanner.valueStart());
                scanner.enterArray();
                while (scanner.nextElement() == JsonScanner.ITEM)
                {
                    if (scanner.valueKind() == JsonScanner.KIND_STRING)
                    {
                        products.add(string(bytes));
                    }
                }
                scanner.position(resume);
            }
        }
        if (!valid || result == JsonScanner.ERROR || type == null || channel == null)
        {
            session.sendRaw(CoinbaseMessageWriter.error("malformed request: expected {\"type\",\"channel\",\"product_ids\"}"));
            return;
        }
        if (USER_DATA_CHANNELS.contains(channel))
        {
            // The venue serves a user's orders on its user-data host; this market-data host holds no keys.
            session.sendRaw(CoinbaseMessageWriter.error("channel '" + channel +
                "' is served on the user-data endpoint, not on the market-data endpoint: subscribe there with a JWT"));
            return;
        }
        venue.onRequest(session, type, channel, products);
    }

    private String string(final byte[] bytes)
    {
        return new String(bytes, scanner.stringStart(), scanner.stringLength(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
