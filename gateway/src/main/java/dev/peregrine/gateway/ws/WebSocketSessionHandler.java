package dev.peregrine.gateway.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/**
 * The server side of one connection to a simulated venue or emulator, after a {@link WebSocketServer}'s handshake handler: a
 * session exists from the completed handshake until the connection closes, and the venue hears of both
 * exactly once (a connection that never completed its handshake, a plain REST call, has no session). Any
 * error closes the connection. Runs on the connection's event loop; subclasses read the frames.
 *
 * @param <S> the venue's session type.
 */
public abstract class WebSocketSessionHandler<S> extends ChannelInboundHandlerAdapter
{
    private S session;

    /** The handshake completed: the venue's session for this connection (its subscription may be in the request URI). */
    protected abstract S onOpen(ChannelHandlerContext ctx, HandshakeComplete handshake);

    /** The connection of a session closed. */
    protected abstract void onClosed(S session);

    /** The session, or null before the handshake completed. */
    protected final S session()
    {
        return session;
    }

    @Override
    public final void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof HandshakeComplete)
        {
            session = onOpen(ctx, (HandshakeComplete)event);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public final void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (session != null)
        {
            onClosed(session);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }
}
