package dev.peregrine.gateway.json;

/**
 * A cursor over the bytes of one JSON text that walks objects and arrays member by member and reports
 * each value as a span of the buffer, so a decoder reads exactly the fields it needs without building a
 * tree, a {@code String} or any other object. One instance is reused for every frame.
 *
 * <p>Iteration: {@link #enterObject()} then {@link #nextMember()} until it returns {@link #END}; each
 * {@link #ITEM} leaves the key span, the value kind and the raw value span behind, and the cursor after
 * the value (and after a following comma). Arrays work the same way with {@link #enterArray()} and
 * {@link #nextElement()}. Every value is skipped with full validation of its structure, so a caller that
 * went through a container once knows that walking it again cannot fail on syntax. To look inside a
 * value, save {@link #position()}, move to {@link #valueStart()}, walk it, and restore the position.
 *
 * <p>Errors are results, not exceptions: a method that fails returns {@link #ERROR} (or false) and sets
 * {@link #error()}. Strings are checked for valid UTF-8 and for raw control characters, but escapes are
 * not decoded: the span is the raw text between the quotes. The fields Coinbase sends (numbers as
 * strings, product ids, channel names) never need escapes; an escaped one simply fails to match or to
 * parse, and is dropped with that reason.
 *
 * <p>Validate once, then walk trusted. A decoder validates the whole text in one pass (walking the
 * top-level value with {@link #nextMember()}, which skips every value with full validation), then calls
 * {@link #trustValidated()}: from there to the next {@link #wrap}, values are skipped by a fast scan for
 * their end ({@code TrustedSkipper}) instead of being validated again, and {@link #nextKey()} /
 * {@link #nextElementStart()} stop at a value without skipping it, so a container the decoder descends
 * into is read once, not once per nesting level. Separators are not re-checked in that mode either.
 */
public final class JsonScanner extends JsonCursor
{
    public static final int ITEM = 1;
    public static final int END = 0;
    public static final int ERROR = -1;

    public static final int ERR_NONE = 0;
    public static final int ERR_SYNTAX = 1;
    public static final int ERR_UTF8 = 2;

    public static final int KIND_STRING = 1;
    public static final int KIND_NUMBER = 2;
    public static final int KIND_OBJECT = 3;
    public static final int KIND_ARRAY = 4;
    public static final int KIND_TRUE = 5;
    public static final int KIND_FALSE = 6;
    public static final int KIND_NULL = 7;

    /** Deep enough for every venue message; bounds the recursion of {@link #skipValue}. */
    public static final int MAX_DEPTH = 32;

    /** The bracket that closes the container of the value the lazy walk stopped at. */
    private char lazyClose;

    /** Expects an object at the cursor (after whitespace) and moves inside it. */
    public boolean enterObject()
    {
        return enter('{');
    }

    /** Expects an array at the cursor (after whitespace) and moves inside it. */
    public boolean enterArray()
    {
        return enter('[');
    }

    /** True if only whitespace is left: the text ended where the top-level value ended. */
    public boolean atEnd()
    {
        final boolean end = skipWhitespace(position) == limit;
        if (!end)
        {
            error = ERR_SYNTAX;
        }
        return end;
    }

    /** The next member of the current object: {@link #ITEM}, {@link #END} (past the '}') or {@link #ERROR}. */
    public int nextMember()
    {
        if (trusted)
        {
            final int result = nextKey();
            return result == ITEM ? skipCurrentValue() : result;
        }
        final int value = validatedKey();
        return value <= END ? value : readValueThenSeparator(value, '}');
    }

    /** The next element of the current array: {@link #ITEM}, {@link #END} (past the ']') or {@link #ERROR}. */
    public int nextElement()
    {
        if (trusted)
        {
            final int result = nextElementStart();
            return result == ITEM ? skipCurrentValue() : result;
        }
        final int p = elementStart(skipWhitespace(position));
        return p <= END ? p : readValueThenSeparator(p, ']');
    }

    /**
     * The next member of the current object, stopping at its value: key span, value kind and
     * {@link #valueStart()} are set and the cursor stands on the value's first byte, nothing of it
     * consumed. Follow with {@link #skipCurrentValue()}, or with {@link #enterObject()} /
     * {@link #enterArray()}, a walk to {@link #END} and {@link #endMember()}. Returns {@link #ITEM},
     * {@link #END} (past the '}') or {@link #ERROR}. Validating (key, colon, and through
     * {@link #skipCurrentValue()} / {@link #endMember()} the value and its separator) unless
     * {@link #trustValidated()} was called, so a decoder can descend into a container and validate it in
     * the same pass that reads it.
     */
    public int nextKey()
    {
        if (!trusted)
        {
            return nextKeyValidating();
        }
        int p = skipSeparators(position);
        if (p >= limit)
        {
            return fail(ERR_SYNTAX);
        }
        if (buffer[p] == '}')
        {
            position = p + 1;
            return END;
        }
        final int keyEnd = TrustedSkipper.skipString(buffer, p, limit);
        if (keyEnd < 0)
        {
            return fail(ERR_SYNTAX);
        }
        keyStart = p + 1;
        keyLength = keyEnd - p - 2;
        p = skipWhitespace(keyEnd) + 1; // past the ':'
        return stopAtValue(skipWhitespace(p));
    }

    /** The next element of the current array, stopping at its value (see {@link #nextKey()}); end with {@link #endElement()}. */
    public int nextElementStart()
    {
        if (!trusted)
        {
            final int p = elementStart(skipWhitespace(position));
            if (p <= END)
            {
                return p;
            }
            lazyClose = ']';
            return stopAtValue(p);
        }
        final int p = elementStart(skipSeparators(position));
        return p <= END ? p : stopAtValue(p);
    }

