package dev.peregrine.core.risk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Local day, minute of day and weekday of an event time in one zone, without a {@code java.time}
 * object per call: the zone offset is looked up once per quarter hour of event time (zone transitions fall on
 * quarter hours at the finest, and on a fixed-offset zone never), and everything else is integer
 * arithmetic. Deterministic: it depends only on the event times it is given.
 */
public final class ZonedClock
{
    private static final long SECONDS_PER_DAY = 86_400L;

    private final ZoneRules rules;
    private final boolean fixed;
    private long cachedQuarter = Long.MIN_VALUE;
    private int offsetSeconds;

    public ZonedClock(final ZoneId zone)
    {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        if (fixed)
        {
            offsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        }
    }

    private long localSeconds(final long epochNanos)
    {
        final long epochSeconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        if (!fixed)
        {
            // Offsets change on the quarter hour at the finest (a few zones): refresh every 15 minutes.
            final long quarter = Math.floorDiv(epochSeconds, 900L);
            if (quarter != cachedQuarter)
            {
                cachedQuarter = quarter;
                offsetSeconds = rules.getOffset(Instant.ofEpochSecond(epochSeconds)).getTotalSeconds();
            }
        }
        return epochSeconds + offsetSeconds;
    }

    /** Local calendar day number (days since 1970-01-01 in this zone). */
    public long localEpochDay(final long epochNanos)
    {
        return Math.floorDiv(localSeconds(epochNanos), SECONDS_PER_DAY);
    }

    /** Minute of the local day, 0..1439. */
    public int minuteOfDay(final long epochNanos)
    {
        return (int)(Math.floorMod(localSeconds(epochNanos), SECONDS_PER_DAY) / 60);
    }

    /** ISO weekday of the local day: 1 = Monday ... 7 = Sunday. */
    public int isoDayOfWeek(final long epochNanos)
    {
        // 1970-01-01 was a Thursday (ISO 4).
        return (int)Math.floorMod(localEpochDay(epochNanos) + 3, 7L) + 1;
    }
}
