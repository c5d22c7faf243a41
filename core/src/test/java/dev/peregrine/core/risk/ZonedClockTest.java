package dev.peregrine.core.risk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ZonedClockTest
{
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long nanos(final Instant instant)
    {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Test
    void followsDaylightSavingAcrossTransitionsInBothDirections()
    {
        final ZonedClock clock = new ZonedClock(NEW_YORK);
        // 2026-03-08 02:00 EST becomes 03:00 EDT; 2026-11-01 02:00 EDT becomes 01:00 EST.
        final Instant springBefore = ZonedDateTime.of(2026, 3, 8, 1, 59, 0, 0, NEW_YORK).toInstant();
        assertThat(clock.minuteOfDay(nanos(springBefore))).isEqualTo(119);
        assertThat(clock.minuteOfDay(nanos(springBefore.plusSeconds(60)))).isEqualTo(180);
        final Instant fall = ZonedDateTime.of(2026, 11, 1, 1, 59, 0, 0, NEW_YORK).toInstant();
        assertThat(clock.minuteOfDay(nanos(fall))).isEqualTo(119);
        assertThat(clock.minuteOfDay(nanos(fall.plusSeconds(60)))).isEqualTo(60);
        // And back in time (a replay of an older journal with the same clock object).
        assertThat(clock.minuteOfDay(nanos(springBefore))).isEqualTo(119);
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsInSeveralZones()
    {
        final SplittableRandom random = new SplittableRandom(3);
        for (final String zone : new String[]{"UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe"})
        {
            final ZoneId id = ZoneId.of(zone);
            final ZonedClock clock = new ZonedClock(id);
            long seconds = 1_700_000_000L;
            for (int i = 0; i < 20_000; i++)
            {
                seconds += random.nextLong(0, 40_000);   // mostly forward, across many transitions
                final ZonedDateTime local = Instant.ofEpochSecond(seconds).atZone(id);
                final long n = seconds * 1_000_000_000L;
                assertThat(clock.minuteOfDay(n)).as("%s %s", zone, local).isEqualTo(local.getHour() * 60 + local.getMinute());
                assertThat(clock.isoDayOfWeek(n)).as("%s %s", zone, local).isEqualTo(local.getDayOfWeek().getValue());
                assertThat(clock.localEpochDay(n)).isEqualTo(local.toLocalDate().toEpochDay());
            }
        }
    }
}
