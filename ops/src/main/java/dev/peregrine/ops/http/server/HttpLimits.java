package dev.peregrine.ops.http.server;

import java.time.Duration;

/**
 * What one client may take from a {@link BoundedHttpServer}: time, connections and bytes. The defaults are
 * sized for an operator, an orchestrator's probe and a Prometheus scrape on loopback, and documented in
 * the ops README (HTTP section); a test builds tighter or looser limits to reach each edge quickly.
 *
 * @param requestTimeout    a whole request (line, headers, body) must arrive within this long of the
 *                          connection opening or of the previous response; otherwise the connection is
 *                          closed (with 408 when part of a request had arrived). This bounds idle, half-sent
 *                          and byte-a-second clients alike: a read time-out that restarts on every byte would not.
 * @param writeTimeout      a response not taken by the client within this long closes the connection.
 * @param maxConnections    open connections at most; past it the server stops accepting until one closes, so
 *                          further clients wait in the kernel's accept queue instead of being refused.
 * @param maxRequestLine    bytes in the request line (method, path and query, version); past it 414.
 * @param maxHeaderBytes    bytes in all header lines together; past it 431.
 * @param maxBodyBytes      bytes in a request body; past it 413.
 * @param handlerThreads    threads that run the route handlers on complete requests; a slow client never
 *                          holds one, since the event loop reads the whole request first.
 */
public record HttpLimits(Duration requestTimeout, Duration writeTimeout, int maxConnections, int maxRequestLine,
    int maxHeaderBytes, int maxBodyBytes, int handlerThreads)
{
    /** The limits of the health and metrics ports. */
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 128,
        8 * 1024, 16 * 1024, 64 * 1024, 4);

    public HttpLimits
    {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero())
        {
            throw new IllegalArgumentException("HTTP time-outs must be positive, got request " + requestTimeout +
                ", write " + writeTimeout);
        }
        if (maxConnections < 1 || maxRequestLine < 64 || maxHeaderBytes < 256 || maxBodyBytes < 0 || handlerThreads < 1)
        {
            throw new IllegalArgumentException("HTTP limits out of range: " + maxConnections + " connections, request line " +
                maxRequestLine + ", headers " + maxHeaderBytes + ", body " + maxBodyBytes + ", " + handlerThreads + " threads");
        }
    }

    public HttpLimits withRequestTimeout(final Duration timeout)
    {
        return new HttpLimits(timeout, writeTimeout, maxConnections, maxRequestLine, maxHeaderBytes, maxBodyBytes,
            handlerThreads);
    }

    public HttpLimits withMaxConnections(final int connections)
    {
        return new HttpLimits(requestTimeout, writeTimeout, connections, maxRequestLine, maxHeaderBytes, maxBodyBytes,
            handlerThreads);
    }
}
