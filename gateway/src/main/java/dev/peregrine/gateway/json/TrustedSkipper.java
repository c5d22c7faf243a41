package dev.peregrine.gateway.json;

/**
 * Finds the end of a value in text that has already been validated once, without validating it again:
 * no number grammar, no escape or UTF-8 checks, no nesting limit. It only has to tell string bytes from
 * structure, so it is one tight loop per value. Unsound on text that was not validated; bounds are still
 * checked, so misuse returns {@link JsonSkipper#SYNTAX} instead of reading past the text.
 */
final class TrustedSkipper
{
    private TrustedSkipper()
    {
    }

    /** Skips the value starting at {@code p} (no leading whitespace); returns the index after it. */
    static int skipValue(final byte[] b, final int p, final int limit)
    {
        if (p >= limit)
        {
            return JsonSkipper.SYNTAX;
        }
        final byte first = b[p];
        if (first == '"')
        {
            return skipString(b, p, limit);
        }
        if (first == '{' || first == '[')
        {
            return skipContainer(b, p, limit);
        }
        // A number or a literal: it ends at the first byte that may follow a value.
        int i = p + 1;
        while (i < limit)
        {
            final byte c = b[i];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
            {
                break;
            }
            i++;
        }
        return i;
    }

    /** Skips the string whose opening quote is at {@code quote}; an escape is two bytes, whatever it is. */
    static int skipString(final byte[] b, final int quote, final int limit)
    {
        int i = quote + 1;
        while (i < limit)
        {
            if (i + 8 <= limit)
            {
                final long flagged = Swar.quotesOrBackslashes(Swar.word(b, i));
                if (flagged == 0)
                {
                    i += 8;
                    continue;
                }
                i += Swar.firstByte(flagged);
            }
            final byte c = b[i];
            if (c == '"')
            {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        return JsonSkipper.SYNTAX;
    }

    private static int skipContainer(final byte[] b, final int open, final int limit)
    {
        int depth = 0;
        int i = open;
        while (i < limit)
        {
            final byte c = b[i];
            if (c == '"')
            {
                i = skipString(b, i, limit);
                if (i < 0)
                {
                    return i;
                }
                continue;
            }
            if (c == '{' || c == '[')
            {
                depth++;
            }
            else if ((c == '}' || c == ']') && --depth == 0)
            {
                return i + 1;
            }
            i++;
        }
        return JsonSkipper.SYNTAX;
    }
}
