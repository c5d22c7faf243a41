package dev.peregrine.ops.http.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The status page's logins: the admin token, given once (login form or {@code /ui/?token=}), buys a session whose
 * id travels in an HttpOnly, SameSite=Strict cookie (scripts cannot read it, other sites cannot send it) and whose
 * CSRF token the page sends in the {@value #CSRF_HEADER} header with every command. A cookie alone never moves the
 * engine: a POST needs both. Sessions live {@link #LIFETIME_HOURS} hours, at most {@link #MAX_SESSIONS} at once
 * (the oldest goes first), and only in memory: a restart logs everyone out.
 */
public final class UiSessions
{
    public static final String COOKIE = "peregrine_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final int MAX_SESSIONS = 32;
    static final long LIFETIME_HOURS = 12;

    private final byte[] adminToken;
    private final LongSupplier nanoClock;
    private final SecureRandom random = new SecureRandom();
    /** Insertion order is login order, so the first entry is the one to drop when full. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /** A login, as the session cookie and the CSRF token name it. */
    public record Session(String id, String csrf, long expiresAtNanos)
    {
        /** The {@code Set-Cookie} value that hands this session to the browser. */
        public String setCookie()
        {
            return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
        }
    }

    public UiSessions(final String adminToken)
    {
        this(adminToken, System::nanoTime);
    }

    UiSessions(final String adminToken, final LongSupplier nanoClock)
    {
        if (adminToken == null || adminToken.length() < 16)
        {
            throw new IllegalArgumentException("the admin token must be at least 16 characters (see AdminToken)");
        }
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.nanoClock = nanoClock;
    }

    /** A new session when {@code candidate} is the admin token (compared in constant time), else null. */
    public Session login(final String candidate)
    {
        if (candidate == null || !MessageDigest.isEqual(adminToken, candidate.getBytes(StandardCharsets.UTF_8)))
        {
            return null;
        }
        final Session session = new Session(randomHex(), randomHex(),
            nanoClock.getAsLong() + TimeUnit.HOURS.toNanos(LIFETIME_HOURS));
        synchronized (sessions)
        {
            dropExpired();
            if (sessions.size() >= MAX_SESSIONS)
            {
                final Iterator<String> oldest = sessions.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            sessions.put(session.id(), session);
        }
        return session;
    }

    /** The live session a {@code Cookie} request header names, or null. */
    public Session find(final String cookieHeader)
    {
        if (cookieHeader == null)
        {
            return null;
        }
        synchronized (sessions)
        {
            dropExpired();
            for (final String pair : cookieHeader.split(";"))
            {
                final String trimmed = pair.trim();
                if (trimmed.startsWith(COOKIE + "="))
                {
                    final Session session = sessions.get(trimmed.substring(COOKIE.length() + 1));
                    if (session != null)
                    {
                        return session;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether a request with these headers acts for a logged-in operator: a live session, and for anything but GET
     * and HEAD also that session's CSRF token in {@value #CSRF_HEADER}.
     */
    public boolean authorizes(final String method, final String cookieHeader, final String csrfHeader)
    {
        final Session session = find(cookieHeader);
        if (session == null)
        {
            return false;
        }
        if ("GET".equals(method) || "HEAD".equals(method))
        {
            return true;
        }
        return csrfHeader != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
            csrfHeader.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the session the cookie names, if any. */
    public void logout(final String cookieHeader)
    {
        final Session session = find(cookieHeader);
        if (session != null)
        {
            synchronized (sessions)
            {
                sessions.remove(session.id());
            }
        }
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public static String clearCookie()
    {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    int size()
    {
        synchronized (sessions)
        {
            return sessions.size();
        }
    }

    private void dropExpired()
    {
        final long now = nanoClock.getAsLong();
        sessions.values().removeIf(s -> now - s.expiresAtNanos() >= 0);
    }

    private String randomHex()
    {
        final byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
