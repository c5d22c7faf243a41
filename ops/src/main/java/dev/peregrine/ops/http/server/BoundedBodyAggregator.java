package dev.peregrine.ops.http.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Joins a request's body into one message, up to {@code maxBodyBytes}. A body announced or grown past it
 * gets 413 in the API's JSON form (Netty's own answer has no body) and the connection is closed: the client
 * is past the one limit a retry on the same connection could not fix.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator
{
    private final int maxBodyBytes;
    private final RequestDeadline deadline;

    BoundedBodyAggregator(final int maxBodyBytes, final RequestDeadline deadline)
    {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.deadline = deadline;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        deadline.requestReceived();
        ErrorReply.sendAndClose(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
            "the request body is larger than " + maxBodyBytes + " bytes");
    }
}
