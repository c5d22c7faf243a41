package dev.peregrine.gateway.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A session from the completed handshake to the close, heard of once each; none for a connection without a handshake. */
class WebSocketSessionHandlerTest
{
    private final List<String> calls = new ArrayList<>();

    @Test
    void aSessionOpensOnTheHandshakeAndClosesWithTheConnection()
    {
        final Recording handler = new Recording();
        final EmbeddedChannel channel = new EmbeddedChannel(handler);
        assertThat(handler.current()).isNull();

        channel.pipeline().fireUserEventTriggered(new HandshakeComplete("/stream?streams=a/b", new DefaultHttpHeaders(), null));
        assertThat(handler.current()).isEqualTo("session /stream?streams=a/b");
        channel.close();

        assertThat(calls).containsExactly("open /stream?streams=a/b", "closed session /stream?streams=a/b");
    }

    @Test
    void aConnectionWithoutHandshakeHasNoSessionAndAnErrorClosesIt()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new Recording());
        channel.pipeline().fireExceptionCaught(new IllegalStateException("bad frame"));

        assertThat(channel.isActive()).isFalse();
        assertThat(calls).isEmpty();
    }

    private final class Recording extends WebSocketSessionHandler<String>
    {
        @Override
        protected String onOpen(final ChannelHandlerContext ctx, final HandshakeComplete handshake)
        {
            calls.add("open " + handshake.requestUri());
            return "session " + handshake.requestUri();
        }

        @Override
        protected void onClosed(final String session)
        {
            calls.add("closed " + session);
        }

        String current()
        {
            return session();
        }
    }
}
