package dev.peregrine.journal.importer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a CSV with a header, found by name (any case, any order, each with its aliases), and
 * the reading of a row's fields with the error messages every importer shares.
 */
final class CsvColumns
{
    /** Spellings of the time column, as {@code peregrine indicators} accepts them. */
    static final List<String> TIME = List.of("timestamp", "time", "date", "datetime");

    private final String source;
    private final List<String> header;

    CsvColumns(final String source, final List<String> header)
    {
        this.source = source;
        this.header = header;
    }

    /** The index of the column spelled as one of {@code aliases}; -1 when absent and not {@code required}. */
    int find(final List<String> aliases, final boolean required)
    {
        int found = -1;
        for (int i = 0; i < header.size(); i++)
        {
            if (aliases.contains(header.get(i).trim().toLowerCase(Locale.ROOT)))
            {
                if (found >= 0)
                {
                    throw ImportException.at(source, 1, aliases.get(0), "column given twice (columns " + (found + 1) +
                        " and " + (i + 1) + ")");
                }
                found = i;
            }
        }
        if (found < 0 && required)
        {
            throw ImportException.at(source, 1, aliases.get(0), "missing column (header: " + String.join(",", header) +
                "; expected " + aliases.get(0) + (aliases.size() > 1 ? " or " + String.join(", ", aliases.subList(1, aliases.size())) : "") + ")");
        }
        return found;
    }

    /** The header's spelling of column {@code index}. */
    String name(final int index)
    {
        return header.get(index).trim();
    }

    /** Checks a data row has as many fields as the header. */
    void checkWidth(final List<String> row, final long line)
    {
        if (row.size() != header.size())
        {
            throw new ImportException(source + ":" + line + ": expected " + header.size() + " fields like the header, found " +
                row.size());
        }
    }

    /** A time field as epoch nanoseconds ({@link Timestamps} rules). */
    long time(final List<String> row, final int index, final long line)
    {
        try
        {
            final Instant t = Timestamps.parse(row.get(index));
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        }
        catch (final IllegalArgumentException | ArithmeticException e)
        {
            throw ImportException.at(source, line, name(index), e.getMessage());
        }
    }

    /** True when {@code row} looks like data rather than names: its first field is a time or a number. */
    static boolean looksLikeData(final List<String> row)
    {
        if (row.isEmpty())
        {
            return false;
        }
        final String first = row.get(0).trim();
        try
        {
            Timestamps.parse(first);
            return true;
        }
        catch (final IllegalArgumentException e)
        {
            return !first.isEmpty() && (Character.isDigit(first.charAt(0)) || first.charAt(0) == '-');
        }
    }
}
