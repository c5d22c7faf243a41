package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.gateway.ws.WebSocketSessionHandler;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Netty glue: REST requests, user-channel frames and the user channel's opening and closing go to the {@link CoinbaseVenueEmulator}. */
final class EmulatorChannelHandler extends WebSocketSessionHandler<Channel>
{
    private final CoinbaseVenueEmulator venue;

    EmulatorChannelHandler(final CoinbaseVenueEmulator venue)
    {
        this.venue = venue;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            read(ctx, msg);
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private void read(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof FullHttpRequest)
        {
            final FullHttpRequest request = (FullHttpRequest)msg;
            final RequestArrivals arrivals = venue.requestArrivals();
            if (arrivals != null)
            {
                arrivals.arrived(System.nanoTime(), request.method().name(), request.uri(),
                    request.content().toString(StandardCharsets.UTF_8));
            }
            final long delay = venue.processingDelayMillis();
            if (delay > 0)
            {
                request.retain(); // channelRead releases it once when this method returns
                ctx.executor().schedule(() ->
                {
                    try
                    {
                        answer(ctx, request);
                    }
                    finally
                    {
                        request.release();
                    }
                }, delay, TimeUnit.MILLISECONDS);
            }
            else
            {
                answer(ctx, request);
            }
        }
        else if (msg instanceof TextWebSocketFrame)
        {
            venue.onUserChannelMessage(ctx.channel(), ((TextWebSocketFrame)msg).text());
        }
        else if (msg instanceof WebSocketFrame)
        {
            ctx.close();
        }
    }

    private void answer(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final EmulatorReply reply = venue.handleRest(
            request.method().name(), request.uri(), request.headers().get(HttpHeaderNames.AUTHORIZATION),
            request.content().toString(StandardCharsets.UTF_8));
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        switch (reply.action())
        {
            case DROP:
                ctx.close();
                break;
            case HOLD:
                ctx.executor().schedule(() -> write(ctx, reply, keepAlive), reply.holdMillis(), TimeUnit.MILLISECONDS);
                break;
            default:
                write(ctx, reply, keepAlive);
        }
    }

    @Override
    protected Channel onOpen(final ChannelHandlerContext ctx, final HandshakeComplete handshake)
    {
        venue.onUserChannelOpen(ctx.channel());
        return ctx.channel();
    }

    @Override
    protected void onClosed(final Channel userChannel)
    {
        venue.onUserChannelClosed(userChannel);
    }

    private static void write(final ChannelHandlerContext ctx, final EmulatorReply reply, final boolean keepAlive)
    {
        if (!ctx.channel().isActive())
        {
            return;
        }
        final byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        for (final Map.Entry<String, String> header : reply.headers().entrySet())
        {
            response.headers().set(header.getKey(), header.getValue());
        }
        if (keepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
