package dev.peregrine.core.time;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EpochNanosTest
{
    private static long parse(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return EpochNanos.parse(bytes, 0, bytes.length);
    }

    private static long nanos(final Instant instant)
    {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Test
    void parsesCoinbaseTimestamps()
    {
        assertThat(parse("2026-08-09T21:05:48.229198328Z")).isEqualTo(nanos(Instant.parse("2026-08-09T21:05:48.229198328Z")));
        assertThat(parse("2026-08-09T21:05:48.167634Z")).isEqualTo(nanos(Instant.parse("2026-08-09T21:05:48.167634Z")));
        assertThat(parse("2026-08-09T21:05:48Z")).isEqualTo(nanos(Instant.parse("2026-08-09T21:05:48Z")));
        assertThat(parse("2026-08-09T23:05:48.5+02:00")).isEqualTo(nanos(Instant.parse("2026-08-09T21:05:48.5Z")));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++)
        {
            final Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            assertThat(parse(instant.toString())).as(instant.toString()).isEqualTo(nanos(instant));
        }
    }

    @Test
    void rejectsWhatIsNotATimestamp()
    {
        assertThat(parse("2026-08-09 21:05:48.85 +0000 UTC m=+41691.26")).isEqualTo(EpochNanos.INVALID);
        assertThat(parse("2026-13-09T21:05:48Z")).isEqualTo(EpochNanos.INVALID);
        assertThat(parse("2026-08-09T21:05:48")).isEqualTo(EpochNanos.INVALID);
        assertThat(parse("2026-08-09T21:05:48.Z")).isEqualTo(EpochNanos.INVALID);
        assertThat(parse("garbage")).isEqualTo(EpochNanos.INVALID);
    }
}
