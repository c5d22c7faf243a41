package dev.peregrine.ops.http.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * At most {@code max} open connections. On the listening channel, ahead of the acceptor: each accepted
 * connection is counted, and at the cap the listening channel stops accepting until one closes. Clients
 * past the cap therefore wait in the kernel's accept queue (as with Tomcat's {@code maxConnections} or
 * HAProxy's {@code maxconn}) and are served, oldest first, as held connections reach their request
 * time-out: idle clients past the cap delay an operator's probe (by about one time-out per {@code max}
 * clients queued ahead of it) instead of getting it refused. The listening channel reads one connection per read, so it never overshoots; a connection
 * that would still exceed the cap is closed unanswered.
 *
 * <p>Everything here runs on the server's single event loop thread, which serves the listening channel and
 * every connection, so the count needs no synchronisation.
 */
@ChannelHandler.Sharable
final class ConnectionCap extends ChannelInboundHandlerAdapter
{
    private final int max;
    private int open;

    ConnectionCap(final int max)
    {
        this.max = max;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final Channel listening = ctx.channel();
        final Channel connection = (Channel)msg;
        if (open >= max)
        {
            connection.unsafe().closeForcibly();
            return;
        }
        open++;
        connection.closeFuture().addListener(closed -> released(listening));
        if (open >= max && listening.config().isAutoRead())
        {
            listening.config().setAutoRead(false);
        }
        ctx.fireChannelRead(connection);
    }

    private void released(final Channel listening)
    {
        open--;
        if (open < max && !listening.config().isAutoRead() && listening.isOpen())
        {
            listening.config().setAutoRead(true);
        }
    }

    /** Connections open now; read it on the event loop. */
    int open()
    {
        return open;
    }
}
