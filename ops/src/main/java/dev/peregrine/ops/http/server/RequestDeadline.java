package dev.peregrine.ops.http.server;

import dev.peregrine.ops.logging.JsonOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The time a client has to send one whole request: armed when the connection opens and again after each
 * response, disarmed when a complete request reaches the dispatcher. One deadline per request, not a
 * time-out per read, so a client that trickles a byte a second is cut off like one that sends nothing.
 * On expiry a connection that had sent part of a request gets {@code 408} and is closed; an idle one is
 * closed silently (a keep-alive connection nobody is using).
 *
 * <p>First in the pipeline, so it sees the raw bytes; it writes the 408 as raw bytes too, past the codec,
 * whose state is that of a half-decoded request. Runs on the connection's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter
{
    private static final byte[] TIMED_OUT = response408();

    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean partial;

    RequestDeadline(final long timeoutNanos)
    {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext context)
    {
        this.ctx = context;
    }

    @Override
    public void channelActive(final ChannelHandlerContext context) throws Exception
    {
        arm();
        super.channelActive(context);
    }

    @Override
    public void channelRead(final ChannelHandlerContext context, final Object msg) throws Exception
    {
        if (msg instanceof ByteBuf && ((ByteBuf)msg).isReadable())
        {
            partial = true;
        }
        super.channelRead(context, msg);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext context) throws Exception
    {
        disarm();
        super.channelInactive(context);
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext context)
    {
        disarm();
    }

    /** A complete request is being handled: the client owes nothing until its response is written. */
    void requestReceived()
    {
        disarm();
    }

    /** The response is written and the connection stays open: the client has a new deadline for its next request. */
    void responseSent()
    {
        partial = false;
        arm();
    }

    private void arm()
    {
        disarm();
        timer = ctx.executor().schedule(this::expire, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire()
    {
        timer = null;
        if (!ctx.channel().isActive())
        {
            return;
        }
        if (partial)
        {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            ctx.close();
        }
    }

    private static byte[] response408()
    {
        final String body = JsonOutput.error("the request did not arrive in time; the connection is closed");
        return ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: " +
            body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }
}
