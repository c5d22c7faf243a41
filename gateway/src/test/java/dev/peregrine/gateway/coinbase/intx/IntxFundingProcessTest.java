package dev.peregrine.gateway.coinbase.intx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated funding schedule: on the multiples of the interval, rates in range and the same for every reader. */
class IntxFundingProcessTest
{
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void fundingsFallOnTheHour()
    {
        final IntxFundingProcess process = new IntxFundingProcess(42, HOUR);

        assertThat(process.nextFundingTime(10 * HOUR)).isEqualTo(11 * HOUR);
        assertThat(process.nextFundingTime(10 * HOUR + 1)).isEqualTo(11 * HOUR);
        assertThat(process.nextFundingTime(11 * HOUR - 1)).isEqualTo(11 * HOUR);
    }

    @Test
    void ratesAreRepeatableAndInRange()
    {
        final IntxFundingProcess one = new IntxFundingProcess(42, HOUR);
        final IntxFundingProcess two = new IntxFundingProcess(42, HOUR);
        int positive = 0;
        for (long hour = 1; hour <= 200; hour++)
        {
            final long rate = one.rate("BTC-PERP-INTX", hour * HOUR);
            assertThat(rate).isBetween(IntxFundingProcess.LOWEST_RATE, IntxFundingProcess.HIGHEST_RATE)
                .isEqualTo(two.rate("BTC-PERP-INTX", hour * HOUR));
            positive += rate > 0 ? 1 : 0;
        }
        assertThat(positive).isGreaterThan(100); // three quarters of the range is positive: longs pay more often
        assertThat(one.rate("BTC-PERP-INTX", HOUR)).isNotEqualTo(new IntxFundingProcess(43, HOUR).rate("BTC-PERP-INTX", HOUR));
    }
}
