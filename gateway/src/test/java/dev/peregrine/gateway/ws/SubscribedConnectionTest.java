package dev.peregrine.gateway.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real loopback server that echoes each text frame: the client's "subscribe" comes back as the answer. */
class SubscribedConnectionTest
{
    private WebSocketServer server;
    private URI uri;

    @BeforeEach
    void startEchoServer()
    {
        server = new WebSocketServer("echo server", "peregrine-ws-echo", WebSocketServer.underPath("/", 4096), 4096,
            pipeline -> pipeline.addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>()
            {
                @Override
                protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
                {
                    ctx.writeAndFlush(new TextWebSocketFrame(frame.text()));
                }
            }));
        server.start();
        uri = URI.create("ws://127.0.0.1:" + server.bind("127.0.0.1", 0) + "/");
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    /** Sends {@code request} on open; an echoed "ok" confirms, anything else refuses with its text. */
    private static final class Frames implements TextFrameDecoder, ConnectionListener
    {
        private final SubscribedConnection connection;
        private final String request;

        Frames(final SubscribedConnection connection, final String request)
        {
            this.connection = connection;
            this.request = request;
        }

        @Override
        public void onOpen(final Channel channel)
        {
            if (request != null)
            {
                channel.writeAndFlush(new TextWebSocketFrame(request));
            }
        }

        @Override
        public void onClosed()
        {
            connection.closed();
        }

        @Override
        public void decode(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
            final long receiveNanoTime)
        {
            final String text = new String(buffer, offset, length, StandardCharsets.UTF_8);
            if ("ok".equals(text))
            {
                connection.confirmed();
            }
            else
            {
                connection.refused("refused: " + text);
            }
        }

        @Override
        public void onBinaryFrame()
        {
        }

        @Override
        public void onOversizedFrame()
        {
        }
    }

    @Test
    void startReturnsOnceTheVenueConfirms()
    {
        final SubscribedConnection connection = new SubscribedConnection(uri, "peregrine-test-user", Duration.ofSeconds(5), 4096);
        try
        {
            connection.start(new Frames(connection, "ok"), "the test channel");
            assertThat(connection.isConnected()).isTrue();
            assertThat(connection.uri()).isEqualTo(uri);
        }
        finally
        {
            connection.close();
        }
        assertThat(connection.isConnected()).isFalse();
    }

    @Test
    void aRefusalClosesAndNamesTheStreamTheUriAndTheAnswer()
    {
        final SubscribedConnection connection = new SubscribedConnection(uri, "peregrine-test-user", Duration.ofSeconds(5), 4096);
        assertThatThrownBy(() -> connection.start(new Frames(connection, "bad key"), "the test channel"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("cannot subscribe to the test channel at " + uri + " within 5000 ms (refused: bad key)");
        assertThat(connection.isConnected()).isFalse();
    }

    @Test
    void noAnswerTimesOut()
    {
        final SubscribedConnection connection = new SubscribedConnection(uri, "peregrine-test-user", Duration.ofMillis(300), 4096);
        assertThatThrownBy(() -> connection.start(new Frames(connection, null), "the test channel"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("cannot subscribe to the test channel at " + uri + " within 300 ms");
    }
}
