package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Last in a connection's pipeline: takes one complete request, finds its route, runs the handler on the
 * handler pool (a handler may block: an admin command waits for room in the ring, a decisions query reads
 * the journal) and writes the buffered response back on the event loop. While a request is handled the
 * connection reads nothing more, so pipelined requests are answered in order, one at a time. A route that opens an
 * event stream (see {@link EventStreams}) keeps its connection for the stream: no request deadline, and a request sent
 * on it closes it.
 */
final class RequestDispatcher extends SimpleChannelInboundHandler<FullHttpRequest>
{
    /** The JDK server's answer to a path no context serves, kept so clients see what they saw before. */
    private static final byte[] NOT_FOUND = "<h1>404 Not Found</h1>No context found for request".getBytes(StandardCharsets.US_ASCII);

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    /** Requests decoded from one read beyond the one in flight; more than this from one client is abuse. */
    private static final int MAX_PIPELINED = 32;

    private final Routes routes;
    private final Executor handlers;
    private final EventStreams streams;
    private final RequestDeadline deadline;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>();
    private boolean inFlight;
    private boolean streaming;

    RequestDispatcher(final Routes routes, final Executor handlers, final EventStreams streams, final RequestDeadline deadline,
        final int maxRequestLine, final int maxHeaderBytes)
    {
        this.routes = routes;
        this.handlers = handlers;
        this.streams = streams;
        this.deadline = deadline;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (Boolean.TRUE.equals(ctx.channel().attr(ErrorReply.CLOSING).get()))
        {
            return;
        }
        if (streaming)
        {
            // An event stream's connection carries nothing more: a client that sends on it is not an EventSource.
            ctx.close();
            return;
        }
        deadline.requestReceived();
        if (inFlight)
        {
            // Pipelined behind the one being handled (decoded from the same read): answered after it, in order.
            if (pipelined.size() >= MAX_PIPELINED)
            {
                ctx.close();
                return;
            }
            pipelined.add(request.retain());
            return;
        }
        dispatch(ctx, request);
    }

    private void dispatch(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        inFlight = true;
        final DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure())
        {
            refuseUndecodable(ctx, decoded.cause());
            return;
        }
        final URI uri;
        try
        {
            uri = new URI(request.uri());
        }
        catch (final URISyntaxException ex)
        {
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "the request target is not a valid URI");
            return;
        }
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final boolean head = HttpMethod.HEAD.equals(request.method());
        final HttpHandler handler = routes.find(uri.getPath() == null ? "" : uri.getPath());
        if (handler == null)
        {
            final Headers headers = new Headers();
            headers.set("Content-Type", "text/html");
            respond(ctx, 404, headers, NOT_FOUND, keepAlive, head);
            return;
        }
        final Headers requestHeaders = new Headers();
        for (final Map.Entry<String, String> header : request.headers())
        {
            requestHeaders.add(header.getKey(), header.getValue());
        }
        final BufferedExchange exchange = new BufferedExchange(request.method().name(), uri, requestHeaders,
            ByteBufUtil.getBytes(request.content()), (InetSocketAddress)ctx.channel().localAddress(),
            (InetSocketAddress)ctx.channel().remoteAddress());
        ctx.channel().config().setAutoRead(false);
        try
        {
            handlers.execute(() -> handle(ctx, handler, exchange, keepAlive, head));
        }
        catch (final RejectedExecutionException closing)
        {
            ctx.close();
        }
    }

    /** After an answer on a connection that stays open: the next pipelined request, or reading again. */
    private void next(final ChannelHandlerContext ctx)
    {
        inFlight = false;
        final FullHttpRequest request = pipelined.poll();
        if (request == null)
        {
            deadline.responseSent();
            ctx.channel().config().setAutoRead(true);
            return;
        }
        try
        {
            dispatch(ctx, request);
        }
        finally
        {
            request.release();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        for (FullHttpRequest request = pipelined.poll(); request != null; request = pipelined.poll())
        {
            request.release();
        }
        super.channelInactive(ctx);
    }

    /** On a handler thread: the route's own code, then the answer back to the event loop. */
    private void handle(final ChannelHandlerContext ctx, final HttpHandler handler, final BufferedExchange exchange,
        final boolean keepAlive, final boolean head)
    {
        Throwable failure = null;
        try
        {
            handler.handle(exchange);
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
        final Throwable failed = failure;
        try
        {
            ctx.executor().execute(() -> answer(ctx, exchange, failed, keepAlive, head));
        }
        catch (final RejectedExecutionException closing)
        {
            // The server is closing: the connection goes with it.
        }
    }

    private void answer(final ChannelHandlerContext ctx, final BufferedExchange exchange, final Throwable failed,
        final boolean keepAlive, final boolean head)
    {
        if (failed == null && exchange.stream() != null && !exchange.responded())
        {
            stream(ctx, exchange);
            return;
        }
        if (failed != null || !exchange.responded())
        {
            // The JDK's server dropped the connection here; an answer that names no internals is kinder.
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error (" +
                (failed == null ? "no response" : failed.getClass().getSimpleName()) + ")");
            return;
        }
        respond(ctx, exchange.getResponseCode(), exchange.getResponseHeaders(), exchange.responseBytes(), keepAlive, head);
    }

    /**
     * The route opened an event stream: the connection is the stream's until it closes. No request deadline while it
     * lasts (the client owes no request), reading on again so a client that goes is seen at once.
     */
    private void stream(final ChannelHandlerContext ctx, final BufferedExchange exchange)
    {
        if (!ctx.channel().isActive() || !streams.start(ctx, exchange.getResponseHeaders(), exchange.stream()))
        {
            return;
        }
        streaming = true;
        for (FullHttpRequest request = pipelined.poll(); request != null; request = pipelined.poll())
        {
            request.release();
        }
        ctx.channel().config().setAutoRead(true);
    }

    private void refuseUndecodable(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongHttpLineException)
        {
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG,
                "the request line is longer than " + maxRequestLine + " bytes");
        }
        else if (cause instanceof TooLongHttpHeaderException)
        {
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "the request headers are larger than " + maxHeaderBytes + " bytes");
        }
        else
        {
            ErrorReply.sendAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        }
    }

    /**
     * Writes a handler's answer as the JDK's server wrote it: the handler's headers, {@code Date}, a
     * {@code Content-Length} (none on a HEAD answer, no body either).
     */
    private void respond(final ChannelHandlerContext ctx, final int status, final Headers headers, final byte[] body,
        final boolean keepAlive, final boolean head)
    {
        if (!ctx.channel().isActive())
        {
            return;
        }
        final boolean bodyless = head || status == 204 || status == 304 || status < 200;
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
            bodyless ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        for (final Map.Entry<String, List<String>> header : headers.entrySet())
        {
            response.headers().add(header.getKey(), header.getValue());
        }
        if (!response.headers().contains(HttpHeaderNames.DATE))
        {
            response.headers().set(HttpHeaderNames.DATE, httpDate());
        }
        response.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
        if (!bodyless)
        {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (!keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response).addListener(written ->
        {
            if (!written.isSuccess())
            {
                ctx.close();
                return;
            }
            next(ctx);
        });
    }

    /** Now, as an HTTP {@code Date} header gives it. */
    static String httpDate()
    {
        return HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A reset or a write time-out: nothing to tell a client that is gone.
        ctx.close();
    }
}
