package dev.peregrine.core.number;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WideSumsTest
{
    @Test
    void sumsPastTheLongRangeStayExact()
    {
        final WideSums sums = new WideSums(1);
        BigInteger exact = BigInteger.ZERO;
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++)
        {
            final long v = random.nextInt(3) == 0 ? Long.MAX_VALUE - random.nextInt(1000) : random.nextLong();
            if (random.nextBoolean())
            {
                sums.add(0, v);
                exact = exact.add(BigInteger.valueOf(v));
            }
            else
            {
                sums.subtract(0, v);
                exact = exact.subtract(BigInteger.valueOf(v));
            }
            final double expected = exact.doubleValue();
            assertThat(sums.toDouble(0)).isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.ulp(expected) * 2));
            if (exact.bitLength() < 64)
            {
                assertThat(sums.toDouble(0)).isEqualTo(expected); // exactly what a long sum gave
            }
            assertThat(sums.fitsLong(0)).isEqualTo(exact.bitLength() < 64);
        }
    }

    @Test
    void aQuotientOfAHugeSumIsPositiveAndSaturates()
    {
        final WideSums sums = new WideSums(1);
        for (int i = 0; i < 3; i++)
        {
            sums.add(0, Long.MAX_VALUE);
        }
        assertThat(sums.fitsLong(0)).isFalse();
        assertThat(sums.quotient(0, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(sums.quotient(0, 4)).isPositive();
        sums.subtract(0, Long.MAX_VALUE);
        sums.subtract(0, Long.MAX_VALUE);
        assertThat(sums.fitsLong(0)).isTrue();
        assertThat(sums.quotient(0, 1)).isEqualTo(Long.MAX_VALUE);
    }
}
