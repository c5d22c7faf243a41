package dev.peregrine.journal.importer;

import java.util.Arrays;

/**
 * A Binance USD-M mark-price kline archive ({@code futures/um/daily|monthly/markPriceKlines/<SYMBOL>/<interval>/
 * <SYMBOL>-<interval>-<date>.zip}, or the CSV inside; the same columns {@code GET /fapi/v1/markPriceKlines}
 * answers): an optional header, then one kline a row,
 * {@code open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore}.
 * Only {@code open_time}, {@code open}, {@code high}, {@code low}, {@code close} and {@code close_time} mean
 * anything for a mark (the venue documents the rest as "ignore"), so rows of 7 to 12 fields are read.
 *
 * <p>Each kline becomes one mark: the {@code close} at {@code close_time} (the kline's last millisecond, as the
 * venue reports it), the mark known when the kline ended, so a backtest never sees a mark before its time.
 * Times as {@link BinanceArchiveTime}; prices positive, {@code low <= open, close <= high}; klines in strictly
 * increasing time, none overlapping the previous one. Read whole: a day of 1m klines is 1,440 rows.
 */
public final class BinanceMarkPriceKlines
{
    static final String[] COLUMNS = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"};
    private static final int REQUIRED = 7;

    private final String source;
    private long[] times = new long[1024];
    private long[] marks = new long[1024];
    private int size;

    private BinanceMarkPriceKlines(final String source)
    {
        this.source = source;
    }

    /**
     * @throws ImportException naming the file, line and field of the first bad row, or the file when it holds no row
     */
    public static BinanceMarkPriceKlines read(final InputFile file)
    {
        final String source = file.path().toString();
        final BinanceMarkPriceKlines klines = new BinanceMarkPriceKlines(source);
        ArchiveCsv.forEachRow(file, COLUMNS, REQUIRED, klines::readRow);
        if (klines.size == 0)
        {
            throw new ImportException(source + ": holds no mark-price klines (expected " + String.join(",", COLUMNS) + ")");
        }
        return klines;
    }

    private void readRow(final AsciiLines lines)
    {
        final long line = lines.lineNumber();
        if (lines.fieldCount() < REQUIRED || lines.fieldCount() > COLUMNS.length)
        {
            throw ArchiveCsv.fieldCount(lines, COLUMNS, REQUIRED, source);
        }
        final long openTime = BinanceArchiveTime.nanos(lines, 0, source, COLUMNS[0]);
        final long open = price(lines, 1);
        final long high = price(lines, 2);
        final long low = price(lines, 3);
        final long close = price(lines, 4);
        final long closeTime = BinanceArchiveTime.nanos(lines, 6, source, COLUMNS[6]);
        if (high < Math.max(open, close) || low > Math.min(open, close))
        {
            throw ImportException.at(source, line, COLUMNS[2], "high " + lines.text(2) + " and low " + lines.text(3) +
                " do not contain open " + lines.text(1) + " and close " + lines.text(4));
        }
        if (closeTime < openTime)
        {
            throw ImportException.at(source, line, COLUMNS[6], lines.text(6) + " is before open_time " + lines.text(0));
        }
        if (size > 0 && openTime <= times[size - 1])
        {
            throw ImportException.at(source, line, COLUMNS[0], lines.text(0) + " is not after the previous kline's " +
                "close_time (klines must be in time order and must not overlap)");
        }
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            marks = Arrays.copyOf(marks, size * 2);
        }
        times[size] = closeTime;
        marks[size] = close;
        size++;
    }

    private long price(final AsciiLines lines, final int field)
    {
        return ScaledFieldParser.parse(lines.bytes(), lines.start(field), lines.length(field), source,
            lines.lineNumber(), COLUMNS[field], true);
    }

    public String source()
    {
        return source;
    }

    /** Marks in the file (one a kline). */
    public int size()
    {
        return size;
    }

    /** Mark {@code i}'s time: its kline's {@code close_time}, epoch nanoseconds. */
    public long timeNanos(final int i)
    {
        return times[i];
    }

    /** Mark {@code i}: its kline's {@code close}, {@link dev.peregrine.core.number.FixedPoint}. */
    public long markPrice(final int i)
    {
        return marks[i];
    }
}
