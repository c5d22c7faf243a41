package dev.peregrine.gateway.coinbase;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Sends subscribe and unsubscribe messages no closer together than the configured spacing, so one
 * connection stays inside the venue's unauthenticated rate limit (8 messages per second) however many
 * channels it subscribes or how often it resubscribes. Waiting is a task scheduled on the event loop,
 * never a blocking sleep. Event loop only.
 */
final class SubscriptionPacer
{
    private final long spacingNanos;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Runnable drainTask = this::drain;
    private Channel channel;
    private long nextSendNanoTime;
    private boolean scheduled;

    SubscriptionPacer(final long spacingNanos)
    {
        this.spacingNanos = spacingNanos;
    }

    /** A new connection: forget what was queued for the previous one. */
    void attach(final Channel newChannel)
    {
        channel = newChannel;
        queue.clear();
    }

    void send(final String message)
    {
        queue.add(message);
        drain();
    }

    /** True if {@code message} is queued and not yet sent. */
    boolean isQueued(final String message)
    {
        return queue.contains(message);
    }

    private void drain()
    {
        scheduled = false;
        while (!queue.isEmpty())
        {
            final Channel ch = channel;
            if (ch == null || !ch.isActive())
            {
                queue.clear();
                return;
            }
            final long now = System.nanoTime();
            final long wait = nextSendNanoTime - now;
            if (wait > 0)
            {
                if (!scheduled)
                {
                    scheduled = true;
                    ch.eventLoop().schedule(drainTask, wait, TimeUnit.NANOSECONDS);
                }
                return;
            }
            ch.writeAndFlush(new TextWebSocketFrame(queue.poll()));
            nextSendNanoTime = now + spacingNanos;
        }
    }
}
