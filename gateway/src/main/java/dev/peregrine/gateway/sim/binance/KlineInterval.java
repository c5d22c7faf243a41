package dev.peregrine.gateway.sim.binance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A Binance kline interval ({@code 1s}, {@code 1m} ... {@code 1d}, {@code 3d}, {@code 1w}, {@code 1M}): where a candle
 * of it opens for a given time. Binance aligns candles to UTC; weeks open on Monday, months on the 1st.
 *
 * @param name   as the API spells it.
 * @param millis the length, for every interval but {@code 1M} (0 there: months differ).
 */
record KlineInterval(String name, long millis)
{
    static final List<String> NAMES = List.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h",
        "1d", "3d", "1w", "1M");
    /** 1970-01-01 was a Thursday: weeks open four days later in each cycle. */
    private static final long MONDAY_OFFSET_MILLIS = 4 * 86_400_000L;

    /** The interval named {@code name}, or null if Binance has none of that name. */
    static KlineInterval parse(final String name)
    {
        if (name == null || !NAMES.contains(name))
        {
            return null;
        }
        if ("1M".equals(name))
        {
            return new KlineInterval(name, 0);
        }
        final long count = Long.parseLong(name.substring(0, name.length() - 1));
        final long unit = switch (name.charAt(name.length() - 1))
        {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> 7 * 86_400_000L;
        };
        return new KlineInterval(name, count * unit);
    }

    /** When the candle holding {@code epochMillis} opens. */
    long openOf(final long epochMillis)
    {
        if (millis == 0)
        {
            final ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
            return time.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        final long offset = "1w".equals(name) ? MONDAY_OFFSET_MILLIS : 0;
        return Math.floorDiv(epochMillis - offset, millis) * millis + offset;
    }

    /** The last millisecond of the candle opening at {@code open}, as Binance's close time reads. */
    long closeOf(final long open)
    {
        if (millis == 0)
        {
            return Instant.ofEpochMilli(open).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().toEpochMilli() - 1;
        }
        return open + millis - 1;
    }
}
