package dev.peregrine.gateway.json;

import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Decimals} must give exactly what the general parsers give, value and error alike. */
class DecimalsTest
{
    @ParameterizedTest
    @ValueSource(strings = {
        "61837.63000000", "0.02000000", "1", "0", "007", "1.", ".5", "-0.5", "+1", "1.5", "1.123456789",
        "1.123456780", "12345678901.5", "9999999999.99999999", "99999999999", "92233720368.54775807",
        "92233720368.54775808", "1.2345678a", "1.a2345678", "1.23456789", "1..2", "1e5", "", "abc", "1.00000000",
        "1234567890.12345678", "1.1234567/", "1.123456:8", "\u00e9.12345678", "12.345678\u00e9"})
    void decimalAgreesWithFixedPoint(final String text)
    {
        final byte[] b = ("xx" + text + "yyyyyyyy").getBytes(StandardCharsets.UTF_8);
        final int length = text.getBytes(StandardCharsets.UTF_8).length;
        assertThat(Decimals.parse(b, 2, length)).as(text).isEqualTo(FixedPoint.parse(b, 2, length));
    }

    @Test
    void decimalAgreesWithFixedPointOnRandomText()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final byte[] alphabet = "0123456789..-+e/:".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 1_000_000; n++)
        {
            final byte[] b = new byte[32];
            final int length = random.nextInt(22);
            for (int i = 0; i < b.length; i++)
            {
                b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('0' + random.nextInt(10));
            }
            final int offset = random.nextInt(32 - length + 1);
            assertThat(Decimals.parse(b, offset, length)).isEqualTo(FixedPoint.parse(b, offset, length));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0", "3735683259, 3735683259", "1723161255343, 1723161255343", "123456789012345678, 123456789012345678",
        "9223372036854775807, 9223372036854775807", "9223372036854775808, -2", "99999999999999999999, -2",
        // Overflow is reported at the first digit that overflows, before a stray byte further on.
        "99999999999999999999x, -2", "-1, -1", "1.5, -1", "12a, -1", "'', -1"})
    void unsignedReadsDigitsOrSaysWhyNot(final String text, final long expected)
    {
        final byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Decimals.parseUnsigned(b, 0, b.length)).as(text).isEqualTo(expected);
    }
}
