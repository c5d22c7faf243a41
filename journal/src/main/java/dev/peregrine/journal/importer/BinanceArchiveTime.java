package dev.peregrine.journal.importer;

/**
 * Epoch times in Binance's public archives (trades, klines, funding rates): milliseconds in the files up to
 * 2024, microseconds in some from 2025 on. The unit is told by magnitude, row by row: below 10^14
 * milliseconds (10^14 ms is the year 5138), from 10^14 below 10^17 microseconds (10^14 µs is 1973); anything
 * below 10^11 (before 1973 as milliseconds, so most likely seconds) or from 10^17 on is refused, not guessed.
 */
final class BinanceArchiveTime
{
    private static final long MILLIS_FROM = 100_000_000_000L;
    private static final long MICROS_FROM = 100_000_000_000_000L;
    private static final long TOO_LARGE = 100_000_000_000_000_000L;

    private BinanceArchiveTime()
    {
    }

    /**
     * @param lines the current line; its field {@code index} is read (no allocation unless it is bad)
     * @param field the column's name, for the message
     * @return epoch nanoseconds
     * @throws ImportException naming the file, line and field when the value is no archive time
     */
    static long nanos(final AsciiLines lines, final int index, final String source, final String field)
    {
        final long value = lines.wholeNumber(index);
        final long line = lines.lineNumber();
        if (value < 0)
        {
            throw ImportException.at(source, line, field, "'" + lines.text(index) + "' is not a whole number");
        }
        if (value < MILLIS_FROM)
        {
            throw ImportException.at(source, line, field, value + " is too small for epoch milliseconds " +
                "(Binance archives hold milliseconds, or microseconds since 2025; seconds are not accepted)");
        }
        if (value < MICROS_FROM)
        {
            return value * 1_000_000L;
        }
        if (value < TOO_LARGE)
        {
            return value * 1_000L;
        }
        throw ImportException.at(source, line, field, value + " is too large for epoch microseconds");
    }
}
