package dev.peregrine.ops.http.server;

import dev.peregrine.ops.logging.JsonOutput;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The server's own refusals (a request too large or malformed), in the API's JSON form, on a connection that
 * is then closed. The close lingers: output is shut down after the answer, what the client is still sending
 * is read and dropped for up to {@link #LINGER_MILLIS}, then the connection closes. Closing at once, with the
 * client's unread bytes in our receive buffer, would make the kernel send a reset that can destroy the answer
 * before the client reads it.
 */
final class ErrorReply
{
    static final long LINGER_MILLIS = 2000;

    /** Set on a connection being closed after a refusal: requests still arriving on it are dropped. */
    static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("peregrine.http.closing");

    private ErrorReply()
    {
    }

    static void sendAndClose(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String message)
    {
        ctx.channel().attr(CLOSING).set(Boolean.TRUE);
        final byte[] body = JsonOutput.error(message).getBytes(StandardCharsets.UTF_8);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.channel().writeAndFlush(response).addListener(written ->
        {
            if (!written.isSuccess() || !(ctx.channel() instanceof DuplexChannel))
            {
                ctx.channel().close();
                return;
            }
            ((DuplexChannel)ctx.channel()).shutdownOutput();
            ctx.channel().config().setAutoRead(true);
            ctx.executor().schedule(() -> ctx.channel().close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }
}
