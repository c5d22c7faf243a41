package dev.peregrine.ops.config;

import dev.peregrine.ops.cli.ByteSizes;
import dev.peregrine.ops.cli.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read by key with its dotted path. A wrong value is recorded as a {@link ConfigProblem}
 * and the default returned, so reading goes on and every problem of the file comes out at once.
 * Each key read is remembered: {@link #finish()} reports the keys nobody asked for, with a did-you-mean.
 */
final class ConfigSection
{
    private final String path;
    private final Map<String, Object> values;
    private final List<ConfigProblem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigSection(final String path, final Map<String, Object> values, final List<ConfigProblem> problems)
    {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    String path(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(final String key, final Object found, final String expected)
    {
        problems.add(new ConfigProblem(path(key), found == null ? null : "'" + found + "'", expected));
    }

    List<ConfigProblem> problems()
    {
        return problems;
    }

    boolean has(final String key)
    {
        known.add(key);
        return values.get(key) != null;
    }

    Object raw(final String key)
    {
        known.add(key);
        return values.get(key);
    }

    String string(final String key, final String defaultValue)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        if (value instanceof Map || value instanceof List)
        {
            problem(key, shape(value), "a single value");
            return defaultValue;
        }
        return value.toString();
    }

    /** One of {@code choices}, compared as written. */
    String choice(final String key, final String defaultValue, final List<String> choices)
    {
        final String value = string(key, defaultValue);
        if (value != null && !choices.contains(value))
        {
            problem(key, value, "one of " + String.join(", ", choices));
            return defaultValue;
        }
        return value;
    }

    long integer(final String key, final long defaultValue, final long min, final long max)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        if (!(value instanceof Integer || value instanceof Long))
        {
            problem(key, value, "a whole number in [" + min + ", " + max + "]");
            return defaultValue;
        }
        final long n = ((Number) value).longValue();
        if (n < min || n > max)
        {
            problem(key, value, "a whole number in [" + min + ", " + max + "]");
            return defaultValue;
        }
        return n;
    }

    /** A number; {@code decimal} text is kept as written so quantities parse exactly. */
    String decimal(final String key, final String defaultValue, final boolean allowZero)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        final String expected = allowZero ? "a number >= 0" : "a number > 0";
        if (!(value instanceof Number))
        {
            problem(key, value, expected);
            return defaultValue;
        }
        final double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d) || d < 0 || (!allowZero && d == 0))
        {
            problem(key, value, expected);
            return defaultValue;
        }
        return new java.math.BigDecimal(value.toString()).toPlainString();
    }

    double fraction(final String key, final double defaultValue)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        final double d = value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
        if (!(d >= 0 && d < 1))
        {
            problem(key, value, "a fraction in [0, 1)");
            return defaultValue;
        }
        return d;
    }

    boolean bool(final String key, final boolean defaultValue)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        if (!(value instanceof Boolean))
        {
            problem(key, value, "true or false");
            return defaultValue;
        }
        return (Boolean) value;
    }

    /** A duration such as 20ms, 10s, 7d; {@code 0} only where {@code allowZero}. Null default means optional. */
    Duration duration(final String key, final Duration defaultValue, final boolean allowZero)
    {
        final String text = string(key, null);
        if (text == null)
        {
            return defaultValue;
        }
        if (allowZero && text.trim().equals("0"))
        {
            return Duration.ZERO;
        }
        try
        {
            return Durations.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            problem(key, text, "a duration such as 500ms, 10s, 5m, 7d" + (allowZero ? " or 0" : ""));
            return defaultValue;
        }
    }

    /** A byte size such as 500m or 20g; 0 when absent. */
    long bytes(final String key)
    {
        final String text = string(key, null);
        if (text == null)
        {
            return 0;
        }
        try
        {
            return ByteSizes.parse(path(key), text);
        }
        catch (final IllegalArgumentException ex)
        {
            problem(key, text, "a size such as 500m or 20g");
            return 0;
        }
    }

    int port(final String key, final int defaultValue)
    {
        return (int) integer(key, defaultValue, 0, 65_535);
    }

    /** A nested mapping; an empty one when absent (so its defaults apply). */
    ConfigSection section(final String key)
    {
        final Object value = raw(key);
        if (value != null && !(value instanceof Map))
        {
            problem(key, shape(value), "a mapping of keys to values");
            return new ConfigSection(path(key), Map.of(), problems);
        }
        return new ConfigSection(path(key), value == null ? Map.of() : asMap(value), problems);
    }

    /** A list of plain values; {@code defaultValue} when absent. */
    List<String> strings(final String key, final List<String> defaultValue)
    {
        final Object value = raw(key);
        if (value == null)
        {
            return defaultValue;
        }
        if (!(value instanceof List))
        {
            problem(key, shape(value), "a list");
            return defaultValue;
        }
        final List<String> result = new ArrayList<>();
        for (final Object item : (List<?>) value)
        {
            if (item == null || item instanceof Map || item instanceof List)
            {
                problem(key, shape(item), "a list of plain values");
                return defaultValue;
            }
            result.add(item.toString());
        }
        return result;
    }

    /** A list of mappings, each as a section named {@code key[i]}. */
    List<ConfigSection> sections(final String key)
    {
        final Object value = raw(key);
        final List<ConfigSection> result = new ArrayList<>();
        if (value == null)
        {
            return result;
        }
        if (!(value instanceof List))
        {
            problem(key, shape(value), "a list of mappings");
            return result;
        }
        final List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++)
        {
            final Object item = items.get(i);
            if (!(item instanceof Map))
            {
                problems.add(new ConfigProblem(path(key) + "[" + i + "]", shape(item), "a mapping of keys to values"));
                continue;
            }
            result.add(new ConfigSection(path(key) + "[" + i + "]", asMap(item), problems));
        }
        return result;
    }

    /** The keys of this mapping, for sections keyed by name (products, strategy params). */
    Set<String> keys()
    {
        return values.keySet();
    }

    /** Marks every key known: a section whose keys are names rather than settings. */
    void acceptAnyKey()
    {
        known.addAll(values.keySet());
    }

    /** Reports each key of this mapping that no reader asked for. */
    void finish()
    {
        for (final String key : values.keySet())
        {
            if (!known.contains(key))
            {
                problems.add(new ConfigProblem(path(key), "an unknown key", DidYouMean.suggest(key, known)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(final Object value)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> map.put(String.valueOf(k), v));
        return map;
    }

    private static String shape(final Object value)
    {
        if (value instanceof Map)
        {
            return "a mapping";
        }
        if (value instanceof List)
        {
            return "a list";
        }
        return String.valueOf(value);
    }
}
