package dev.peregrine.gateway.sim.binance;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The REST side of one connection to the simulated Binance, in front of the WebSocket handshake: a request that
 * asks no upgrade is answered here (through the exchange's router, with its headers), an upgrade goes on to the
 * handshake, so one port serves both protocols on every path, as the venue's streams sit under {@code /ws/} and
 * {@code /stream}. Runs on the connection's event loop.
 */
final class BinanceRestHandler extends ChannelInboundHandlerAdapter
{
    private final Function<BinanceHttpRequest, BinanceHttpAnswer> router;

    BinanceRestHandler(final Function<BinanceHttpRequest, BinanceHttpAnswer> router)
    {
        this.router = router;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpRequest) || isUpgrade((FullHttpRequest)msg))
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        try
        {
            respond(ctx, request, router.apply(read(ctx, request)));
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private static boolean isUpgrade(final FullHttpRequest request)
    {
        return "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
    }

    private static BinanceHttpRequest read(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final String uri = request.uri();
        final int question = uri.indexOf('?');
        final QueryStringDecoder query = new QueryStringDecoder(uri);
        final Map<String, String> headers = new LinkedHashMap<>();
        for (final Map.Entry<String, String> header : request.headers())
        {
            headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
        }
        final SocketAddress remote = ctx.channel().remoteAddress();
        final String ip = remote instanceof InetSocketAddress ? ((InetSocketAddress)remote).getAddress().getHostAddress() : "unknown";
        return new BinanceHttpRequest(request.method().name(), query.path(), query.parameters(), headers,
            request.content().toString(StandardCharsets.UTF_8), question < 0 ? "" : uri.substring(question + 1), ip);
    }

    private static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request, final BinanceHttpAnswer answer)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()), Unpooled.copiedBuffer(answer.body(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + ";charset=UTF-8");
        for (final Map.Entry<String, String> header : answer.headers().entrySet())
        {
            response.headers().set(header.getKey(), header.getValue());
        }
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
