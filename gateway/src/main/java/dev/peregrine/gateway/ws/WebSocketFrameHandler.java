package dev.peregrine.gateway.ws;

import dev.peregrine.core.time.EpochClock;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

import java.nio.channels.ClosedChannelException;

/**
 * The last handler of one client WebSocket connection, for every venue: reports the completed handshake
 * and the loss of the connection to a {@link ConnectionListener}, and hands every aggregated text frame to
 * the venue's {@link TextFrameDecoder}. Runs on the
 * connection's event loop. Pings need no code here: Netty's {@code WebSocketProtocolHandler} answers each
 * with a pong carrying the same payload.
 *
 * <p>Pooled buffers are usually direct, so a frame is copied once into a reusable byte array that
 * grows to the largest frame seen (warm-up allocation only); heap buffers are read in place.
 */
public final class WebSocketFrameHandler extends ChannelInboundHandlerAdapter
{
    private static final int INITIAL_SCRATCH_BYTES = 64 * 1024;

    private final TextFrameDecoder decoder;
    private final ConnectionListener connection;
    private final EpochClock clock = new EpochClock();
    private byte[] scratch = new byte[INITIAL_SCRATCH_BYTES];
    private volatile ChannelPromise handshakePromise;
    private volatile boolean handshakeComplete;
    private boolean opened;

    public WebSocketFrameHandler(final TextFrameDecoder decoder, final ConnectionListener connection)
    {
        this.decoder = decoder;
        this.connection = connection;
    }

    /** Event loop: true once the handshake of this connection completed, even after it closed. */
    public boolean opened()
    {
        return opened;
    }

    /** Completes when the handshake is done and {@link ConnectionListener#onOpen} has run; fails if the connection fails. */
    public ChannelPromise handshakePromise()
    {
        return handshakePromise;
    }

    /** True while the connection is open past its handshake; any thread. */
    public boolean handshakeComplete()
    {
        return handshakeComplete;
    }

    /** The epoch clock of this connection, for stamping data fetched beside it (REST snapshots) with the same base. */
    public EpochClock clock()
    {
        return clock;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        handshakePromise = ctx.newPromise();
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
        {
            handshakeComplete = true;
            opened = true;
            connection.onOpen(ctx.channel());
            handshakePromise.trySuccess();
        }
        else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            handshakePromise.tryFailure(new IllegalStateException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof TextWebSocketFrame)
            {
                final long nanoTime = System.nanoTime();
                decode(((TextWebSocketFrame)msg).content(), clock.epochNanosAt(nanoTime), nanoTime);
            }
            else if (msg instanceof BinaryWebSocketFrame)
            {
                decoder.onBinaryFrame();
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    private void decode(final ByteBuf content, final long receiveEpochNanos, final long receiveNanoTime)
    {
        final int length = content.readableBytes();
        if (content.hasArray())
        {
            decoder.decode(content.array(), content.arrayOffset() + content.readerIndex(), length,
                receiveEpochNanos, receiveNanoTime);
            return;
        }
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, Math.min(Integer.MAX_VALUE / 2, scratch.length) * 2)];
        }
        content.getBytes(content.readerIndex(), scratch, 0, length);
        decoder.decode(scratch, 0, length, receiveEpochNanos, receiveNanoTime);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException && handshakeComplete)
        {
            // The aggregator already discarded the fragmented message; the connection itself is still fine.
            decoder.onOversizedFrame();
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException &&
            WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(((CorruptedWebSocketFrameException)cause).closeStatus()))
        {
            // One frame above the payload limit: Netty has already answered 1009 and is closing.
            decoder.onOversizedFrame();
        }
        handshakePromise.tryFailure(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        handshakePromise.tryFailure(new ClosedChannelException());
        if (handshakeComplete)
        {
            handshakeComplete = false;
            connection.onClosed();
        }
        super.channelInactive(ctx);
    }
}
