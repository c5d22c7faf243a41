package dev.peregrine.gateway.binance.emulator;

import java.util.HashMap;
import java.util.Map;

/**
 * The venue's {@code REQUEST_WEIGHT} limit per IP over one clock minute: every request adds its endpoint's weight;
 * past the limit a request is refused with 429 and a {@code Retry-After} of the seconds left in the minute, and an
 * IP that keeps sending after {@link #BAN_AFTER_REFUSALS} refusals in one minute is banned for two minutes: 418 with
 * {@code Retry-After} until the ban ends. (The venue scales bans from 2 minutes to 3 days; the emulator keeps the
 * first step.) A refused request adds no weight.
 */
final class RequestWeightLimit
{
    /** The venue's published limit: 6,000 weight per minute. */
    static final int DEFAULT_LIMIT = 6_000;
    static final int BAN_AFTER_REFUSALS = 10;
    static final long BAN_MILLIS = 120_000;
    private static final long MINUTE_MILLIS = 60_000;

    /** What became of one request: admitted (status 0) or refused with 429/418 after {@code retryAfterSeconds}. */
    record Verdict(int status, long retryAfterSeconds, String msg, int usedWeight)
    {
        boolean admitted()
        {
            return status == 0;
        }
    }

    private static final class Usage
    {
        long minute;
        int used;
        int refusals;
        long bannedUntil;
    }

    private final Map<String, Usage> byIp = new HashMap<>();
    private int limit = DEFAULT_LIMIT;

    void limit(final int limit)
    {
        if (limit < 1)
        {
            throw new IllegalArgumentException("request weight limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    Verdict admit(final String ip, final int weight, final long nowMillis)
    {
        final Usage usage = byIp.computeIfAbsent(ip == null ? "" : ip, k -> new Usage());
        final long minute = nowMillis / MINUTE_MILLIS;
        if (usage.minute != minute)
        {
            usage.minute = minute;
            usage.used = 0;
            usage.refusals = 0;
        }
        if (usage.bannedUntil > nowMillis)
        {
            return banned(usage, nowMillis);
        }
        if (usage.used + weight > limit)
        {
            if (++usage.refusals > BAN_AFTER_REFUSALS)
            {
                usage.bannedUntil = nowMillis + BAN_MILLIS;
                return banned(usage, nowMillis);
            }
            final long retryAfter = Math.max(1, ((minute + 1) * MINUTE_MILLIS - nowMillis + 999) / 1000);
            return new Verdict(429, retryAfter, "Too much request weight used; current limit is " + limit +
                " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", usage.used);
        }
        usage.used += weight;
        return new Verdict(0, 0, null, usage.used);
    }

    private static Verdict banned(final Usage usage, final long nowMillis)
    {
        return new Verdict(418, Math.max(1, (usage.bannedUntil - nowMillis + 999) / 1000), "Way too much request weight used; IP banned until " +
            usage.bannedUntil + ". Please use WebSocket Streams for live updates to avoid bans.", usage.used);
    }

    int used(final String ip, final long nowMillis)
    {
        final Usage usage = byIp.get(ip == null ? "" : ip);
        return usage == null || usage.minute != nowMillis / MINUTE_MILLIS ? 0 : usage.used;
    }
}
