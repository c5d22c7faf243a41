package dev.peregrine.journal.importer;

import dev.peregrine.core.number.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices and quantities of imported rows as {@link FixedPoint} scaled longs, with the error messages the
 * importers share ({@code <file>:<line>: <field>: <problem>}).
 */
final class ScaledFieldParser
{
    private ScaledFieldParser()
    {
    }

    /** A scaled value parsed straight from bytes; {@code positive} refuses zero too. */
    static long parse(final byte[] bytes, final int offset, final int length, final String source, final long line,
        final String field, final boolean positive)
    {
        final long value = FixedPoint.parse(bytes, offset, length);
        if (FixedPoint.isError(value))
        {
            throw ImportException.at(source, line, field, describe(new String(bytes, offset, Math.max(0, length),
                java.nio.charset.StandardCharsets.US_ASCII), value));
        }
        return check(value, source, line, field, positive);
    }

    /**
     * A scaled value parsed from text (the candle and generic formats, which also hold exponents or more
     * than eight decimals, as charting tools write them: those are rounded half-even to eight decimals).
     */
    static long parse(final String text, final String source, final long line, final String field, final boolean positive)
    {
        final String t = text.trim();
        long value = FixedPoint.parse(t);
        if (FixedPoint.isError(value) && !t.isEmpty())
        {
            try
            {
                final BigDecimal exact = new BigDecimal(t).setScale(FixedPoint.DECIMALS, RoundingMode.HALF_EVEN);
                value = exact.movePointRight(FixedPoint.DECIMALS).longValueExact();
            }
            catch (final NumberFormatException | ArithmeticException e)
            {
                throw ImportException.at(source, line, field, describe(t, value));
            }
        }
        else if (FixedPoint.isError(value))
        {
            throw ImportException.at(source, line, field, "empty (a number is required)");
        }
        return check(value, source, line, field, positive);
    }

    private static long check(final long value, final String source, final long line, final String field,
        final boolean positive)
    {
        if (value < 0)
        {
            throw ImportException.at(source, line, field, FixedPoint.toString(value) + " is negative");
        }
        if (positive && value == 0)
        {
            throw ImportException.at(source, line, field, "0 (must be greater than 0)");
        }
        return value;
    }

    private static String describe(final String text, final long error)
    {
        if (text.isEmpty())
        {
            return "empty (a number is required)";
        }
        if (error == FixedPoint.ERR_OVERFLOW)
        {
            return "'" + text + "' is too large";
        }
        if (error == FixedPoint.ERR_TOO_MANY_DECIMALS)
        {
            return "'" + text + "' has more than " + FixedPoint.DECIMALS + " decimals";
        }
        return "'" + text + "' is not a number";
    }
}
