package dev.peregrine.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-instrument exit rules for open positions, as fractions of the entry price (0 = rule off):
 * stop-loss (mark moved against the entry by the fraction), take-profit (in favour by it), trailing
 * stop (mark fell back the fraction from its best since entry), and a time stop (the position is older
 * than {@code maxHoldingNanos}). Part of the engine settings, so replays exit at the same events.
 */
public final class ExitRules
{
    public final double[] stopLoss;
    public final double[] takeProfit;
    public final double[] trailingStop;
    public final long[] maxHoldingNanos;

    public ExitRules(final double[] stopLoss, final double[] takeProfit, final double[] trailingStop,
        final long[] maxHoldingNanos)
    {
        final int n = stopLoss.length;
        if (takeProfit.length != n || trailingStop.length != n || maxHoldingNanos.length != n)
        {
            throw new IllegalArgumentException("exit rules: one value per product for every rule");
        }
        for (int i = 0; i < n; i++)
        {
            check("exit.stopLoss", i, stopLoss[i]);
            check("exit.takeProfit", i, takeProfit[i]);
            check("exit.trailingStop", i, trailingStop[i]);
            if (maxHoldingNanos[i] < 0)
            {
                throw new IllegalArgumentException("exit.maxHoldingMillis of product " + i + " must be >= 0 (0 = off)");
            }
        }
        this.stopLoss = stopLoss.clone();
        this.takeProfit = takeProfit.clone();
        this.trailingStop = trailingStop.clone();
        this.maxHoldingNanos = maxHoldingNanos.clone();
        boolean any = false;
        for (int i = 0; i < n; i++)
        {
            any |= stopLoss[i] > 0 || takeProfit[i] > 0 || trailingStop[i] > 0 || maxHoldingNanos[i] > 0;
        }
        this.any = any;
    }

    private final boolean any;

    /** Whether any rule is on for any product: with none, the per-event evaluation is skipped outright. */
    public boolean any()
    {
        return any;
    }

    public static ExitRules none(final int instruments)
    {
        return new ExitRules(new double[instruments], new double[instruments], new double[instruments], new long[instruments]);
    }

    private static void check(final String key, final int i, final double value)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new IllegalArgumentException(key + " of product " + i + " must be a fraction in [0, 1) (0 = off), was " + value);
        }
    }

    public int instrumentCount()
    {
        return stopLoss.length;
    }

    public void encodeInto(final Map<String, String> map)
    {
        map.put("exit.stopLoss", join(stopLoss));
        map.put("exit.takeProfit", join(takeProfit));
        map.put("exit.trailingStop", join(trailingStop));
        final List<String> millis = new ArrayList<>();
        for (final long nanos : maxHoldingNanos)
        {
            millis.add(Long.toString(nanos / 1_000_000L));
        }
        map.put("exit.maxHoldingMillis", String.join(",", millis));
    }

    /** Reads what {@link #encodeInto} wrote; settings without exit rules have none. */
    public static ExitRules decode(final Map<String, String> map, final int products)
    {
        if (!map.containsKey("exit.stopLoss"))
        {
            return none(products);
        }
        final double[] stop = doubles(map.get("exit.stopLoss"), products, "exit.stopLoss");
        final double[] take = doubles(map.get("exit.takeProfit"), products, "exit.takeProfit");
        final double[] trail = doubles(map.get("exit.trailingStop"), products, "exit.trailingStop");
        final double[] millis = doubles(map.get("exit.maxHoldingMillis"), products, "exit.maxHoldingMillis");
        final long[] holding = new long[products];
        for (int i = 0; i < products; i++)
        {
            holding[i] = (long)millis[i] * 1_000_000L;
        }
        return new ExitRules(stop, take, trail, holding);
    }

    private static String join(final double[] values)
    {
        final List<String> parts = new ArrayList<>();
        for (final double v : values)
        {
            parts.add(Double.toString(v));
        }
        return String.join(",", parts);
    }

    private static double[] doubles(final String text, final int expected, final String key)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("settings miss '" + key + "'");
        }
        final String[] parts = text.split(",");
        if (parts.length != expected)
        {
            throw new IllegalArgumentException("settings '" + key + "' has " + parts.length + " values, expected " + expected);
        }
        final double[] values = new double[expected];
        for (int i = 0; i < expected; i++)
        {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
