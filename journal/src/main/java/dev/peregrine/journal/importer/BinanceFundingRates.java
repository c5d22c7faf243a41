package dev.peregrine.journal.importer;

import dev.peregrine.core.number.FixedPoint;

import java.util.Arrays;

/**
 * A Binance USD-M funding-rate archive ({@code futures/um/monthly/fundingRate/<SYMBOL>/<SYMBOL>-fundingRate-<month>.zip}
 * or the CSV inside): a header {@code calc_time,funding_interval_hours,last_funding_rate} (a file without it is
 * read too), then one settlement a row in time order:
 * <ul>
 *   <li>{@code calc_time}: when the funding was settled, epoch milliseconds ({@link BinanceArchiveTime}; the
 *       archives show a millisecond or so past the hour, kept as given);</li>
 *   <li>{@code funding_interval_hours}: the interval the rate applies to, a whole number of hours, 1 to 24;</li>
 *   <li>{@code last_funding_rate}: the rate settled, a signed fraction per interval ({@code 0.0001} = 0.01 %),
 *       at most eight decimals; a magnitude of 1 or more is refused (a percentage, not a fraction).</li>
 * </ul>
 * Read whole: a month holds about 90 rows. Settlement times must strictly increase.
 */
public final class BinanceFundingRates
{
    static final String[] COLUMNS = {"calc_time", "funding_interval_hours", "last_funding_rate"};

    private final String source;
    private long[] times = new long[128];
    private long[] rates = new long[128];
    private int[] intervalHours = new int[128];
    private int size;

    private BinanceFundingRates(final String source)
    {
        this.source = source;
    }

    /**
     * @throws ImportException naming the file, line and field of the first bad row, or the file when it holds no row
     */
    public static BinanceFundingRates read(final InputFile file)
    {
        final String source = file.path().toString();
        final BinanceFundingRates rates = new BinanceFundingRates(source);
        ArchiveCsv.forEachRow(file, COLUMNS, COLUMNS.length, rates::readRow);
        if (rates.size == 0)
        {
            throw new ImportException(source + ": holds no funding rows (expected " + String.join(",", COLUMNS) + ")");
        }
        return rates;
    }

    private void readRow(final AsciiLines lines)
    {
        final long line = lines.lineNumber();
        if (lines.fieldCount() != COLUMNS.length)
        {
            throw ArchiveCsv.fieldCount(lines, COLUMNS, COLUMNS.length, source);
        }
        final long time = BinanceArchiveTime.nanos(lines, 0, source, COLUMNS[0]);
        if (size > 0 && time <= times[size - 1])
        {
            throw ImportException.at(source, line, COLUMNS[0], lines.text(0) + " is not after the previous row's " +
                "(funding settlements must be in strictly increasing time order)");
        }
        final long hours = lines.wholeNumber(1);
        if (hours < 1 || hours > 24)
        {
            throw ImportException.at(source, line, COLUMNS[1], "'" + lines.text(1) + "' is not a whole number of hours " +
                "from 1 to 24");
        }
        final long rate = FixedPoint.parse(lines.bytes(), lines.start(2), lines.length(2));
        if (FixedPoint.isError(rate))
        {
            throw ImportException.at(source, line, COLUMNS[2], lines.length(2) == 0 ? "empty (a number is required)"
                : rate == FixedPoint.ERR_TOO_MANY_DECIMALS ? "'" + lines.text(2) + "' has more than " + FixedPoint.DECIMALS +
                " decimals" : "'" + lines.text(2) + "' is not a number");
        }
        if (Math.abs(rate) >= FixedPoint.SCALE)
        {
            throw ImportException.at(source, line, COLUMNS[2], lines.text(2) + " is not a funding rate (a fraction per " +
                "interval such as 0.0001; was a percentage given?)");
        }
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            rates = Arrays.copyOf(rates, size * 2);
            intervalHours = Arrays.copyOf(intervalHours, size * 2);
        }
        times[size] = time;
        rates[size] = rate;
        intervalHours[size] = (int)hours;
        size++;
    }

    public String source()
    {
        return source;
    }

    /** Settlements in the file. */
    public int size()
    {
        return size;
    }

    /** Settlement {@code i}'s time, epoch nanoseconds. */
    public long timeNanos(final int i)
    {
        return times[i];
    }

    /** Settlement {@code i}'s rate, {@link FixedPoint} (10000 = 0.0001). */
    public long rate(final int i)
    {
        return rates[i];
    }

    /** The interval settlement {@code i}'s rate applies to, hours. */
    public int intervalHours(final int i)
    {
        return intervalHours[i];
    }
}
