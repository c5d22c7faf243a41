package dev.peregrine.journal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link CsvReader}'s rules read from bytes into one reused buffer: the same records (RFC 4180 with the same
 * tolerances: quoted fields with commas, line breaks and {@code ""}; records ending at {@code \n}, {@code \r\n}
 * or a lone {@code \r}), the same line numbers and the same quoting errors, but each field is an offset and a
 * length into {@link #bytes()} instead of a {@code String}. So a CSV of millions of rows is split with no
 * allocation per row; a field is decoded to text (UTF-8, as {@code CsvReader}'s reader does) only where a
 * caller needs it (the header, an error message, a value the byte parsers leave to the text rules).
 *
 * <p>Splitting on bytes gives the same fields as splitting on UTF-8 characters: comma, quote and the line
 * breaks are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII.
 */
final class CsvByteRecords
{
    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long bytesRead;
    private byte[] record = new byte[256];
    private int recordLength;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private int fieldCount;
    private long line = 1;
    private long recordLine;

    CsvByteRecords(final InputStream in, final String source)
    {
        this.in = in;
        this.source = source;
    }

    /**
     * Reads the next record; false at the end of the input. An empty line is a record of no fields (as
     * {@link CsvReader#next()} returns an empty list), so the caller decides where it is allowed.
     *
     * @throws ImportException on malformed quoting or a read failure, worded as {@link CsvReader}'s
     */
    boolean next()
    {
        int c = read();
        if (c == -1)
        {
            return false;
        }
        recordLine = line;
        recordLength = 0;
        fieldCount = 0;
        if (c == '\n' || c == '\r')
        {
            endLine(c);
            return true;
        }
        int start = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean atFieldStart = true;
        while (true)
        {
            if (quoted)
            {
                if (c == -1)
                {
                    throw new ImportException(source + ":" + recordLine + ": field " + (fieldCount + 1) +
                        ": quoted field not closed before the end of the file");
                }
                if (c == '"')
                {
                    final int n = read();
                    if (n == '"')
                    {
                        append('"');
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
                append(c);
            }
            else if (c == ',')
            {
                addField(start);
                start = recordLength;
                atFieldStart = true;
                afterQuote = false;
            }
            else if (c == '\n' || c == '\r' || c == -1)
            {
                addField(start);
                endLine(c);
                return true;
            }
            else if (afterQuote)
            {
                throw new ImportException(source + ":" + line + ": field " + (fieldCount + 1) +
                    ": text after the closing quote of a quoted field");
            }
            else if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else
            {
                append(c);
                atFieldStart = false;
            }
            c = read();
        }
    }

    /** The 1-based line on which the record last returned by {@link #next()} started. */
    long recordLine()
    {
        return recordLine;
    }

    int fieldCount()
    {
        return fieldCount;
    }

    /** The buffer the fields are in; valid until the next {@link #next()}. */
    byte[] bytes()
    {
        return record;
    }

    int start(final int field)
    {
        return fieldStart[field];
    }

    int length(final int field)
    {
        return fieldEnd[field] - fieldStart[field];
    }

    /** The field as text (UTF-8): for headers, error messages and the text fallbacks only. */
    String text(final int field)
    {
        return new String(record, fieldStart[field], length(field), StandardCharsets.UTF_8);
    }

    /** Every field of the record as text: for the header only. */
    List<String> texts()
    {
        final List<String> texts = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++)
        {
            texts.add(text(i));
        }
        return texts;
    }

    /** Bytes taken from the input so far (read ahead by up to one buffer): for progress reports. */
    long bytesRead()
    {
        return bytesRead;
    }

    private void append(final int c)
    {
        if (recordLength == record.length)
        {
            if (record.length >= 1 << 24)
            {
                throw ImportException.at(source, recordLine, "record", "longer than 16 MiB (an unclosed quote?)");
            }
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[recordLength++] = (byte)c;
    }

    private void addField(final int start)
    {
        if (fieldCount == fieldStart.length)
        {
            fieldStart = Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fieldCount * 2);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = recordLength;
        fieldCount++;
    }

    private void endLine(final int c)
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

    private int read()
    {
        if (position == limit && !fill())
        {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int peek()
    {
        if (position == limit && !fill())
        {
            return -1;
        }
        return buffer[position] & 0xFF;
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
            bytesRead += n;
            return true;
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
