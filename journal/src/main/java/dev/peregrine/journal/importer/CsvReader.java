package dev.peregrine.journal.importer;



import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CSV record reader (RFC 4180 with the usual tolerances), no library: fields separated by
 * commas; a field that starts with {@code "} is quoted, may hold commas, line breaks and {@code ""} for a
 * quote; records end at {@code \n}, {@code \r\n} or a lone {@code \r}. An empty line is returned as an
 * empty list so that the caller decides where it is allowed. Malformed quoting is a
 * {@link ImportException} {@code <source>:<line>: <problem>}.
 */
public final class CsvReader implements Closeable
{
    private final Reader in;
    private final String source;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;
    private long charsRead;

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
