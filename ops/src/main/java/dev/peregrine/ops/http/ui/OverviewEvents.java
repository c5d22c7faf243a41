package dev.peregrine.ops.http.ui;

import dev.peregrine.ops.http.server.EventSource;

import java.util.function.Supplier;

/**
 * One page's {@code /ui/events} stream: each tick an {@code overview} event with the (shared, at most a second old)
 * overview, for as long as the session that opened it lives; once it is logged out or expired the stream ends, and
 * the page's EventSource, reconnecting, is refused (401) and says so. The first event also carries {@code retry},
 * the browser's delay before it reconnects after a dropped connection.
 */
final class OverviewEvents implements EventSource
{
    static final int RETRY_MILLIS = 1000;

    private final UiSessions sessions;
    private final String cookieHeader;
    private final Supplier<String> overview;
    private boolean first = true;

    OverviewEvents(final UiSessions sessions, final String cookieHeader, final Supplier<String> overview)
    {
        this.sessions = sessions;
        this.cookieHeader = cookieHeader;
        this.overview = overview;
    }

    @Override
    public String next()
    {
        if (sessions.find(cookieHeader) == null)
        {
            return null;
        }
        final String event = (first ? "retry: " + RETRY_MILLIS + "\n" : "") + "event: overview\ndata: " + overview.get() + "\n\n";
        first = false;
        return event;
    }
}
