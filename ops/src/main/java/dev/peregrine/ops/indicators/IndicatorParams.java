package dev.peregrine.ops.indicators;

import dev.peregrine.ops.cli.UsageException;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicator settings, changed with {@code --param name=value}: {@code sma ema wma rsi stddev atr adx bb}
 * (periods), {@code macd_fast macd_slow macd_signal} (periods) and {@code bb_k} (the Bollinger
 * multiplier). The column names carry the values, so a changed setting shows in the header.
 */
public final class IndicatorParams
{
    /** The largest period accepted (each window holds this many doubles). */
    public static final int MAX_PERIOD = 100_000;

    /** Each {@code --param} name with its default, in the order the help lists them. */
    private static final Object[][] DEFAULT_TABLE = {
        {"sma", 20}, {"ema", 20}, {"wma", 20}, {"rsi", 14}, {"macd_fast", 12}, {"macd_slow", 26}, {"macd_signal", 9},
        {"bb", 20}, {"bb_k", 2.0}, {"atr", 14}, {"adx", 14}, {"stddev", 20}};
    private static final Map<String, Number> DEFAULTS = defaultValues();

    private final Map<String, Number> values;

    private IndicatorParams(final Map<String, Number> values)
    {
        this.values = values;
    }

    public static IndicatorParams defaults()
    {
        return new IndicatorParams(new LinkedHashMap<>(DEFAULTS));
    }

    /** The defaults changed by {@code name=value} assignments; a bad one is a {@link UsageException}. */
    public static IndicatorParams parse(final List<String> assignments)
    {
        final Map<String, Number> values = new LinkedHashMap<>(DEFAULTS);
        for (final String assignment : assignments)
        {
            final int eq = assignment.indexOf('=');
            final String name = eq < 0 ? assignment.trim() : assignment.substring(0, eq).trim();
            if (!DEFAULTS.containsKey(name))
            {
                throw new UsageException("--param " + assignment + ": unknown name '" + name + "' (valid: " +
                    String.join(", ", DEFAULTS.keySet()) + ")");
            }
            if (eq < 0)
            {
                throw new UsageException("--param " + assignment + ": expected name=value, for example " + name + "=" +
                    DEFAULTS.get(name));
            }
            final String text = assignment.substring(eq + 1).trim();
            if (name.equals("bb_k"))
            {
                final double k;
                try
                {
                    k = Double.parseDouble(text);
                }
                catch (final NumberFormatException ex)
                {
                    throw new UsageException("--param " + assignment + ": '" + text + "' is not a number");
                }
                if (!(k >= 0.0) || Double.isInfinite(k))
                {
                    throw new UsageException("--param " + assignment + ": bb_k must be a finite number >= 0");
                }
                values.put(name, k);
            }
            else
            {
                final int minimum = name.equals("rsi") || name.equals("adx") ? 2 : 1;
                final int period;
                try
                {
                    period = Integer.parseInt(text);
                }
                catch (final NumberFormatException ex)
                {
                    throw new UsageException("--param " + assignment + ": '" + text + "' is not a whole number");
                }
                if (period < minimum || period > MAX_PERIOD)
                {
                    throw new UsageException("--param " + assignment + ": " + name + " must be between " + minimum +
                        " and " + MAX_PERIOD);
                }
                values.put(name, period);
            }
        }
        final IndicatorParams params = new IndicatorParams(values);
        if (params.period("macd_fast") >= params.period("macd_slow"))
        {
            throw new UsageException("--param: macd_fast (" + params.period("macd_fast") +
                ") must be less than macd_slow (" + params.period("macd_slow") + ")");
        }
        return params;
    }

    public int period(final String name)
    {
        final Number value = values.get(name);
        if (value == null || name.equals("bb_k"))
        {
            throw new IllegalArgumentException("no period named " + name);
        }
        return value.intValue();
    }

    public double bbK()
    {
        return values.get("bb_k").doubleValue();
    }

    /** {@code bb_k} as it appears in column names: {@code 2}, {@code 2.5}. */
    public String bbKText()
    {
        return new BigDecimal(Double.toString(bbK())).stripTrailingZeros().toPlainString();
    }

    /** The names {@code --param} accepts, with their defaults, for the help. */
    public static String describeDefaults()
    {
        final StringBuilder text = new StringBuilder();
        DEFAULTS.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=')
            .append(name.equals("bb_k") ? "2" : value));
        return text.toString();
    }

    private static Map<String, Number> defaultValues()
    {
        final Map<String, Number> d = new LinkedHashMap<>();
        for (final Object[] row : DEFAULT_TABLE)
        {
            d.put((String)row[0], (Number)row[1]);
        }
        return Collections.unmodifiableMap(d);
    }
}
