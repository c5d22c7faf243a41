package dev.peregrine.journal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Comma-separated lines read into one reused byte buffer, with the offsets of their fields: the fast
 * path for large, simple files (Binance trade archives run to tens of millions of rows), which makes no
 * {@code String} per line or per field. No quoting: the files it reads never quote. Line breaks
 * {@code \n} or {@code \r\n}; empty lines are returned with no fields so the caller decides.
 */
final class AsciiLines
{
    private static final int MAX_FIELDS = 16;

    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private final int[] fieldStart = new int[MAX_FIELDS];
    private final int[] fieldEnd = new int[MAX_FIELDS];
    private int fieldCount;
    private long lineNumber;

    AsciiLines(final InputStream in, final String source)
    {
        this.in = in;
        this.source = source;
    }

    /** Reads the next line; false at the end of the input. */
    boolean next()
    {
        lineLength = 0;
        boolean any = false;
        while (true)
        {
            if (position == limit && !fill())
            {
                if (!any)
                {
                    return false;
                }
                break;
            }
            any = true;
            final byte b = buffer[position++];
            if (b == '\n')
            {
                break;
            }
            if (lineLength == line.length)
            {
                if (line.length >= 1 << 20)
                {
                    throw ImportException.at(source, lineNumber + 1, "line", "longer than 1 MiB (not a CSV of rows?)");
                }
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r')
        {
            lineLength--;
        }
        lineNumber++;
        split();
        return true;
    }

    private void split()
    {
        fieldCount = 0;
        if (lineLength == 0)
        {
            return;
        }
        int start = 0;
        for (int i = 0; i <= lineLength; i++)
        {
            if (i == lineLength || line[i] == ',')
            {
                if (fieldCount == MAX_FIELDS)
                {
                    fieldCount++; // more than any format here has: reported as a wrong field count
                    return;
                }
                fieldStart[fieldCount] = start;
                fieldEnd[fieldCount] = i;
                fieldCount++;
                start = i + 1;
            }
        }
    }

    private boolean fill()
    {
        try
        {
            final int n = in.read(buffer, 0, buffer.length);
            if (n <= 0)
            {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ":" + (lineNumber + 1) + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    long lineNumber()
    {
        return lineNumber;
    }

    int fieldCount()
    {
        return fieldCount;
    }

    byte[] bytes()
    {
        return line;
    }

    int start(final int field)
    {
        return fieldStart[field];
    }

    int length(final int field)
    {
        return fieldEnd[field] - fieldStart[field];
    }

    /** The field as text: for error messages only. */
    String text(final int field)
    {
        return new String(line, fieldStart[field], length(field), StandardCharsets.US_ASCII);
    }

    /** The whole line as text: for error messages and format detection only. */
    String lineText()
    {
        return new String(line, 0, lineLength, StandardCharsets.US_ASCII);
    }

    /** Whole digits only, at most 18 of them; -1 otherwise. */
    long wholeNumber(final int field)
    {
        final int start = fieldStart[field];
        final int end = fieldEnd[field];
        if (end == start || end - start > 18)
        {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final int d = line[i] - '0';
            if (d < 0 || d > 9)
            {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** {@code true}, {@code false} (any case) as 1 and 0; -1 otherwise. */
    int bool(final int field)
    {
        final int start = fieldStart[field];
        final int n = length(field);
        if (n == 4 && (line[start] | 0x20) == 't' && (line[start + 1] | 0x20) == 'r' && (line[start + 2] | 0x20) == 'u' &&
            (line[start + 3] | 0x20) == 'e')
        {
            return 1;
        }
        if (n == 5 && (line[start] | 0x20) == 'f' && (line[start + 1] | 0x20) == 'a' && (line[start + 2] | 0x20) == 'l' &&
            (line[start + 3] | 0x20) == 's' && (line[start + 4] | 0x20) == 'e')
        {
            return 0;
        }
        return -1;
    }
}
