package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.HttpHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Path prefix to handler, matched as the JDK's {@code HttpServer} matches its contexts: the longest
 * registered prefix of the request's path wins ({@code /admin/} serves {@code /admin/status}, {@code /health}
 * also serves {@code /healthz}); no match is 404.
 */
final class Routes
{
    private final Map<String, HttpHandler> byPrefix = new ConcurrentSkipListMap<>();

    void add(final String prefix, final HttpHandler handler)
    {
        if (prefix == null || !prefix.startsWith("/"))
        {
            throw new IllegalArgumentException("a route starts with '/', got " + prefix);
        }
        if (byPrefix.putIfAbsent(prefix, handler) != null)
        {
            throw new IllegalArgumentException("route " + prefix + " is already served");
        }
    }

    /** The handler of the longest prefix of {@code path}, or null. */
    HttpHandler find(final String path)
    {
        String best = null;
        for (final String prefix : byPrefix.keySet())
        {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length()))
            {
                best = prefix;
            }
        }
        return best == null ? null : byPrefix.get(best);
    }
}
