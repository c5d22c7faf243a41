package dev.peregrine.journal.importer;

import java.util.Arrays;

/**
 * Candles read from a file, checked, in time order, in plain arrays (a year of one-minute candles is
 * 525,600 rows, 25 MB): the candle formats are loaded whole because the candle interval (not in the
 * files) is the smallest gap between starts, and Coinbase's REST answers come newest first.
 *
 * <p>Checks, each reported with the file, line and field: prices greater than 0, volume at least 0,
 * high at least low, open and close within [low, high], starts strictly increasing (or, for sources that
 * allow it, strictly decreasing throughout, which is then reversed).
 */
public final class CandleSeries
{
    /** The interval assumed for a file holding a single candle. */
    public static final long SINGLE_CANDLE_INTERVAL_NANOS = 60_000_000_000L;

    private final String source;
    private long[] start = new long[1024];
    private long[] open = new long[1024];
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private long[] close = new long[1024];
    private long[] volume = new long[1024];
    private long[] line = new long[1024];
    private int size;

    CandleSeries(final String source)
    {
        this.source = source;
    }

    /** Adds one candle read at {@code lineNumber}, after checking its prices (names are the file's columns). */
    void add(final long lineNumber, final long startNanos, final long o, final long h, final long l, final long c,
        final long v, final String[] names)
    {
        if (h < l)
        {
            throw ImportException.at(source, lineNumber, names[1], "high " + text(h) + " is below low " + text(l));
        }
        if (o < l || o > h)
        {
            throw ImportException.at(source, lineNumber, names[0], "open " + text(o) + " is outside [low " + text(l) +
                ", high " + text(h) + "]");
        }
        if (c < l || c > h)
        {
            throw ImportException.at(source, lineNumber, names[3], "close " + text(c) + " is outside [low " + text(l) +
                ", high " + text(h) + "]");
        }
        if (size == start.length)
        {
            final int n = size * 2;
            start = Arrays.copyOf(start, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
            line = Arrays.copyOf(line, n);
        }
        start[size] = startNanos;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        line[size] = lineNumber;
        size++;
    }

    /**
     * Checks the time order once every candle is in.
     *
     * @param newestFirstAllowed true for Coinbase, whose REST candles come newest first: a series that
     *                           strictly decreases throughout is reversed
     */
    void finish(final String timeField, final boolean newestFirstAllowed)
    {
        if (size == 0)
        {
            throw new ImportException(source + ": no candles in the file");
        }
        if (newestFirstAllowed && size > 1 && start[1] < start[0])
        {
            for (int i = 1; i < size; i++)
            {
                if (start[i] >= start[i - 1])
                {
                    throw ImportException.at(source, line[i], timeField, "not before the previous candle's (line " +
                        line[i - 1] + "); the file starts newest first, so every candle must be older than the one before it");
                }
            }
            reverse();
            return;
        }
        for (int i = 1; i < size; i++)
        {
            if (start[i] <= start[i - 1])
            {
                throw ImportException.at(source, line[i], timeField, (start[i] == start[i - 1] ? "the same as" : "earlier than") +
                    " the previous candle's (line " + line[i - 1] + "); candles must be in time order, one per start time");
            }
        }
    }

    private void reverse()
    {
        for (int i = 0, j = size - 1; i < j; i++, j--)
        {
            swap(start, i, j);
            swap(open, i, j);
            swap(high, i, j);
            swap(low, i, j);
            swap(close, i, j);
            swap(volume, i, j);
            swap(line, i, j);
        }
    }

    private static void swap(final long[] a, final int i, final int j)
    {
        final long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The smallest gap between consecutive starts; {@link #SINGLE_CANDLE_INTERVAL_NANOS} for one candle. */
    public long intervalNanos()
    {
        long interval = Long.MAX_VALUE;
        for (int i = 1; i < size; i++)
        {
            interval = Math.min(interval, start[i] - start[i - 1]);
        }
        return size < 2 ? SINGLE_CANDLE_INTERVAL_NANOS : interval;
    }

    private static String text(final long scaled)
    {
        return dev.peregrine.core.number.FixedPoint.toString(scaled);
    }

    public String source()
    {
        return source;
    }

    public int size()
    {
        return size;
    }

    public long start(final int i)
    {
        return start[i];
    }

    public long open(final int i)
    {
        return open[i];
    }

    public long high(final int i)
    {
        return high[i];
    }

    public long low(final int i)
    {
        return low[i];
    }

    public long close(final int i)
    {
        return close[i];
    }

    public long volume(final int i)
    {
        return volume[i];
    }
}
