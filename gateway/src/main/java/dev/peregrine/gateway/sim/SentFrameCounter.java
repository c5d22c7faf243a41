package dev.peregrine.gateway.sim;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the WebSocket frames the simulator writes to its clients, every session together. It sits at the
 * tail of each connection's pipeline, so it sees what the sessions write (data, errors, injected frames),
 * not the control frames the protocol handler answers by itself. Written on the event loop, read by any thread.
 */
@ChannelHandler.Sharable
final class SentFrameCounter extends ChannelOutboundHandlerAdapter
{
    private final LongAdder frames = new LongAdder();

    @Override
    public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise) throws Exception
    {
        if (msg instanceof WebSocketFrame)
        {
            frames.increment();
        }
        super.write(ctx, msg, promise);
    }

    long frames()
    {
        return frames.sum();
    }
}
