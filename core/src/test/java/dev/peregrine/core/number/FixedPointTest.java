package dev.peregrine.core.number;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FixedPointTest
{
    private static long parse(final String text)
    {
        final byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.US_ASCII);
        return FixedPoint.parse(bytes, 2, text.length());
    }

    @Test
    void parsesDecimalsFromBytesInPlace()
    {
        assertThat(parse("65086.18")).isEqualTo(6_508_618_000_000L);
        assertThat(parse("0.00000001")).isEqualTo(1L);
        assertThat(parse("12")).isEqualTo(1_200_000_000L);
        assertThat(parse("-0.5")).isEqualTo(-50_000_000L);
        assertThat(parse(".5")).isEqualTo(50_000_000L);
        assertThat(parse("5.")).isEqualTo(500_000_000L);
        assertThat(parse("0")).isZero();
        assertThat(parse("1.2345678900000")).isEqualTo(123_456_789L);
    }

    @Test
    void reportsWhyTextIsNotAValue()
    {
        assertThat(parse("")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse("NaN")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse("1e-8")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse("-")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse(".")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse("1.2.3")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse(" 1")).isEqualTo(FixedPoint.ERR_SYNTAX);
        assertThat(parse("0.000000001")).isEqualTo(FixedPoint.ERR_TOO_MANY_DECIMALS);
        assertThat(parse("92233720368.54775808")).isEqualTo(FixedPoint.ERR_OVERFLOW);
        assertThat(parse("99999999999999999999")).isEqualTo(FixedPoint.ERR_OVERFLOW);
        assertThat(FixedPoint.isError(parse("92233720368.54775807"))).isFalse();
    }

    @Test
    void agreesWithBigDecimalOnRandomDecimals()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++)
        {
            final long scaled = random.nextLong(-9_000_000_000_000_000L, 9_000_000_000_000_000L);
            final BigDecimal value = BigDecimal.valueOf(scaled, FixedPoint.DECIMALS);
            final String text = random.nextBoolean() ? value.toPlainString() : value.stripTrailingZeros().toPlainString();
            assertThat(parse(text)).as(text).isEqualTo(scaled);
            assertThat(FixedPoint.toString(scaled)).as(text)
                .isEqualTo(value.stripTrailingZeros().toPlainString().replaceAll("^-0$", "0"));
        }
    }

    @Test
    void roundsDownToIncrements()
    {
        assertThat(FixedPoint.floorToIncrement(FixedPoint.parse("0.01538461"), FixedPoint.parse("0.001")))
            .isEqualTo(FixedPoint.parse("0.015"));
    }
}
