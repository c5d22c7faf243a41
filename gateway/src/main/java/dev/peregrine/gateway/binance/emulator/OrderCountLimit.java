package dev.peregrine.gateway.binance.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's {@code ORDERS} limits, 100 new orders per 10 seconds and 200,000 per day as the venue publishes
 * them (and the simulated exchange's {@code exchangeInfo} lists): a create past either is refused with 429, -1015
 * and {@code Retry-After}; every accepted create's answer carries {@code x-mbx-order-count-10s} and
 * {@code x-mbx-order-count-1d}.
 */
final class OrderCountLimit
{
    static final int PER_10_SECONDS = 100;
    static final int PER_DAY = 200_000;
    private static final long TEN_SECONDS = 10_000;
    private static final long DAY = 86_400_000;

    private long tenSecondWindow = -1;
    private long dayWindow = -1;
    private int tenSecondCount;
    private int dayCount;

    private void roll(final long now)
    {
        if (now / TEN_SECONDS != tenSecondWindow)
        {
            tenSecondWindow = now / TEN_SECONDS;
            tenSecondCount = 0;
        }
        if (now / DAY != dayWindow)
        {
            dayWindow = now / DAY;
            dayCount = 0;
        }
    }

    /** @throws BinanceRejection 429 -1015 when one more order would pass a limit. */
    void admit(final long now)
    {
        roll(now);
        if (tenSecondCount >= PER_10_SECONDS)
        {
            throw new BinanceRejection(429, -1015, "Too many new orders; current limit is " + PER_10_SECONDS + " orders per 10 SECOND.");
        }
        if (dayCount >= PER_DAY)
        {
            throw new BinanceRejection(429, -1015, "Too many new orders; current limit is " + PER_DAY + " orders per DAY.");
        }
    }

    /** Seconds until the window that refused ends. */
    long retryAfterSeconds(final long now)
    {
        final long end = tenSecondCount >= PER_10_SECONDS ? (now / TEN_SECONDS + 1) * TEN_SECONDS : (now / DAY + 1) * DAY;
        return Math.max(1, (end - now + 999) / 1000);
    }

    void placed(final long now)
    {
        roll(now);
        tenSecondCount++;
        dayCount++;
    }

    Map<String, String> headers()
    {
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-mbx-order-count-10s", Integer.toString(tenSecondCount));
        headers.put("x-mbx-order-count-1d", Integer.toString(dayCount));
        return headers;
    }

    /** {@code GET /api/v3/rateLimit/order}. */
    List<Map<String, Object>> view(final long now)
    {
        roll(now);
        return List.of(entry("SECOND", 10, PER_10_SECONDS, tenSecondCount), entry("DAY", 1, PER_DAY, dayCount));
    }

    private static Map<String, Object> entry(final String interval, final int num, final int limit, final int count)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("rateLimitType", "ORDERS");
        m.put("interval", interval);
        m.put("intervalNum", num);
        m.put("limit", limit);
        m.put("count", count);
        return m;
    }
}
