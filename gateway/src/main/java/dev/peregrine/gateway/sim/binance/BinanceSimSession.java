package dev.peregrine.gateway.sim.binance;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Future;

/**
 * One market-stream client of the simulator: the streams it listens to (from its URL, then live
 * {@code SUBSCRIBE}/{@code UNSUBSCRIBE}) and whether its events come wrapped as combined-stream envelopes
 * ({@code /stream}, or {@code SET_PROPERTY combined}) or raw ({@code /ws/}). Loop thread only; a replay's agent
 * reads {@link #channel} and {@link #wantsDepth()}.
 */
public final class BinanceSimSession implements UserStreamSink
{
    private static final String ENVELOPE_HEAD = "{\"stream\":\"";

    final Channel channel;
    /** The listen key of a user data stream connection ({@code /ws/<listenKey>}), null for market streams. */
    final String userStream;
    /** True for a connection to the trading API's WebSocket API ({@code /ws-api/v3}). */
    final boolean api;
    /** Copy-on-write: a replay's agent asks whether the client listens to a depth stream. */
    private final Set<String> streams = new CopyOnWriteArraySet<>();
    private boolean combined;
    /** The close at the connection's maximum age, cancelled when it closes earlier. */
    Future<?> ageLimit;
    /** Pong or connection time, for the pong deadline. */
    long lastPongNanos;
    /** Incoming messages of the current second, for the 5-a-second limit. */
    int messagesThisSecond;
    long secondStartNanos;

    BinanceSimSession(final Channel channel, final List<String> streams, final boolean combined, final String userStream)
    {
        this(channel, streams, combined, userStream, false);
    }

    BinanceSimSession(final Channel channel, final List<String> streams, final boolean combined, final String userStream,
        final boolean api)
    {
        this.channel = channel;
        this.userStream = userStream;
        this.api = api;
        this.streams.addAll(streams);
        this.combined = combined;
        this.lastPongNanos = System.nanoTime();
        this.secondStartNanos = lastPongNanos;
    }

    boolean wants(final String stream)
    {
        return streams.contains(stream);
    }

    /** True when the client listens to a depth diff stream (it will ask for a REST snapshot to sync its book). */
    boolean wantsDepth()
    {
        for (final String stream : streams)
        {
            if (stream.contains("@depth"))
            {
                return true;
            }
        }
        return false;
    }

    boolean combined()
    {
        return combined;
    }

    void combined(final boolean combined)
    {
        this.combined = combined;
    }

    /** Adds streams; false (and nothing added) if the connection would listen to more than {@code max}. */
    boolean subscribe(final List<String> names, final int max)
    {
        final Set<String> after = new LinkedHashSet<>(streams);
        after.addAll(names);
        if (after.size() > max)
        {
            return false;
        }
        streams.addAll(names);
        return true;
    }

    void unsubscribe(final List<String> names)
    {
        names.forEach(streams::remove);
    }

    List<String> subscriptions()
    {
        return new ArrayList<>(streams);
    }

    /** A recorded combined-stream frame, as this client takes it: as is, or its {@code data} alone. Not flushed. */
    void writeRecorded(final String envelope)
    {
        channel.write(new TextWebSocketFrame(combined ? envelope : dataOf(envelope)));
    }

    /** An event of {@code stream}, if this client listens to it. */
    void send(final String stream, final String data)
    {
        if (wants(stream))
        {
            deliver(stream, data);
        }
    }

    /** An event of {@code stream} whether or not the client listens to it (the server's own, {@code !serverShutdown}). */
    void deliver(final String stream, final String data)
    {
        if (channel.isActive())
        {
            channel.writeAndFlush(new TextWebSocketFrame(combined ? "{\"stream\":\"" + stream + "\",\"data\":" + data + "}" : data));
        }
    }

    /** A user data stream event (the trading API's sink). */
    @Override
    public void send(final String json)
    {
        if (channel.isActive())
        {
            channel.writeAndFlush(new TextWebSocketFrame(json));
        }
    }

    @Override
    public void close()
    {
        close(channel, 1000, "closed");
    }

    /**
     * Starts the closing handshake: the protocol handler closes the connection when the client answers, or after its
     * force-close time-out (closing at once would cut off the client's answer, which it reports as an error).
     */
    static void close(final Channel channel, final int code, final String reason)
    {
        if (channel.isActive())
        {
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        }
    }

    /** The {@code data} of {@code {"stream":"..","data":{..}}}: what follows the stream's name, less the closing brace. */
    static String dataOf(final String envelope)
    {
        final int nameEnd = envelope.indexOf('"', ENVELOPE_HEAD.length());
        final int dataStart = envelope.indexOf(':', nameEnd) + 1;
        return envelope.substring(dataStart, envelope.length() - 1);
    }
}
