package dev.peregrine.ops.indicators;

import dev.peregrine.journal.importer.CsvReader;
import dev.peregrine.journal.importer.Timestamps;
import dev.peregrine.ops.cli.UsageException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header line of an OHLCV CSV for {@code indicators}: which field holds the timestamp, open, high, low,
 * close and volume (each may be spelled as one of its aliases, in any order, among other columns). A missing,
 * doubled or absent header is a {@link UsageException} {@code <file>:1: <column>: <problem>}.
 *
 * @param fields  the header's fields as given (a byte-order mark removed from the first)
 * @param index   where each of {@link #REQUIRED} is in a row, in that order
 * @param names   each required column's name as the header spells it, for messages
 */
record OhlcvHeader(List<String> fields, int[] index, String[] names)
{
    /** The required columns, in the canonical order; each may also be spelled as its aliases. */
    static final List<String> REQUIRED = List.of("timestamp", "open", "high", "low", "close", "volume");

    static final int TIME = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int VOLUME = 5;

    private static final Map<String, List<String>> ALIASES = Map.of(
        "timestamp", List.of("timestamp", "time", "date", "datetime"),
        "open", List.of("open"),
        "high", List.of("high"),
        "low", List.of("low"),
        "close", List.of("close"),
        "volume", List.of("volume"));

    /** A plain decimal, as a data row's numbers are written (the header test tells data from names with it). */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final String EXPECTED = String.join(",", REQUIRED);

    /** Reads the first record of {@code reader} as the header. */
    static OhlcvHeader read(final CsvReader reader, final String source) throws IOException
    {
        final List<String> first = reader.next();
        if (first == null)
        {
            throw new UsageException(source + ":1: empty file (expected a header line: " + EXPECTED + ")");
        }
        if (first.isEmpty())
        {
            List<String> next;
            do
            {
                next = reader.next();
            }
            while (next != null && next.isEmpty());
            if (next == null)
            {
                throw new UsageException(source + ":1: empty file (expected a header line: " + EXPECTED + ")");
            }
            throw new UsageException(source + ":1: empty line where the header belongs (expected: " + EXPECTED + ")");
        }
        final List<String> header = new ArrayList<>(first);
        if (!header.get(0).isEmpty() && header.get(0).charAt(0) == '\uFEFF')
        {
            header.set(0, header.get(0).substring(1));
        }
        final int[] index = locate(header, source);
        final String[] names = new String[REQUIRED.size()];
        for (int i = 0; i < names.length; i++)
        {
            names[i] = header.get(index[i]).trim();
        }
        return new OhlcvHeader(header, index, names);
    }

    /** Refuses an indicator column the input already has (the output would hold two of that name). */
    void checkNoClash(final List<IndicatorBank.Column> columns, final String source)
    {
        final Set<String> taken = new LinkedHashSet<>();
        for (final String name : fields)
        {
            taken.add(name.trim().toLowerCase(Locale.ROOT));
        }
        for (final IndicatorBank.Column column : columns)
        {
            if (taken.contains(column.name()))
            {
                throw new UsageException(source + ":1: " + column.name() + ": the input already has this column; " +
                    "rename it or leave it out with --columns");
            }
        }
    }

    private static int[] locate(final List<String> header, final String source)
    {
        final Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++)
        {
            positions.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        final int[] index = new int[REQUIRED.size()];
        for (int r = 0; r < REQUIRED.size(); r++)
        {
            final String name = REQUIRED.get(r);
            index[r] = -1;
            for (final String alias : ALIASES.get(name))
            {
                final Integer at = positions.get(alias);
                if (at == null)
                {
                    continue;
                }
                if (index[r] >= 0)
                {
                    throw new UsageException(source + ":1: " + name + ": given twice, as '" + header.get(index[r]).trim() +
                        "' and '" + header.get(at).trim() + "'");
                }
                index[r] = at;
            }
            for (int i = 0; i < header.size(); i++)
            {
                if (index[r] >= 0 && i != index[r] && header.get(i).trim().equalsIgnoreCase(header.get(index[r]).trim()))
                {
                    throw new UsageException(source + ":1: " + name + ": column given twice (columns " + (index[r] + 1) +
                        " and " + (i + 1) + ")");
                }
            }
        }
        for (int r = 0; r < REQUIRED.size(); r++)
        {
            if (index[r] < 0)
            {
                if (looksLikeData(header))
                {
                    throw new UsageException(source + ":1: no header line (expected column names " + EXPECTED +
                        ", found data '" + String.join(",", header) + "')");
                }
                throw new UsageException(source + ":1: " + REQUIRED.get(r) + ": missing column (header: " +
                    String.join(",", header) + ")");
            }
        }
        return index;
    }

    private static boolean looksLikeData(final List<String> header)
    {
        int numbers = 0;
        for (final String field : header)
        {
            final String f = field.trim();
            if (DECIMAL.matcher(f).matches())
            {
                numbers++;
            }
            else
            {
                try
                {
                    Timestamps.parse(f);
                    numbers++;
                }
                catch (final IllegalArgumentException ex)
                {
                    // a name
                }
            }
        }
        return numbers >= 2;
    }
}
