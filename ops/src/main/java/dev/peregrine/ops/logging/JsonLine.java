package dev.peregrine.ops.logging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.peregrine.core.number.FixedPoint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One structured log line being built: a JSON object that always starts with {@code ts} (ISO-8601 UTC),
 * {@code level} and {@code event}, then the fields in the order they are added (a Jackson tree, written by
 * {@link JsonOutput}). Scaled quantities and prices are written as exact plain decimals. Not thread-safe: the
 * log thread keeps one and {@link #begin}s it again per line; other callers make their own.
 */
public final class JsonLine
{
    public static final String INFO = "INFO";
    public static final String WARN = "WARN";
    public static final String ERROR = "ERROR";

    private ObjectNode json = JsonOutput.object();

    /** A line stamped with the wall clock. */
    public static JsonLine now(final String level, final String event)
    {
        final Instant now = Instant.now();
        return new JsonLine().begin(now.getEpochSecond() * 1_000_000_000L + now.getNano(), level, event);
    }

    /** Starts a new line (forgetting the previous one) stamped {@code epochNanos}. */
    public JsonLine begin(final long epochNanos, final String level, final String event)
    {
        json = JsonOutput.object();
        json.put("ts", Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L)).toString());
        return field("level", level).field("event", event);
    }

    public JsonLine field(final String name, final String value)
    {
        json.put(name, value);
        return this;
    }

    public JsonLine field(final String name, final long value)
    {
        json.put(name, value);
        return this;
    }

    public JsonLine field(final String name, final boolean value)
    {
        json.put(name, value);
        return this;
    }

    /** A scaled long ({@link FixedPoint}) as an exact JSON number, e.g. {@code 65000.12}. */
    public JsonLine decimal(final String name, final long scaled)
    {
        json.putRawValue(name, new RawValue(FixedPoint.toString(scaled)));
        return this;
    }

    /** A double to 8 decimals without trailing zeros (fees, PnL); non-finite values as null. */
    public JsonLine number(final String name, final double value)
    {
        if (!Double.isFinite(value))
        {
            json.putNull(name);
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
        json.putRawValue(name, new RawValue("-0".equals(text) ? "0" : text));
        return this;
    }

    public JsonLine field(final String name, final List<String> values)
    {
        final ArrayNode array = json.putArray(name);
        values.forEach(array::add);
        return this;
    }

    /** The finished object, without a line break. */
    public String text()
    {
        return JsonOutput.compact(json);
    }

    @Override
    public String toString()
    {
        return text();
    }
}
