package dev.peregrine.gateway.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket connection that is only started once the venue confirms a subscription: what every venue's user
 * channel does the same way. {@link #start} connects, then waits (up to the connect time-out) until the venue's
 * own frame decoder calls {@link #confirmed()} or {@link #refused}, or the connection closes first; on failure it
 * closes and throws naming the URI and the venue's answer. The venue's client keeps the protocol (what it sends on
 * open, how it reads the answer and the events).
 */
public final class SubscribedConnection
{
    private final WebSocketClient client;
    private final Duration connectTimeout;
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private volatile Channel channel;

    /** @param name the client's thread name, e.g. {@code peregrine-binance-user}. */
    public SubscribedConnection(final URI uri, final String name, final Duration connectTimeout, final int maxMessageBytes)
    {
        this.connectTimeout = connectTimeout;
        this.client = new WebSocketClient(uri, name, connectTimeout, maxMessageBytes);
    }

    /**
     * Connects with {@code frames} reading the connection and waits for the subscription's answer.
     *
     * @param what the stream, for the failure's message ("the user channel").
     * @throws IllegalStateException naming {@code what}, the URI and the venue's answer when not subscribed in time.
     */
    public <F extends TextFrameDecoder & ConnectionListener> void start(final F frames, final String what)
    {
        final WebSocketFrameHandler handler = new WebSocketFrameHandler(frames, frames);
        client.start();
        final long startNanos = System.nanoTime();
        final ChannelFuture connect = client.connect(handler);
        channel = connect.channel();
        client.awaitOpen(connect, handler, startNanos, this::close);
        try
        {
            subscribed.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException | ExecutionException | TimeoutException ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            close();
            final Throwable cause = ex instanceof ExecutionException ? ex.getCause() : null;
            throw new IllegalStateException("cannot subscribe to " + what + " at " + client.uri() + " within " +
                connectTimeout.toMillis() + " ms" + (cause != null ? " (" + cause.getMessage() + ")" : ""), cause);
        }
    }

    /** The venue confirmed the subscription (on the event loop). */
    public void confirmed()
    {
        subscribed.complete(null);
    }

    /** The venue refused the subscription: {@code reason} ends up in {@link #start}'s message. */
    public void refused(final String reason)
    {
        subscribed.completeExceptionally(new IllegalStateException(reason));
    }

    /** The connection closed: a subscription not yet confirmed has failed. */
    public void closed()
    {
        refused("connection closed before the subscription was confirmed");
    }

    public URI uri()
    {
        return client.uri();
    }

    public boolean isConnected()
    {
        final Channel ch = channel;
        return ch != null && ch.isActive();
    }

    public void close()
    {
        client.close(channel);
    }
}
