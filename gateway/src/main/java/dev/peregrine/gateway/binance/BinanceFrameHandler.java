package dev.peregrine.gateway.binance;

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
 * The last handler of a Binance market-data connection: hands every aggregated text frame to the
 * {@link BinanceMarketDataDecoder}. The subscription is in the URL ({@code /stream?streams=...}), so
 * there is nothing to send after the handshake. Pings need no code here: Netty's
 * {@code WebSocketProtocolHandler} answers every ping frame with a pong carrying the same payload,
 * which is what Binance checks (a ping every 20 s, disconnect after a minute without pong).
 *
 * <p>Pooled buffers are usually direct, so a frame is copied once into a reusable array that grows to
 * the largest frame seen (warm-up allocation only); heap buffers are read in place.
 */
final class BinanceFrameHandler extends ChannelInboundHandlerAdapter
{
    private final BinanceMarketDataDecoder decoder;
    private final BinanceMetrics metrics;
    private final EpochClock clock = new EpochClock();
    private byte[] scratch = new byte[64 * 1024];
    private volatile ChannelPromise handshakePromise;
    private volatile boolean handshakeComplete;

    BinanceFrameHandler(final BinanceMarketDataDecoder decoder, final BinanceMetrics metrics)
    {
        this.decoder = decoder;
        this.metrics = metrics;
    }

    ChannelPromise handshakePromise()
    {
        return handshakePromise;
    }

    boolean handshakeComplete()
    {
        return handshakeComplete;
    }

    /** The epoch clock of this connection, for stamping REST snapshots with the same time base. */
    EpochClock clock()
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
            metrics.onConnect();
            handshakeComplete = true;
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
            decoder.onOversizedFrame(); // the aggregator dropped the message; the connection is fine
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException &&
            WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(((CorruptedWebSocketFrameException)cause).closeStatus()))
        {
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
            metrics.onDisconnect();
        }
        super.channelInactive(ctx);
    }
}
