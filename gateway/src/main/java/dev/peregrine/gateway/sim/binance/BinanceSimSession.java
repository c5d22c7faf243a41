package dev.peregrine.gateway.sim.binance;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.Set;

/**
 * One WebSocket client of the simulator and the streams it asked for in its URL. Written on the loop thread only;
 * a replay's agent reads its final fields.
 */
final class BinanceSimSession
{
    final Channel channel;
    final Set<String> streams;

    BinanceSimSession(final Channel channel, final Set<String> streams)
    {
        this.channel = channel;
        this.streams = streams;
    }

    boolean wants(final String stream)
    {
        return streams.contains(stream);
    }

    void write(final String text)
    {
        channel.write(new TextWebSocketFrame(text));
    }

    void send(final String stream, final String text)
    {
        if (channel.isActive() && wants(stream))
        {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }
}
