package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.ws.WebSocketSessionHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Server side of one simulator connection. The WebSocket handler in front of it takes {@code /stream}
 * upgrades; everything else arrives here as plain HTTP: {@code GET /api/v3/depth?symbol=..&limit=..}
 * gets the market's snapshot, any other path a 404. After a handshake the {@code streams} of the URL
 * become the session's subscription.
 */
final class BinanceSimHandler extends WebSocketSessionHandler<BinanceSimSession>
{
    private final BinanceMarketSource market;

    BinanceSimHandler(final BinanceMarketSource market)
    {
        this.market = market;
    }

    @Override
    protected BinanceSimSession onOpen(final ChannelHandlerContext ctx, final HandshakeComplete handshake)
    {
        final List<String> streams = new QueryStringDecoder(handshake.requestUri()).parameters().get("streams");
        final Set<String> subscribed = new LinkedHashSet<>();
        if (streams != null)
        {
            for (final String value : streams)
            {
                subscribed.addAll(List.of(value.split("/")));
            }
        }
        final BinanceSimSession session = new BinanceSimSession(ctx.channel(), subscribed);
        market.onSession(session);
        return session;
    }

    @Override
    protected void onClosed(final BinanceSimSession session)
    {
        market.onSessionClosed(session);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof FullHttpRequest)
            {
                onHttp(ctx, (FullHttpRequest)msg);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHttp(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder query = new QueryStringDecoder(request.uri());
        if (!"/api/v3/depth".equals(query.path()) || request.method() != HttpMethod.GET)
        {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{\"code\":-1,\"msg\":\"not found\"}");
            return;
        }
        final List<String> symbol = query.parameters().get("symbol");
        final List<String> limit = query.parameters().get("limit");
        int depth = 100;
        try
        {
            depth = limit == null ? 100 : Integer.parseInt(limit.get(0));
        }
        catch (final NumberFormatException ex)
        {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "{\"code\":-1100,\"msg\":\"bad limit\"}");
            return;
        }
        final String body = symbol == null ? null : market.snapshot(symbol.get(0), depth);
        if (body == null)
        {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
            return;
        }
        respond(ctx, request, HttpResponseStatus.OK, body);
    }

    private static void respond(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final HttpResponseStatus status, final String body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        final var written = ctx.writeAndFlush(response);
        if (!keepAlive)
        {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
