package dev.peregrine.gateway.coinbase.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding one-second window, on a clock the test moves. */
class EmulatorRateLimitTest
{
    private long now = 10_000;
    private final EmulatorRateLimit limit = new EmulatorRateLimit(() -> now);

    @Test
    void offUntilTurnedOn()
    {
        for (int i = 0; i < 100; i++)
        {
            assertThat(limit.admit(true)).isTrue();
        }
    }

    @Test
    void admitsTheLimitInAnyOneSecondCountingPublicAndPrivateApart()
    {
        limit.limits(2, 3);
        assertThat(limit.admit(true)).isTrue();
        now += 400;
        assertThat(limit.admit(true)).isTrue();
        assertThat(limit.admit(true)).isFalse();
        assertThat(limit.admit(false)).isTrue();
        assertThat(limit.admit(false)).isTrue();
        assertThat(limit.admit(false)).isTrue();
        assertThat(limit.admit(false)).isFalse();
        now += 600; // the first public request is a second old now
        assertThat(limit.admit(true)).isTrue();
        assertThat(limit.admit(true)).isFalse();
        assertThat(limit.limit(true)).isEqualTo(2);
    }
}
