package dev.peregrine.gateway.json;

/**
 * Skips one JSON value while validating it completely: structure, numbers, escapes, UTF-8 inside
 * strings, and a nesting limit that bounds the recursion. Stateless; results at or above zero are the
 * index after the value, negative results are {@link #SYNTAX} or {@link #UTF8}.
 */
final class JsonSkipper
{
    static final int SYNTAX = -1;
    static final int UTF8 = -2;

    private JsonSkipper()
    {
    }

    static int skipValue(final byte[] b, final int p, final int limit, final int depth)
    {
        if (p >= limit)
        {
            return SYNTAX;
        }
        switch (b[p])
        {
            case '"': return skipString(b, p, limit);
            case '{': return skipContainer(b, p, limit, depth, '}', true);
            case '[': return skipContainer(b, p, limit, depth, ']', false);
            case 't': return skipLiteral(b, p, limit, JsonLiterals.TRUE);
            case 'f': return skipLiteral(b, p, limit, JsonLiterals.FALSE);
            case 'n': return skipLiteral(b, p, limit, JsonLiterals.NULL);
            default:
                final int end = JsonLiterals.skipNumber(b, p, limit);
                return end < 0 ? SYNTAX : end;
        }
    }

    /** Skips the string whose opening quote is at {@code quote}. */
    static int skipString(final byte[] b, final int quote, final int limit)
    {
        int i = quote + 1;
        while (i < limit)
        {
            final byte c = b[i];
            if (c > '"' && c != '\\')
            {
                i++; // the common case first: printable ASCII that is neither a quote nor a backslash
                continue;
            }
            if (c == '"')
            {
                return i + 1;
            }
            if (c == '\\')
            {
                i = JsonLiterals.skipEscape(b, i, limit);
                if (i < 0)
                {
                    return SYNTAX;
                }
            }
            else if (c >= 0 && c < 0x20)
            {
                return SYNTAX;
            }
            else if (c < 0)
            {
                i = Utf8.skipSequence(b, i, limit);
                if (i < 0)
                {
                    return UTF8;
                }
            }
            else
            {
                i++;
            }
        }
        return SYNTAX;
    }

    static int skipWhitespace(final byte[] b, final int from, final int limit)
    {
        int p = from;
        while (p < limit)
        {
            final byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                break;
            }
            p++;
        }
        return p;
    }

    private static int skipContainer(
        final byte[] b, final int open, final int limit, final int depth, final char close, final boolean object)
    {
        if (depth >= JsonScanner.MAX_DEPTH)
        {
            return SYNTAX;
        }
        int p = skipWhitespace(b, open + 1, limit);
        if (p < limit && b[p] == close)
        {
            return p + 1;
        }
        while (true)
        {
            if (object)
            {
                if (p >= limit || b[p] != '"')
                {
                    return SYNTAX;
                }
                p = skipString(b, p, limit);
                if (p < 0)
                {
                    return p;
                }
                p = skipWhitespace(b, p, limit);
                if (p >= limit || b[p] != ':')
                {
                    return SYNTAX;
                }
                p = skipWhitespace(b, p + 1, limit);
            }
            p = skipValue(b, p, limit, depth + 1);
            if (p < 0)
            {
                return p;
            }
            p = skipWhitespace(b, p, limit);
            if (p >= limit)
            {
                return SYNTAX;
            }
            if (b[p] == close)
            {
                return p + 1;
            }
            if (b[p] != ',')
            {
                return SYNTAX;
            }
            p = skipWhitespace(b, p + 1, limit);
        }
    }

    private static int skipLiteral(final byte[] b, final int p, final int limit, final byte[] literal)
    {
        if (p + literal.length > limit || !java.util.Arrays.equals(literal, 0, literal.length, b, p, p + literal.length))
        {
            return SYNTAX;
        }
        return p + literal.length;
    }
}
