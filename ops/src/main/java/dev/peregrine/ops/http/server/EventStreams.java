package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.Headers;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The open server-sent event streams of one server, at most {@code max} at once (past it {@code 503}): each one a
 * chunked {@code 200 text/event-stream} response that stays open, with one tick a period on the connection's event
 * loop. A tick asks the stream's {@link EventSource} on the handler pool (it may block) and writes what it gives
 * back on the event loop. A client that is not taking what it was sent (the channel is not writable) has that tick
 * skipped: nothing queues up behind a slow or stuck client, and one whose pending write stays stuck past the write
 * time-out is closed as any other. A stream ends when the connection closes (the ticks are cancelled, the slot
 * freed) or when its source ends it.
 *
 * <p>The count and every stream's state are touched on the server's single event loop only.
 */
final class EventStreams
{
    /** Open streams per server (per port) by default: a few operators' pages, not a fan-out service. */
    static final int DEFAULT_MAX_STREAMS = 8;

    private final Executor handlers;
    private final int max;
    private final long periodMillis;
    private int open;

    EventStreams(final Executor handlers, final int max, final long periodMillis)
    {
        if (max < 1 || periodMillis < 1)
        {
            throw new IllegalArgumentException("event streams need a cap >= 1 and a period >= 1 ms, got " + max + ", " + periodMillis);
        }
        this.handlers = handlers;
        this.max = max;
        this.periodMillis = periodMillis;
    }

    /**
     * On the event loop: writes the stream's head (the route's {@code headers} plus the stream's own) and starts its
     * ticks, the first at once; or, at the cap, answers {@code 503} and closes. True when the stream is open.
     */
    boolean start(final ChannelHandlerContext ctx, final Headers headers, final EventSource source)
    {
        if (open >= max)
        {
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
                "too many event streams open (at most " + max + "); close one, the page retries by itself");
            return false;
        }
        open++;
        new Stream(ctx, source).begin(headers);
        return true;
    }

    /** Streams open now; read it on the event loop. */
    int open()
    {
        return open;
    }

    private final class Stream
    {
        private final ChannelHandlerContext ctx;
        private final EventSource source;
        private ScheduledFuture<?> ticks;
        private boolean producing;
        private boolean ended;

        Stream(final ChannelHandlerContext ctx, final EventSource source)
        {
            this.ctx = ctx;
            this.source = source;
        }

        void begin(final Headers headers)
        {
            final HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            for (final Map.Entry<String, List<String>> header : headers.entrySet())
            {
                head.headers().add(header.getKey(), header.getValue());
            }
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.DATE, RequestDispatcher.httpDate())
                .remove(HttpHeaderNames.CONTENT_LENGTH)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ctx.channel().closeFuture().addListener(closed -> stop());
            ctx.writeAndFlush(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            ticks = ctx.executor().scheduleWithFixedDelay(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
        }

        private void tick()
        {
            if (ended)
            {
                ticks.cancel(false);
                return;
            }
            if (!ctx.channel().isActive())
            {
                stop();
                return;
            }
            if (producing || !ctx.channel().isWritable())
            {
                // Still producing the last one, or the client has not taken what it was sent: drop this tick.
                return;
            }
            producing = true;
            try
            {
                handlers.execute(this::produce);
            }
            catch (final RejectedExecutionException closing)
            {
                ctx.close();
            }
        }

        /** On a handler thread. */
        private void produce()
        {
            String text;
            try
            {
                text = source.next();
            }
            catch (final Throwable failed)
            {
                // A source that cannot say what comes next ends its stream; the client reconnects after its retry.
                text = null;
            }
            final String produced = text;
            try
            {
                ctx.executor().execute(() -> deliver(produced));
            }
            catch (final RejectedExecutionException closing)
            {
                // The server is closing: the connection goes with it.
            }
        }

        private void deliver(final String text)
        {
            producing = false;
            if (ended || !ctx.channel().isActive())
            {
                return;
            }
            if (text == null)
            {
                stop();
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (text.isEmpty() || !ctx.channel().isWritable())
            {
                return;
            }
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }

        private void stop()
        {
            if (ended)
            {
                return;
            }
            ended = true;
            if (ticks != null)
            {
                ticks.cancel(false);
            }
            open--;
        }
    }
}
