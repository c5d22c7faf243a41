package dev.peregrine.gateway.sim.binance;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance's per-IP request weight limit, as the venue documents it: each request adds its endpoint's weight to the
 * IP's total of the current UTC minute, every answer carries that total ({@code X-MBX-USED-WEIGHT},
 * {@code X-MBX-USED-WEIGHT-1M}), a request past the limit gets 429 with {@code Retry-After} (the seconds to the next
 * minute), and an IP that keeps sending after its 429 is banned with 418 and the seconds the ban lasts (the venue's
 * shortest ban, two minutes). Event loop only.
 */
final class RequestWeightLimit
{
    /** Requests an IP may still send after its first 429 of a minute before it is banned. */
    static final int REQUESTS_TOLERATED_AFTER_429 = 10;
    static final long BAN_MILLIS = 120_000;
    private static final long MINUTE_MILLIS = 60_000;

    private final int limit;
    private final LongSupplier epochMillis;
    private final Map<String, Usage> byIp = new HashMap<>();

    /** @param limit the weight an IP may use per minute (Binance's: 6000). */
    RequestWeightLimit(final int limit, final LongSupplier epochMillis)
    {
        if (limit < 1)
        {
            throw new IllegalArgumentException("request weight limit must be >= 1, was " + limit);
        }
        this.limit = limit;
        this.epochMillis = epochMillis;
    }

    /**
     * Counts a request of {@code weight} from {@code ip}.
     *
     * @return null when it may be served, else the 429 or 418 answer to give instead.
     */
    BinanceHttpAnswer admit(final String ip, final int weight)
    {
        final long now = epochMillis.getAsLong();
        final Usage usage = byIp.computeIfAbsent(ip, key -> new Usage());
        final long minute = now / MINUTE_MILLIS;
        if (usage.minute != minute)
        {
            usage.minute = minute;
            usage.weight = 0;
            usage.refusedThisMinute = 0;
        }
        if (now < usage.bannedUntil)
        {
            return refusal(418, "Way too much request weight used; IP banned until " + usage.bannedUntil +
                ". Please use WebSocket Streams for live updates to avoid bans.", (usage.bannedUntil - now + 999) / 1000);
        }
        usage.weight += weight;
        if (usage.weight <= limit)
        {
            return null;
        }
        if (++usage.refusedThisMinute > REQUESTS_TOLERATED_AFTER_429)
        {
            usage.bannedUntil = now + BAN_MILLIS;
            return refusal(418, "Way too much request weight used; IP banned until " + usage.bannedUntil +
                ". Please use WebSocket Streams for live updates to avoid bans.", BAN_MILLIS / 1000);
        }
        return refusal(429, "Too much request weight used; current limit is " + limit +
            " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
            ((minute + 1) * MINUTE_MILLIS - now + 999) / 1000);
    }

    /** The weight {@code ip} used this minute. */
    int used(final String ip)
    {
        final Usage usage = byIp.get(ip);
        return usage == null || usage.minute != epochMillis.getAsLong() / MINUTE_MILLIS ? 0 : usage.weight;
    }

    /** {@code answer} with the used-weight headers every answer carries (a header already there is kept). */
    BinanceHttpAnswer withHeaders(final String ip, final BinanceHttpAnswer answer)
    {
        final Map<String, String> headers = new HashMap<>(answer.headers());
        final String used = Integer.toString(used(ip));
        headers.putIfAbsent("x-mbx-used-weight", used);
        headers.putIfAbsent("x-mbx-used-weight-1m", used);
        return new BinanceHttpAnswer(answer.status(), headers, answer.body());
    }

    private static BinanceHttpAnswer refusal(final int status, final String message, final long retryAfterSeconds)
    {
        final BinanceHttpAnswer error = BinanceAnswers.error(status, -1003, message);
        return new BinanceHttpAnswer(status, Map.of("retry-after", Long.toString(Math.max(1, retryAfterSeconds))), error.body());
    }

    /** One IP's figures for the current minute. */
    private static final class Usage
    {
        long minute = -1;
        int weight;
        int refusedThisMinute;
        long bannedUntil;
    }
}