    /**
     * At {@code p}, the first byte after what precedes an element: the ']' that ends the array
     * ({@link #END}, the cursor after it), the end of the text ({@link #ERROR}), or an element, whose start
     * {@code p} is returned with the key span cleared. An element never starts at 0: the '[' comes first.
     */
    private int elementStart(final int p)
    {
        if (p >= limit)
        {
            return fail(ERR_SYNTAX);
        }
        if (buffer[p] == ']')
        {
            position = p + 1;
            return END;
        }
        keyStart = 0;
        keyLength = 0;
        return p;
    }

    /** Skips the value the lazy walk stopped at (and, validating, its separator); {@link #ITEM} or {@link #ERROR}. */
    public int skipCurrentValue()
    {
        return trusted ? skipFrom(valueStart) : readValueThenSeparator(valueStart, lazyClose);
    }

    /** After walking a member's container value to its {@link #END}: checks the separator that follows it. */
    public boolean endMember()
    {
        return trusted || separatorAfter(position, '}') == ITEM;
    }

    /** After walking an element's container value to its {@link #END}: checks the separator that follows it. */
    public boolean endElement()
    {
        return trusted || separatorAfter(position, ']') == ITEM;
    }

    /**
     * Trusted mode only: skips the value that starts at {@code start} (a value the lazy walk stopped at
     * and a decoder left half read) and sets {@link #valueEnd()}; the cursor goes after it.
     */
    public int skipFrom(final int start)
    {
        final int end = TrustedSkipper.skipValue(buffer, start, limit);
        if (end < 0)
        {
            return fail(ERR_SYNTAX);
        }
        valueEnd = end;
        position = end;
        return ITEM;
    }

    /**
     * Skips the value starting at {@code p} (no leading whitespace), validating it completely.
     *
     * @return the index one past the value, or -1 with {@link #error()} set.
     */
    public int skipValue(final int p)
    {
        final int end = JsonSkipper.skipValue(buffer, p, limit, 0);
        return end >= 0 ? end : failAt(end == JsonSkipper.UTF8 ? ERR_UTF8 : ERR_SYNTAX);
    }

    private boolean enter(final char open)
    {
        final int p = skipWhitespace(position);
        if (p >= limit || buffer[p] != open)
        {
            error = ERR_SYNTAX;
            return false;
        }
        position = p + 1;
        return true;
    }

    private int readValueThenSeparator(final int p, final char close)
    {
        if (p >= limit)
        {
            return fail(ERR_SYNTAX);
        }
        // Strings, the most common value, straight to the string skipper; the rest through the dispatch.
        final int end = buffer[p] == '"' ? JsonSkipper.skipString(buffer, p, limit) : JsonSkipper.skipValue(buffer, p, limit, 0);
        if (end < 0)
        {
            return fail(end == JsonSkipper.UTF8 ? ERR_UTF8 : ERR_SYNTAX);
        }
        valueKind = kindOf(buffer[p]);
        valueStart = p;
        valueEnd = end;
        return separatorAfter(end, close);
    }

    private int separatorAfter(final int end, final char close)
    {
        int q = skipWhitespace(end);
        if (q < limit && buffer[q] == ',')
        {
            q = skipWhitespace(q + 1);
            // A comma must be followed by another item, never by the closing bracket.
            if (q >= limit || buffer[q] == close)
            {
                return fail(ERR_SYNTAX);
            }
        }
        else if (q >= limit || buffer[q] != close)
        {
            return fail(ERR_SYNTAX);
        }
        position = q;
        return ITEM;
    }

    private int nextKeyValidating()
    {
        final int value = validatedKey();
        if (value <= END)
        {
            return value;
        }
        lazyClose = '}';
        return stopAtValue(value);
    }

    /**
     * Validating: the '}' that ends the object ({@link #END}), or a key and its colon, leaving the key span
     * set. Returns {@link #END}, {@link #ERROR}, or the index after the colon and its whitespace, where the
     * value starts (always past the key's two quotes and the colon, so never mistaken for END or ERROR).
     */
    private int validatedKey()
    {
        int p = skipWhitespace(position);
        if (p >= limit)
        {
            return fail(ERR_SYNTAX);
        }
        if (buffer[p] == '}')
        {
            position = p + 1;
            return END;
        }
        if (buffer[p] != '"')
        {
            return fail(ERR_SYNTAX);
        }
        final int keyEnd = JsonSkipper.skipString(buffer, p, limit);
        if (keyEnd < 0)
        {
            return fail(keyEnd == JsonSkipper.UTF8 ? ERR_UTF8 : ERR_SYNTAX);
        }
        keyStart = p + 1;
        keyLength = keyEnd - p - 2;
        p = skipWhitespace(keyEnd);
        if (p >= limit || buffer[p] != ':')
        {
            return fail(ERR_SYNTAX);
        }
        return skipWhitespace(p + 1);
    }

    private int stopAtValue(final int p)
    {
        if (p >= limit)
        {
            return fail(ERR_SYNTAX);
        }
        valueKind = kindOf(buffer[p]);
        valueStart = p;
        valueEnd = p;
        position = p;
        return ITEM;
    }

    /** Whitespace and commas: in trusted mode the structure was checked already, separators included. */
    private int skipSeparators(final int from)
    {
        int p = from;
        while (p < limit)
        {
            final byte c = buffer[p];
            if (c != ',' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                break;
            }
            p++;
        }
        return p;
    }

}
