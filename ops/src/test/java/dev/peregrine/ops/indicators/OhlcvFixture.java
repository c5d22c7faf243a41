package dev.peregrine.ops.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/** A generated, reproducible OHLCV series (a random walk of one-minute bars) and its CSV text. */
final class OhlcvFixture
{
    static final long START_SECONDS = 1_723_161_240L;

    record Bar(long epochSeconds, String open, String high, String low, String close, String volume)
    {
        double h()
        {
            return Double.parseDouble(high);
        }

        double l()
        {
            return Double.parseDouble(low);
        }

        double c()
        {
            return Double.parseDouble(close);
        }
    }

    private OhlcvFixture()
    {
    }

    static List<Bar> bars(final int count, final long seed)
    {
        final Random random = new Random(seed);
        final List<Bar> bars = new ArrayList<>();
        double last = 60_000.0;
        for (int i = 0; i < count; i++)
        {
            final double open = last;
            final double close = Math.max(1.0, open + random.nextGaussian() * 40.0);
            final double high = Math.max(open, close) + random.nextDouble() * 25.0;
            final double low = Math.max(0.5, Math.min(open, close) - random.nextDouble() * 25.0);
            final String o = cents(open);
            final String c = cents(close);
            final String h = cents(Math.max(high, Math.max(Double.parseDouble(o), Double.parseDouble(c))));
            final String l = cents(Math.min(low, Math.min(Double.parseDouble(o), Double.parseDouble(c))));
            bars.add(new Bar(START_SECONDS + 60L * i, o, h, l, c, String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble() * 12.0)));
            last = Double.parseDouble(c);
        }
        return bars;
    }

    static String cents(final double value)
    {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    /** The CSV with the timestamp written by {@code time} (epoch seconds to text). */
    static String csv(final List<Bar> bars, final LongFunction<String> time)
    {
        final StringBuilder text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (final Bar bar : bars)
        {
            text.append(time.apply(bar.epochSeconds())).append(',').append(bar.open()).append(',').append(bar.high())
                .append(',').append(bar.low()).append(',').append(bar.close()).append(',').append(bar.volume()).append('\n');
        }
        return text.toString();
    }

    static String iso(final long epochSeconds)
    {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
