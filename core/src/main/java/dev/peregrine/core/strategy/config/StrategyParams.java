package dev.peregrine.core.strategy.config;

import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reading of one strategy's parameters that records every problem instead of stopping at the
 * first: each getter returns a usable value (the default) when the text is missing or wrong, and adds a
 * message naming the strategy, the parameter, the value and what was expected. After reading,
 * {@link #problems()} also lists the parameters nobody read (a typo must not silently fall back to a
 * default).
 */
public final class StrategyParams
{
    private final StrategySpec spec;
    private final List<String> products;
    private final long[] defaultQuantity;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> bad = new LinkedHashSet<>();

    /**
     * @param products        configured products in engine order (their index is the instrument id).
     * @param defaultQuantity the engine's order quantity per product (scaled), the default of {@code quantity}.
     */
    public StrategyParams(final StrategySpec spec, final List<String> products, final long[] defaultQuantity)
    {
        this.spec = spec;
        this.products = List.copyOf(products);
        this.defaultQuantity = defaultQuantity.clone();
    }

    public String strategyName()
    {
        return spec.name();
    }

    private String raw(final String key)
    {
        read.add(key);
        return spec.params().get(key);
    }

    private void problem(final String key, final String value, final String expected)
    {
        bad.add(key);
        problems.add("strategy '" + spec.name() + "' (" + spec.type() + "): parameter '" + key + "'" +
            (value == null ? "" : " = '" + value + "'") + ": " + expected);
    }

    /**
     * A rule between parameters broken: recorded with their names in {@code message}. Skipped when one of
     * {@code keys} was itself bad: the rule would be checked against a fallback default and only mislead.
     */
    public void require(final boolean condition, final String message, final String... keys)
    {
        for (final String key : keys)
        {
            if (bad.contains(key))
            {
                return;
            }
        }
        if (!condition)
        {
            problems.add("strategy '" + spec.name() + "' (" + spec.type() + "): " + message);
        }
    }

    public int integer(final String key, final int defaultValue, final int min, final int max)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultValue;
        }
        final Integer value = parsed(text, Integer::valueOf);
        if (value != null && value >= min && value <= max)
        {
            return value;
        }
        problem(key, text, "expected an integer from " + min + " to " + max);
        return defaultValue;
    }

    public double decimal(final String key, final double defaultValue, final double min, final double max)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultValue;
        }
        final Double value = parsed(text, Double::valueOf);
        if (value != null && value >= min && value <= max)
        {
            return value;
        }
        problem(key, text, "expected a number from " + plain(min) + " to " + plain(max));
        return defaultValue;
    }

    public boolean bool(final String key, final boolean defaultValue)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultValue;
        }
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text))
        {
            return Boolean.parseBoolean(text);
        }
        problem(key, text, "expected true or false");
        return defaultValue;
    }

    /** One of {@code options} (the first is the default). */
    public String choice(final String key, final String... options)
    {
        final String text = raw(key);
        if (text == null)
        {
            return options[0];
        }
        for (final String option : options)
        {
            if (option.equals(text))
            {
                return option;
            }
        }
        problem(key, text, "expected one of " + String.join(", ", options));
        return options[0];
    }

    /** A configured product's instrument id; the default is the first product. */
    public int instrument(final String key)
    {
        final String text = raw(key);
        if (text == null)
        {
            return 0;
        }
        final int id = products.indexOf(text);
        if (id < 0)
        {
            problem(key, text, "not a configured product (configured: " + String.join(", ", products) + ")");
            return 0;
        }
        return id;
    }

    /** A positive quantity in base units (e.g. 0.01 BTC), scaled; the default is the engine's order quantity. */
    public long quantity(final String key, final int instrumentId)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultQuantity[instrumentId];
        }
        final long value = scaledOrZero(text);
        if (value <= 0)
        {
            problem(key, text, "expected a positive quantity such as 0.01");
            return defaultQuantity[instrumentId];
        }
        return value;
    }

    /**
     * As {@link #quantity}, but 0 when the parameter is absent: the strategy then asks the engine for its
     * order quantity at each decision ({@code StrategyContext.defaultOrderQuantity}: the order notional at
     * the current price) instead of fixing the catalog-price quantity when it is configured.
     */
    public long quantityOrEngine(final String key, final int instrumentId)
    {
        return spec.params().containsKey(key) ? quantity(key, instrumentId) : readAbsent(key);
    }

    private long readAbsent(final String key)
    {
        read.add(key);
        return 0;
    }

    /** A positive duration such as {@code 500ms}, {@code 30s}, {@code 1m}, {@code 4h}, in nanoseconds. */
    public long duration(final String key, final long defaultNanos)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultNanos;
        }
        final long nanos = parseDuration(text);
        if (nanos <= 0)
        {
            problem(key, text, "expected a positive duration such as 500ms, 30s, 1m or 4h");
            return defaultNanos;
        }
        return nanos;
    }

    /** A duration such as {@code 30s} that may also be zero ({@code 0}, {@code 0s}: "none"), in nanoseconds. */
    public long durationOrZero(final String key, final long defaultNanos)
    {
        final String text = raw(key);
        if (text == null)
        {
            return defaultNanos;
        }
        if (text.trim().matches("0+(\\.0*)?(ns|us|ms|s|m|h)?"))
        {
            return 0;
        }
        final long nanos = parseDuration(text);
        if (nanos <= 0)
        {
            problem(key, text, "expected a duration such as 0s, 500ms, 30s, 1m or 4h");
            return defaultNanos;
        }
        return nanos;
    }

    /** Problems found so far, plus every parameter given but never read. */
    public List<String> problems()
    {
        final List<String> all = new ArrayList<>(problems);
        for (final Map.Entry<String, String> e : spec.params().entrySet())
        {
            if (!read.contains(e.getKey()))
            {
                all.add("strategy '" + spec.name() + "' (" + spec.type() + "): unknown parameter '" + e.getKey() +
                    "' (known: " + String.join(", ", read) + ")");
            }
        }
        return all;
    }

    static long parseDuration(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == '.'))
        {
            end++;
        }
        if (end == 0)
        {
            return -1;
        }
        final double amount;
        try
        {
            amount = Double.parseDouble(t.substring(0, end));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
        final double unit;
        switch (t.substring(end))
        {
            case "ns": unit = 1; break;
            case "us": unit = 1e3; break;
            case "ms": unit = 1e6; break;
            case "s": unit = 1e9; break;
            case "m": unit = 60e9; break;
            case "h": unit = 3600e9; break;
            default: return -1;
        }
        final double nanos = amount * unit;
        return nanos >= 1 && nanos < Long.MAX_VALUE ? Math.round(nanos) : -1;
    }

    private static long scaledOrZero(final String text)
    {
        try
        {
            return FixedPoint.parseOrThrow("quantity", text);
        }
        catch (final RuntimeException ex)
        {
            return 0;
        }
    }

    /** {@code parser}'s value of {@code text}, or null where it is not a number (configuration time only). */
    private static <T> T parsed(final String text, final Function<String, T> parser)
    {
        try
        {
            return parser.apply(text);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private static String plain(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }
}
