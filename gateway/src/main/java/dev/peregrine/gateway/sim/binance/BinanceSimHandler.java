package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.ws.WebSocketSessionHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket side of one simulator connection, after the handshake: {@code /ws/<stream>} (raw events),
 * {@code /stream?streams=a/b} (combined-stream envelopes), {@code /ws/<listenKey>} of a user data stream the
 * trading API serves, or the trading API's WebSocket API ({@code /ws-api/v3}: each text frame is a request for it,
 * not held to the market streams' message rate). A market client may then send live requests ({@link BinanceStreamRequests}); pongs are noted
 * for the pong deadline; more than the allowed messages a second, too many connection attempts from one IP, or a
 * connection past its maximum age, and the connection is closed, as the venue does. Loop thread only.
 */
final class BinanceSimHandler extends WebSocketSessionHandler<BinanceSimSession>
{
    private final BinanceMarketSource market;
    private final BinanceStreamPublisher publisher;
    private final BinanceApiExtension extension;
    private final BinanceStreamRequests requests;
    private final BinanceStreamLimits limits;
    private final ConnectionAttemptLimit attempts;

    BinanceSimHandler(final BinanceMarketSource market, final BinanceStreamPublisher publisher,
        final BinanceApiExtension extension, final BinanceStreamLimits limits, final ConnectionAttemptLimit attempts)
    {
        this.market = market;
        this.publisher = publisher;
        this.extension = extension;
        this.requests = new BinanceStreamRequests(limits.streamsPerConnection());
        this.limits = limits;
        this.attempts = attempts;
    }

    @Override
    protected BinanceSimSession onOpen(final ChannelHandlerContext ctx, final HandshakeComplete handshake)
    {
        final QueryStringDecoder uri = new QueryStringDecoder(handshake.requestUri());
        final String path = uri.path();
        final String ip = ((InetSocketAddress)ctx.channel().remoteAddress()).getAddress().getHostAddress();
        final BinanceSimSession session;
        if (extension != null && path.equals(extension.webSocketApiPath()))
        {
            session = new BinanceSimSession(ctx.channel(), List.of(), false, null, true);
        }
        else if ("/stream".equals(path) || "/stream/".equals(path))
        {
            final List<String> streams = new ArrayList<>();
            for (final String value : uri.parameters().getOrDefault("streams", List.of()))
            {
                streams.addAll(names(value));
            }
            session = new BinanceSimSession(ctx.channel(), streams, true, null);
        }
        else if (path.equals("/ws") || path.startsWith("/ws/"))
        {
            final String name = path.length() > 4 ? path.substring(4) : "";
            final boolean user = extension != null && !name.isEmpty() && extension.servesUserStream(name);
            session = new BinanceSimSession(ctx.channel(), user ? List.of() : names(name), false, user ? name : null);
        }
        else
        {
            BinanceSimSession.close(ctx.channel(), 1008, "no stream at " + path + ": use /ws/<stream> or /stream?streams=");
            return null;
        }
        if (!attempts.admit(ip, System.nanoTime()) || session.subscriptions().size() > limits.streamsPerConnection())
        {
            BinanceSimSession.close(ctx.channel(), 1008, "connection limit");
            return null;
        }
        session.ageLimit = ctx.channel().eventLoop().schedule((Runnable)session::close, limits.maxConnectionAge().toNanos(),
            TimeUnit.NANOSECONDS);
        publisher.add(session);
        if (session.api)
        {
            extension.openApiSession(session);
        }
        else if (session.userStream != null)
        {
            extension.openUserStream(session.userStream, session);
        }
        else
        {
            market.onSession(session);
        }
        return session;
    }

    private static List<String> names(final String joined)
    {
        final List<String> names = new ArrayList<>();
        for (final String name : joined.split("/"))
        {
            if (!name.isEmpty())
            {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    protected void onClosed(final BinanceSimSession session)
    {
        session.ageLimit.cancel(false); // else the task would hold the closed session for the rest of the 24 h
        publisher.remove(session);
        if (session.api)
        {
            extension.closeApiSession(session);
        }
        else if (session.userStream != null)
        {
            extension.closeUserStream(session.userStream, session);
        }
        else
        {
            market.onSessionClosed(session);
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            final BinanceSimSession session = session();
            if (session == null || !(msg instanceof TextWebSocketFrame || msg instanceof PongWebSocketFrame))
            {
                return;
            }
            final long now = System.nanoTime();
            if (now - session.secondStartNanos >= 1_000_000_000L)
            {
                session.secondStartNanos = now;
                session.messagesThisSecond = 0;
            }
            if (!session.api && ++session.messagesThisSecond > limits.messagesPerSecond())
            {
                BinanceSimSession.close(ctx.channel(), 1008, "too many messages");
                return;
            }
            if (msg instanceof PongWebSocketFrame)
            {
                session.lastPongNanos = now;
            }
            else if (session.api)
            {
                extension.onApiRequest(session, ((TextWebSocketFrame)msg).text());
            }
            else if (session.userStream == null)
            {
                ctx.writeAndFlush(new TextWebSocketFrame(requests.answer(session, ((TextWebSocketFrame)msg).text())));
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }
}
