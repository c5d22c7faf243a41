package dev.peregrine.ops.logging;

import dev.peregrine.core.number.FixedPoint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One structured log line being built: a JSON object that always starts with {@code ts} (ISO-8601 UTC),
 * {@code level} and {@code event}, then the fields in the order they are added. Strings are escaped;
 * scaled quantities and prices are written as exact plain decimals. Not thread-safe: the log thread keeps
 * one and {@link #begin}s it again per line; other callers make their own.
 */
public final class JsonLine
{
    public static final String INFO = "INFO";
    public static final String WARN = "WARN";
    public static final String ERROR = "ERROR";

    private final StringBuilder json = new StringBuilder(256);

    /** A line stamped with the wall clock. */
    public static JsonLine now(final String level, final String event)
    {
        final Instant now = Instant.now();
        return new JsonLine().begin(now.getEpochSecond() * 1_000_000_000L + now.getNano(), level, event);
    }

    /** Starts a new line (forgetting the previous one) stamped {@code epochNanos}. */
    public JsonLine begin(final long epochNanos, final String level, final String event)
    {
        json.setLength(0);
        json.append("{\"ts\":\"").append(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L))).append('"');
        return field("level", level).field("event", event);
    }

    public JsonLine field(final String name, final String value)
    {
        name(name);
        if (value == null)
        {
            json.append("null");
        }
        else
        {
            quoted(value);
        }
        return this;
    }

    public JsonLine field(final String name, final long value)
    {
        name(name);
        json.append(value);
        return this;
    }

    public JsonLine field(final String name, final boolean value)
    {
        name(name);
        json.append(value);
        return this;
    }

    /** A scaled long ({@link FixedPoint}) as an exact JSON number, e.g. {@code 65000.12}. */
    public JsonLine decimal(final String name, final long scaled)
    {
        name(name);
        FixedPoint.appendTo(json, scaled);
        return this;
    }

    /** A double to 8 decimals without trailing zeros (fees, PnL); non-finite values as null. */
    public JsonLine number(final String name, final double value)
    {
        name(name);
        if (!Double.isFinite(value))
        {
            json.append("null");
            return this;
        }
        String text = String.format(Locale.ROOT, "%.8f", value);
        if (text.indexOf('.') >= 0)
        {
            int end = text.length();
            while (text.charAt(end - 1) == '0')
            {
                end--;
            }
            if (text.charAt(end - 1) == '.')
            {
                end--;
            }
            text = text.substring(0, end);
        }
        json.append("-0".equals(text) ? "0" : text);
        return this;
    }

    public JsonLine field(final String name, final List<String> values)
    {
        name(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++)
        {
            if (i > 0)
            {
                json.append(',');
            }
            quoted(values.get(i));
        }
        json.append(']');
        return this;
    }

    /** The finished object, without a line break. */
    public String text()
    {
        return json + "}";
    }

    @Override
    public String toString()
    {
        return text();
    }

    private void name(final String name)
    {
        json.append(',');
        quoted(name);
        json.append(':');
    }

    private void quoted(final String value)
    {
        appendQuoted(json, value);
    }

    /** Appends {@code value} as a JSON string (quoted and escaped) to {@code json}. */
    public static void appendQuoted(final StringBuilder json, final String value)
    {
        json.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029)
                    {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else
                    {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
