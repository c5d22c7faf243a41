package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.sim.fault.SessionControl;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One client connection to the simulator: its subscriptions and its {@code sequence_num}, which, as on
 * the real venue, is one counter per connection shared by every channel. Touched only on the
 * simulator's event loop thread.
 */
final class SimulatedSession implements SessionControl
{
    private final Channel channel;
    // Sorted by channel name, as the real subscriptions confirmations list them.
    private final Map<String, Set<String>> subscriptions = new TreeMap<>();
    private long nextSequence;

    SimulatedSession(final Channel channel)
    {
        this.channel = channel;
    }

    Channel channel()
    {
        return channel;
    }

    Map<String, Set<String>> subscriptions()
    {
        return subscriptions;
    }

    boolean isSubscribed(final String channelName, final String product)
    {
        final Set<String> products = subscriptions.get(channelName);
        return products != null && products.contains(product);
    }

    boolean isSubscribed(final String channelName)
    {
        final Set<String> products = subscriptions.get(channelName);
        return products != null && !products.isEmpty();
    }

    void subscribe(final String channelName, final Iterable<String> products)
    {
        final Set<String> set = subscriptions.computeIfAbsent(channelName, k -> new LinkedHashSet<>());
        for (final String product : products)
        {
            set.add(product);
        }
    }

    void unsubscribe(final String channelName, final Iterable<String> products)
    {
        final Set<String> set = subscriptions.get(channelName);
        if (set == null)
        {
            return;
        }
        for (final String product : products)
        {
            set.remove(product);
        }
        if (set.isEmpty())
        {
            subscriptions.remove(channelName);
        }
    }

    /** Sends one envelope on this connection, taking the next sequence number. */
    void send(final String channelName, final long timestampNanos, final CharSequence events)
    {
        sendRaw(CoinbaseMessageWriter.envelope(channelName, timestampNanos, nextSequence++, events));
    }

    /** Writes text as is, as one text frame; the write's future, or null if the connection is closed. */
    ChannelFuture sendVerbatim(final String text)
    {
        return channel.isActive() ? channel.writeAndFlush(new TextWebSocketFrame(text)) : null;
    }

    /** Sends text as is, outside the sequence (errors, injected test frames). */
    void sendRaw(final String text)
    {
        if (channel.isActive())
        {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    // ---- fault injection hooks (sim.fault) ----

    @Override
    public void disconnect()
    {
        channel.close();
    }

    @Override
    public void skipSequence(final long count)
    {
        nextSequence += count;
    }

    @Override
    public void sendText(final String text)
    {
        sendRaw(text);
    }
}
