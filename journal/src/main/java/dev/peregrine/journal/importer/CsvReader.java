package dev.peregrine.journal.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one CSV reader of Peregrine (importers, {@code peregrine indicators}): a streaming record reader
 * (RFC 4180 with the usual tolerances), no library: fields separated by commas; a field that starts with
 * {@code "} is quoted, may hold commas, line breaks and {@code ""} for a quote; records end at {@code \n},
 * {@code \r\n} or a lone {@code \r}. Malformed quoting is a {@link ImportException}
 * {@code <source>:<line>: <problem>}.
 *
 * <p>Two ways to read: {@link #next()} returns every record, an empty line as an empty list, so that the
 * caller decides where it is allowed (a file with or without a header); or a file with a header:
 * {@link #readHeader}, then {@link #column} to find columns by name (any case, any order, each with its
 * aliases) and {@link #nextRow()} for the data rows, checked against the header's width, with the error
 * messages every importer shares.
 */
public final class CsvReader implements Closeable
{
    /** Spellings of the time column, as {@code peregrine indicators} accepts them. */
    public static final List<String> TIME_COLUMN = List.of("timestamp", "time", "date", "datetime");

    private final Reader in;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;
    private long charsRead;
    private List<String> header;

    public CsvReader(final Reader in, final String source)
    {
        this.in = in;
        this.source = source;
    }

    /** The 1-based line on which the record last returned by {@link #next()} started. */
    public int recordLine()
    {
        return recordLine;
    }

    /** Characters taken from the reader so far (read ahead by up to one buffer): for progress reports. */
    public long charsRead()
    {
        return charsRead;
    }

    /** The next record, an empty list for an empty line, or {@code null} at the end of the input. */
    public List<String> next() throws IOException
    {
        int c = read();
        if (c == -1)
        {
            return null;
        }
        recordLine = line;
        if (c == '\n' || c == '\r')
        {
            endLine(c);
            return List.of();
        }
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true)
        {
            if (quoted)
            {
                if (c == -1)
                {
                    throw new ImportException(source + ":" + recordLine + ": field " + (fields.size() + 1) +
                        ": quoted field not closed before the end of the file");
                }
                if (c == '"')
                {
                    final int n = read();
                    if (n == '"')
                    {
                        field.append('"');
                        c = read();
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                    c = n;
                    continue;
                }
                if (c == '\n')
                {
                    line++;
                }
                field.append((char)c);
            }
            else if (c == ',')
            {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                afterQuote = false;
            }
            else if (c == '\n' || c == '\r' || c == -1)
            {
                fields.add(field.toString());
                endLine(c);
                return fields;
            }
            else if (afterQuote)
            {
                throw new ImportException(source + ":" + line + ": field " + (fields.size() + 1) +
                    ": text after the closing quote of a quoted field");
            }
            else if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else
            {
                field.append((char)c);
                fieldStart = false;
            }
            c = read();
        }
    }

    /**
     * Reads the header line, for a file that must have one; an empty file or line, or a first line that looks
     * like data, is an {@link ImportException} naming {@code expected} (the columns, as {@code timestamp,price}).
     */
    public List<String> readHeader(final String expected) throws IOException
    {
        return acceptHeader(next(), expected);
    }

    /**
     * {@link #readHeader} for a first record read elsewhere ({@link CsvByteRecords}; {@code null} when the input
     * was empty), so both readers check a header and find its columns with the same words.
     */
    List<String> acceptHeader(final List<String> names, final String expected)
    {
        if (names == null || names.isEmpty())
        {
            throw new ImportException(source + ":1: empty " + (names == null ? "file" : "line") +
                " where the header belongs (expected: " + expected + ")");
        }
        if (looksLikeData(names))
        {
            throw new ImportException(source + ":1: no header line (expected column names " + expected +
                " before the data)");
        }
        header = names;
        return names;
    }

    /** The index of the header's column spelled as one of {@code aliases}; -1 when absent and not {@code required}. */
    public int column(final List<String> aliases, final boolean required)
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
    public String columnName(final int index)
    {
        return header.get(index).trim();
    }

    /**
     * The next data row after the header, empty lines skipped, with as many fields as the header (else an
     * {@link ImportException}); {@code null} at the end of the input.
     */
    public List<String> nextRow() throws IOException
    {
        List<String> row;
        do
        {
            row = next();
        }
        while (row != null && row.isEmpty());
        if (row != null && row.size() != header.size())
        {
            throw new ImportException(source + ":" + recordLine + ": expected " + header.size() +
                " fields like the header, found " + row.size());
        }
        return row;
    }

    /** Column {@code index} of the current row as epoch nanoseconds ({@link Timestamps} rules). */
    public long time(final List<String> row, final int index)
    {
        return epochNanos(row.get(index), source, recordLine, columnName(index));
    }

    /** A time field as epoch nanoseconds ({@link Timestamps} rules); a bad one is named by file, line and field. */
    static long epochNanos(final String text, final String source, final long line, final String field)
    {
        try
        {
            final Instant t = Timestamps.parse(text);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        }
        catch (final IllegalArgumentException | ArithmeticException e)
        {
            throw ImportException.at(source, line, field, e.getMessage());
        }
    }

    /** True when {@code row} looks like data rather than names: its first field is a time or a number. */
    public static boolean looksLikeData(final List<String> row)
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

    private void endLine(final int c) throws IOException
    {
        if (c == '\r' && peek() == '\n')
        {
            read();
        }
        if (c != -1)
        {
            line++;
        }
    }

    private int read() throws IOException
    {
        if (position == limit && !fill())
        {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException
    {
        if (position == limit && !fill())
        {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException
    {
        final int n = in.read(buffer, 0, buffer.length);
        if (n <= 0)
        {
            return false;
        }
        position = 0;
        limit = n;
        charsRead += n;
        return true;
    }

    @Override
    public void close() throws IOException
    {
        in.close();
    }
}
