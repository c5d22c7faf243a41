package dev.peregrine.bench.strategy;

import java.util.SplittableRandom;

/**
 * One-minute OHLCV bars of a seeded geometric random walk around 65,000 (0.1 % per bar), the same bars
 * for every library in a comparison. Arrays, so generating them is no part of what is measured.
 */
public final class RandomWalkBars
{
    public static final long START_EPOCH_SECONDS = 1_763_856_000L;   // 2025-11-23T00:00:00Z
    public static final long BAR_SECONDS = 60;

    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    public RandomWalkBars(final int count, final long seed)
    {
        open = new double[count];
        high = new double[count];
        low = new double[count];
        close = new double[count];
        volume = new double[count];
        final SplittableRandom random = new SplittableRandom(seed);
        double price = 65_000;
        for (int i = 0; i < count; i++)
        {
            final double next = price * Math.exp(random.nextGaussian() * 0.001);
            open[i] = price;
            close[i] = next;
            high[i] = Math.max(price, next) * (1 + random.nextDouble() * 0.0005);
            low[i] = Math.min(price, next) * (1 - random.nextDouble() * 0.0005);
            volume[i] = 0.1 + random.nextDouble() * 5;
            price = next;
        }
    }

    public int count()
    {
        return close.length;
    }
}
