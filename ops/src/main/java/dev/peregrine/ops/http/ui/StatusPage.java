package dev.peregrine.ops.http.ui;

import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.http.AdminApi;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.http.server.EventSource;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /ui/} on the admin (health) port: the status page, served from the jar with no network at all. Nothing but
 * the login form and its stylesheet without a session (see {@link UiSessions}); {@code /ui/?token=T} logs in once and
 * redirects (303) to {@code /ui/} so the token leaves the address bar and the history. {@code /ui/events} is the
 * page's server-sent event stream: one connection held open, an overview a second on it (see {@link OverviewEvents}),
 * for a logged-in session only. The page reads {@code /admin/overview} and posts its commands to {@code /admin/<command>}
 * with its session and CSRF token: the admin API's own path, journaled as any API command.
 */
public final class StatusPage implements AutoCloseable
{
    /** Scripts, styles and connections from this origin only; no inline code, no frames, no forms elsewhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final int MAX_LOGIN_BODY_BYTES = 1024;

    private final UiSessions sessions;
    private final Overview source;
    private final OverviewCache overview;

    private StatusPage(final UiSessions sessions, final Overview source, final OverviewCache overview)
    {
        this.sessions = sessions;
        this.source = source;
        this.overview = overview;
    }

    /** Adds {@code /ui/} to {@code server} and {@code /admin/overview} plus session logins to {@code admin}. */
    public static StatusPage install(final BoundedHttpServer server, final LiveEngine engine, final AdminApi admin,
        final String adminToken, final LatencySidecar sidecar)
    {
        final UiSessions sessions = new UiSessions(adminToken);
        final Overview source = new Overview(engine, sidecar);
        final OverviewCache cache = new OverviewCache(source::json);
        final StatusPage page = new StatusPage(sessions, source, cache);
        admin.attachStatusPage(cache, exchange -> sessions.authorizes(exchange.getRequestMethod(),
            exchange.getRequestHeaders().getFirst("Cookie"), exchange.getRequestHeaders().getFirst(UiSessions.CSRF_HEADER)));
        server.createContext("/ui", page::handle);
        server.createEventStream("/ui/events", page::openEvents);
        return page;
    }

    /** Closes what the overview holds open (the decision journal's reader); call after the server stopped. */
    @Override
    public void close()
    {
        synchronized (overview)
        {
            source.close();
        }
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            try
            {
                route(exchange);
            }
            catch (final RuntimeException ex)
            {
                // Never a stack trace to the browser: the type names the failure well enough to report it.
                send(exchange, 500, "text/plain; charset=utf-8", ("internal error (" + ex.getClass().getSimpleName() + ")")
                    .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code /ui/events}: the overview stream for a live session, 401 (and no stream) for anyone else. */
    private EventSource openEvents(final HttpExchange exchange) throws IOException
    {
        final String method = exchange.getRequestMethod();
        final String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (sessions.find(cookie) == null)
        {
            send(exchange, 401, "text/plain; charset=utf-8", "log in at /ui/ with the admin token".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method))
        {
            send(exchange, 405, "text/plain; charset=utf-8", "use GET for /ui/events".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        securityHeaders(exchange);
        return new OverviewEvents(sessions, cookie, overview);
    }

    private void route(final HttpExchange exchange) throws IOException
    {
        final String path = exchange.getRequestURI().getPath();
        final String method = exchange.getRequestMethod();
        final String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if ("/ui".equals(path))
        {
            redirect(exchange, "/ui/");
            return;
        }
        if ("/ui/app.css".equals(path) || "/ui/favicon.svg".equals(path))
        {
            // Styles and the icon carry no data, and the login form needs them too.
            send(exchange, 200, path.endsWith(".css") ? "text/css; charset=utf-8" : "image/svg+xml",
                UiResources.bytes(path.substring("/ui/".length())));
            return;
        }
        if ("/ui/login".equals(path) && "POST".equals(method))
        {
            login(exchange, formToken(exchange));
            return;
        }
        final String queryToken = queryToken(exchange.getRequestURI().getRawQuery());
        if ("/ui/".equals(path) && queryToken != null)
        {
            login(exchange, queryToken);
            return;
        }
        final UiSessions.Session session = sessions.find(cookie);
        if (session == null)
        {
            if ("/ui/".equals(path) && ("GET".equals(method) || "HEAD".equals(method)))
            {
                send(exchange, 200, "text/html; charset=utf-8", UiResources.loginPage(null));
            }
            else
            {
                send(exchange, 401, "text/plain; charset=utf-8", "log in at /ui/ with the admin token".getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        if ("/ui/logout".equals(path) && "POST".equals(method))
        {
            if (!sessions.authorizes(method, cookie, exchange.getRequestHeaders().getFirst(UiSessions.CSRF_HEADER)))
            {
                send(exchange, 403, "text/plain; charset=utf-8", "missing or wrong CSRF token".getBytes(StandardCharsets.UTF_8));
                return;
            }
            sessions.logout(cookie);
            exchange.getResponseHeaders().add("Set-Cookie", UiSessions.clearCookie());
            send(exchange, 204, null, null);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method))
        {
            send(exchange, 405, "text/plain; charset=utf-8", ("use GET for " + path).getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (path)
        {
            case "/ui/" -> send(exchange, 200, "text/html; charset=utf-8", UiResources.page(session.csrf()));
            case "/ui/app.js" -> send(exchange, 200, "text/javascript; charset=utf-8", UiResources.bytes("app.js"));
            default -> send(exchange, 404, "text/plain; charset=utf-8", ("no such page: " + path).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void login(final HttpExchange exchange, final String candidate) throws IOException
    {
        final UiSessions.Session session = sessions.login(candidate);
        if (session == null)
        {
            send(exchange, 401, "text/html; charset=utf-8", UiResources.loginPage("That is not the admin token."));
            return;
        }
        exchange.getResponseHeaders().add("Set-Cookie", session.setCookie());
        redirect(exchange, "/ui/");
    }

    /** The {@code token} of {@code /ui/?token=T}, or null. */
    static String queryToken(final String rawQuery)
    {
        return formField(rawQuery, "token");
    }

    private static String formToken(final HttpExchange exchange) throws IOException
    {
        final byte[] body = exchange.getRequestBody().readNBytes(MAX_LOGIN_BODY_BYTES + 1);
        return body.length > MAX_LOGIN_BODY_BYTES ? null : formField(new String(body, StandardCharsets.UTF_8), "token");
    }

    private static String formField(final String encoded, final String name)
    {
        if (encoded == null)
        {
            return null;
        }
        for (final String pair : encoded.split("&"))
        {
            if (pair.startsWith(name + "="))
            {
                try
                {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
                catch (final IllegalArgumentException badEscape)
                {
                    return null;
                }
            }
        }
        return null;
    }

    private static void redirect(final HttpExchange exchange, final String location) throws IOException
    {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 303, null, null);
    }

    private static void securityHeaders(final HttpExchange exchange)
    {
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body) throws IOException
    {
        securityHeaders(exchange);
        if (type != null)
        {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, body == null || head ? -1 : body.length);
        if (body != null && !head)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }
}
