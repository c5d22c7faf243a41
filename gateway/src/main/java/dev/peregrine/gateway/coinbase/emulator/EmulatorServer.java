package dev.peregrine.gateway.coinbase.emulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's Netty server: HTTP for REST and a WebSocket upgrade on {@link #USER_CHANNEL_PATH}, on one
 * port. Threads: one acceptor ({@code peregrine-cb-emu-accept}) and one event loop ({@code peregrine-cb-emu}).
 */
final class EmulatorServer implements AutoCloseable
{
    static final String USER_CHANNEL_PATH = "/ws/user";

    private EventLoopGroup acceptor;
    private EventLoopGroup worker;
    private Channel serverChannel;

    /**
     * Binds {@code bindHost:bindPort} (0: an ephemeral port) and returns the port bound.
     *
     * @throws IllegalStateException naming the address when it cannot be bound (in use, not local); nothing is left running.
     */
    int bind(final String bindHost, final int bindPort, final CoinbaseVenueEmulator venue)
    {
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-cb-emu-accept"), NioIoHandler.newFactory());
        worker = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("peregrine-cb-emu"), NioIoHandler.newFactory());
        final WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(USER_CHANNEL_PATH).checkStartsWith(false).build();
        final ChannelFuture bound = new ServerBootstrap()
            .group(acceptor, worker)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(1024 * 1024));
                    ch.pipeline().addLast(new WebSocketServerProtocolHandler(ws));
                    ch.pipeline().addLast(new EmulatorChannelHandler(venue));
                }
            })
            .bind(bindHost, bindPort).awaitUninterruptibly();
        serverChannel = bound.channel();
        if (!bound.isSuccess())
        {
            close();
            throw new IllegalStateException("venue emulator cannot bind " + bindHost + ":" + bindPort + " (" +
                bound.cause().getMessage() + ")", bound.cause());
        }
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    @Override
    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().awaitUninterruptibly(1_000);
        }
        if (worker != null)
        {
            worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
        if (acceptor != null)
        {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
        }
    }
}
