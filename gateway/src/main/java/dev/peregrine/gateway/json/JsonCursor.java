package dev.peregrine.gateway.json;

import static dev.peregrine.gateway.json.JsonScanner.ERROR;
import static dev.peregrine.gateway.json.JsonScanner.ERR_NONE;
import static dev.peregrine.gateway.json.JsonScanner.KIND_ARRAY;
import static dev.peregrine.gateway.json.JsonScanner.KIND_FALSE;
import static dev.peregrine.gateway.json.JsonScanner.KIND_NULL;
import static dev.peregrine.gateway.json.JsonScanner.KIND_NUMBER;
import static dev.peregrine.gateway.json.JsonScanner.KIND_OBJECT;
import static dev.peregrine.gateway.json.JsonScanner.KIND_STRING;
import static dev.peregrine.gateway.json.JsonScanner.KIND_TRUE;

/**
 * The state of one walk over one JSON text, and what a decoder reads from it: the buffer and cursor, the
 * span of the last key, the kind and span of the last value, the error of the last failing call, and the
 * allocation-free comparisons and accessors on those spans. It is split from {@link JsonScanner}, which
 * moves the cursor (the validating and the lazy walk), so that each file holds one concept: this one
 * never looks at a byte beyond the spans it was given, except to skip whitespace.
 */
abstract class JsonCursor
{
    byte[] buffer = new byte[0];
    int limit;
    int position;
    int error;
    int keyStart;
    int keyLength;
    int valueKind;
    int valueStart;
    int valueEnd;
    boolean trusted;

    /** Points the cursor at {@code buffer[offset, offset + length)}; the bytes are read, never copied. */
    public void wrap(final byte[] buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.error = ERR_NONE;
        this.keyStart = 0;
        this.keyLength = 0;
        this.valueKind = 0;
        this.valueStart = 0;
        this.valueEnd = 0;
        this.trusted = false;
    }

    /**
     * Declares the whole wrapped text valid JSON, as a complete validating walk just proved; until the
     * next {@link #wrap}, values are skipped without being validated again and the lazy walk
     * ({@link #nextKey()}, {@link #nextElementStart()}) is available. Never call it on text that did not
     * pass validation: the trusted walk does not look for errors (it stays within bounds, though).
     */
    public void trustValidated()
    {
        this.trusted = true;
    }

    public boolean trusted()
    {
        return trusted;
    }

    public byte[] buffer()
    {
        return buffer;
    }

    public int position()
    {
        return position;
    }

    public void position(final int position)
    {
        this.position = position;
    }

    /** {@link #ERR_NONE}, {@link #ERR_SYNTAX} or {@link #ERR_UTF8}: why the last failing call failed. */
    public int error()
    {
        return error;
    }

    /**
     * The key of the last member if it is one byte long (Binance's keys: {@code "s"}, {@code "p"}, ...),
     * else -1: lets a decoder dispatch with one {@code switch} instead of a chain of {@link #keyEquals}.
     */
    public int singleByteKey()
    {
        return keyLength == 1 ? buffer[keyStart] : -1;
    }

    /** True if the key of the last member is exactly {@code name} (raw bytes, no unescaping). */
    public boolean keyEquals(final byte[] name)
    {
        // Length, then byte by byte from the first: almost every other key fails on the first byte, and
        // keys are too short for a vectorised range compare to pay for its call.
        return name.length == keyLength && regionEquals(name, keyStart);
    }

    /** True if the current value is a string whose raw text equals {@code text}. Allocation-free. */
    public boolean stringEquals(final byte[] text)
    {
        return valueKind == KIND_STRING && stringLength() == text.length && regionEquals(text, stringStart());
    }

    public int valueKind()
    {
        return valueKind;
    }

    /** First byte of the last value (the quote of a string, the bracket of a container). */
    public int valueStart()
    {
        return valueStart;
    }

    /** One past the last byte of the last value. */
    public int valueEnd()
    {
        return valueEnd;
    }

    /** Start of a string value's content, inside the quotes. */
    public int stringStart()
    {
        return valueStart + 1;
    }

    /** Length of a string value's raw content, inside the quotes. */
    public int stringLength()
    {
        return valueEnd - valueStart - 2;
    }

    static int kindOf(final byte first)
    {
        switch (first)
        {
            case '"': return KIND_STRING;
            case '{': return KIND_OBJECT;
            case '[': return KIND_ARRAY;
            case 't': return KIND_TRUE;
            case 'f': return KIND_FALSE;
            case 'n': return KIND_NULL;
            default: return KIND_NUMBER;
        }
    }

    boolean regionEquals(final byte[] expected, final int at)
    {
        final byte[] b = buffer;
        for (int i = 0; i < expected.length; i++)
        {
            if (b[at + i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    int skipWhitespace(final int from)
    {
        return JsonSkipper.skipWhitespace(buffer, from, limit);
    }

    int fail(final int code)
    {
        error = code;
        return ERROR;
    }

    int failAt(final int code)
    {
        error = code;
        return -1;
    }
}
