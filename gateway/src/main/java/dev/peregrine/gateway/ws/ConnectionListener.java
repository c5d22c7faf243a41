package dev.peregrine.gateway.ws;

import io.netty.channel.Channel;

/** What a venue client does when one of its connections opens or closes; called on the connection's event loop. */
public interface ConnectionListener
{
    /** The handshake completed: subscribe, reset the backoff, count the connect. */
    void onOpen(Channel channel);

    /** A connection whose handshake had completed went inactive. */
    void onClosed();
}
