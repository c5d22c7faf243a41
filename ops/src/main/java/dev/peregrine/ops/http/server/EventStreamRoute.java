package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/**
 * A route answered with a long-lived server-sent event stream rather than one buffered response (see
 * {@link BoundedHttpServer#createEventStream}). It decides from the request first, on the handler pool, as any
 * route does: whether this client may have the stream at all.
 */
@FunctionalInterface
public interface EventStreamRoute
{
    /**
     * Either answers {@code exchange} as an ordinary route would (a refusal: 401, 405...) and returns null, or sets
     * the response headers it wants on the stream's head (its security headers; the server adds the content type,
     * {@code Cache-Control: no-store} and chunked framing) without sending them, and returns the stream's source.
     */
    EventSource open(HttpExchange exchange) throws IOException;
}
