package dev.peregrine.ops.demo;

/**
 * A tiny streaming JSON writer for reports (ops has no JSON library, and a summary needs none): objects,
 * arrays, strings with every character JSON requires escaped, longs, booleans and null. Commas are
 * placed by the writer; pretty-printed two spaces per level so a person can read the file too.
 * Misuse (a value where a key is due, unbalanced ends) throws {@link IllegalStateException}.
 */
public final class JsonWriter
{
    private final StringBuilder out = new StringBuilder(1024);
    // Per open container: true for an object; and whether it has a member yet.
    private final boolean[] isObject = new boolean[32];
    private final boolean[] hasMember = new boolean[32];
    private int depth;
    private boolean keyWritten;
    private final boolean pretty;

    /** A pretty-printed writer, for files people read. */
    public JsonWriter()
    {
        this(true);
    }

    /** @param pretty false for one line with no spaces (JSON lines), true for two-space indentation. */
    public JsonWriter(final boolean pretty)
    {
        this.pretty = pretty;
    }

    public JsonWriter beginObject()
    {
        beforeValue();
        out.append('{');
        push(true);
        return this;
    }

    public JsonWriter endObject()
    {
        return end(true, '}');
    }

    public JsonWriter beginArray()
    {
        beforeValue();
        out.append('[');
        push(false);
        return this;
    }

    public JsonWriter endArray()
    {
        return end(false, ']');
    }

    public JsonWriter key(final String name)
    {
        if (depth == 0 || !isObject[depth - 1] || keyWritten)
        {
            throw new IllegalStateException("a key belongs directly inside an object, once per value");
        }
        separate();
        string(name);
        out.append(pretty ? ": " : ":");
        keyWritten = true;
        return this;
    }

    public JsonWriter value(final String text)
    {
        beforeValue();
        if (text == null)
        {
            out.append("null");
        }
        else
        {
            string(text);
        }
        return this;
    }

    public JsonWriter value(final long number)
    {
        beforeValue();
        out.append(number);
        return this;
    }

    /** A plain decimal (at most 8 places, no exponent); NaN and infinities, which JSON lacks, as null. */
    public JsonWriter value(final double number)
    {
        if (Double.isNaN(number) || Double.isInfinite(number))
        {
            return nullValue();
        }
        beforeValue();
        out.append(new java.math.BigDecimal(number).setScale(8, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros().toPlainString());
        return this;
    }

    public JsonWriter value(final boolean flag)
    {
        beforeValue();
        out.append(flag);
        return this;
    }

    public JsonWriter nullValue()
    {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The finished document; every container must be closed. */
    public String toJson()
    {
        if (depth != 0)
        {
            throw new IllegalStateException(depth + " containers are still open");
        }
        return pretty ? out.toString() + "\n" : out.toString();
    }

    private void beforeValue()
    {
        if (depth == 0)
        {
            if (out.length() > 0)
            {
                throw new IllegalStateException("a JSON document holds one top-level value");
            }
            return;
        }
        if (isObject[depth - 1])
        {
            if (!keyWritten)
            {
                throw new IllegalStateException("a value inside an object needs its key first");
            }
            keyWritten = false;
        }
        else
        {
            separate();
        }
    }

    private void separate()
    {
        if (hasMember[depth - 1])
        {
            out.append(',');
        }
        hasMember[depth - 1] = true;
        newline();
    }

    private void push(final boolean object)
    {
        if (depth == isObject.length)
        {
            throw new IllegalStateException("nested deeper than " + isObject.length);
        }
        isObject[depth] = object;
        hasMember[depth] = false;
        depth++;
    }

    private JsonWriter end(final boolean object, final char close)
    {
        if (depth == 0 || isObject[depth - 1] != object || keyWritten)
        {
            throw new IllegalStateException("'" + close + "' does not close the innermost open container");
        }
        depth--;
        if (hasMember[depth])
        {
            newline();
        }
        out.append(close);
        return this;
    }

    private void newline()
    {
        if (!pretty)
        {
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++)
        {
            out.append("  ");
        }
    }

    private void string(final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !validSurrogate(text, i))
                    {
                        // Control characters must be escaped; a lone surrogate has no UTF-8 form, so it is escaped too.
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogate(final String text, final int i)
    {
        final char c = text.charAt(i);
        if (Character.isHighSurrogate(c))
        {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
