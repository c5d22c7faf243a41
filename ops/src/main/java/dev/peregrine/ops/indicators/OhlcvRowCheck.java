package dev.peregrine.ops.indicators;

import dev.peregrine.journal.importer.Timestamps;
import dev.peregrine.ops.cli.UsageException;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static dev.peregrine.ops.indicators.OhlcvHeader.CLOSE;
import static dev.peregrine.ops.indicators.OhlcvHeader.HIGH;
import static dev.peregrine.ops.indicators.OhlcvHeader.LOW;
import static dev.peregrine.ops.indicators.OhlcvHeader.OPEN;
import static dev.peregrine.ops.indicators.OhlcvHeader.TIME;
import static dev.peregrine.ops.indicators.OhlcvHeader.VOLUME;

/**
 * The checks one OHLCV data row must pass before its bar reaches the indicators: as many fields as the header,
 * a timestamp strictly after the previous row's, finite non-negative numbers, high not below low, open and
 * close within [low, high]. The first problem is a {@link UsageException}
 * {@code <file>:<line>: <field>: <problem>}. Keeps the previous row's time, so one instance checks one file.
 */
final class OhlcvRowCheck
{
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final OhlcvHeader header;
    private final String source;
    private Instant previous;
    private String previousText;
    private int previousLine;

    OhlcvRowCheck(final OhlcvHeader header, final String source)
    {
        this.header = header;
        this.source = source;
    }

    /** Checks {@code row} (file line {@code line}) and fills {@code values} by the header's field order. */
    void check(final List<String> row, final int line, final double[] values)
    {
        final int[] index = header.index();
        final String[] names = header.names();
        if (row.size() != header.fields().size())
        {
            throw new UsageException(source + ":" + line + ": expected " + header.fields().size() +
                " fields as in the header, found " + row.size());
        }
        final String timeText = row.get(index[TIME]);
        final Instant time;
        try
        {
            time = Timestamps.parse(timeText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(source + ":" + line + ": " + names[TIME] + ": " + ex.getMessage());
        }
        if (previous != null && !time.isAfter(previous))
        {
            throw new UsageException(source + ":" + line + ": " + names[TIME] + ": '" + timeText.trim() +
                "' is not after '" + previousText.trim() + "' on line " + previousLine +
                " (rows must be in strictly increasing time order)");
        }
        for (int f = OPEN; f <= VOLUME; f++)
        {
            values[f] = number(row.get(index[f]), line, names[f]);
        }
        if (values[HIGH] < values[LOW])
        {
            throw new UsageException(source + ":" + line + ": " + names[HIGH] + ": " + text(row, HIGH) +
                " is below " + names[LOW] + " " + text(row, LOW));
        }
        for (final int f : new int[] {OPEN, CLOSE})
        {
            if (values[f] < values[LOW] || values[f] > values[HIGH])
            {
                throw new UsageException(source + ":" + line + ": " + names[f] + ": " + text(row, f) +
                    " is outside [" + names[LOW] + " " + text(row, LOW) + ", " + names[HIGH] + " " +
                    text(row, HIGH) + "]");
            }
        }
        previous = time;
        previousText = timeText;
        previousLine = line;
    }

    private String text(final List<String> row, final int field)
    {
        return row.get(header.index()[field]).trim();
    }

    private double number(final String field, final int line, final String name)
    {
        final String t = field.trim();
        final String where = source + ":" + line + ": " + name + ": ";
        if (t.isEmpty())
        {
            throw new UsageException(where + "empty (a number is required)");
        }
        if (NON_FINITE.matcher(t).matches())
        {
            throw new UsageException(where + "'" + t + "' is not a finite number");
        }
        if (!OhlcvHeader.DECIMAL.matcher(t).matches())
        {
            throw new UsageException(where + "'" + t + "' is not a number");
        }
        final double value = Double.parseDouble(t);
        if (Double.isInfinite(value))
        {
            throw new UsageException(where + "'" + t + "' is not a finite number");
        }
        if (value < 0.0)
        {
            throw new UsageException(where + t + " is negative");
        }
        return value;
    }
}
