package dev.peregrine.core.risk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local day, minute of day and weekday of an event time in one zone, without a {@code java.time}
 * object per call: the zone offset is looked up when event time leaves the span between two of the
 * zone's transitions, and everything else is integer arithmetic. Deterministic: it depends only on
 * the event times it is given.
 */
public final class ZonedClock
{
    private static final long SECONDS_PER_DAY = 86_400L;

    private final ZoneRules rules;
    private long validFromSeconds = Long.MAX_VALUE;
    private long validToSeconds = Long.MIN_VALUE;
    private int offsetSeconds;

    public ZonedClock(final ZoneId zone)
    {
        this.rules = zone.getRules();
    }

    private long localSeconds(final long epochNanos)
    {
        final long epochSeconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        if (epochSeconds < validFromSeconds || epochSeconds >= validToSeconds)
        {
            refresh(epochSeconds);
        }
        return epochSeconds + offsetSeconds;
    }

    /**
     * Looks the offset up once and remembers until when it holds: between the zone's previous and next
     * transition. Allocates (an {@code Instant} and the JDK's transition lookups) only when event time
     * crosses a transition, twice a year in a zone with daylight saving and never in UTC.
     */
    private void refresh(final long epochSeconds)
    {
        final Instant instant = Instant.ofEpochSecond(epochSeconds);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        final ZoneOffsetTransition next = rules.nextTransition(instant);
        final ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        validToSeconds = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        validFromSeconds = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
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
