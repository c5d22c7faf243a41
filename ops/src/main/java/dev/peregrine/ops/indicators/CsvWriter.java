package dev.peregrine.ops.indicators;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV records ending in {@code \n}; a field is quoted only when it holds a comma, quote or line break. */
public final class CsvWriter implements Closeable
{
    private final Writer out;

    public CsvWriter(final Writer out)
    {
        this.out = out;
    }

    /** Starts a record with {@code fields}; continue it with {@link #field} and end it with {@link #endRecord}. */
    public void fields(final List<String> fields) throws IOException
    {
        for (int i = 0; i < fields.size(); i++)
        {
            if (i > 0)
            {
                out.write(',');
            }
            writeField(fields.get(i));
        }
    }

    /** Appends one more field to the record begun by {@link #fields}. */
    public void field(final String value) throws IOException
    {
        out.write(',');
        writeField(value);
    }

    public void endRecord() throws IOException
    {
        out.write('\n');
    }

    private void writeField(final String value) throws IOException
    {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0)
        {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }
}
