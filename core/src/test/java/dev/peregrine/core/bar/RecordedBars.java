package dev.peregrine.core.bar;

import java.util.ArrayList;
import java.util.List;

/** Records every bar a builder emits, as text rows (for exact assertions) and as double columns. */
public final class RecordedBars implements BarListener
{
    public final List<Bar> bars = new ArrayList<>();

    public record Bar(int instrumentId, long start, long end, long open, long high, long low, long close, long volume,
        int trades)
    {
    }

    @Override
    public void onBar(final int instrumentId, final long startNanos, final long endNanos, final long open,
        final long high, final long low, final long close, final long volume, final int tradeCount)
    {
        bars.add(new Bar(instrumentId, startNanos, endNanos, open, high, low, close, volume, tradeCount));
    }

    public double[] opens()
    {
        return column(0);
    }

    public double[] highs()
    {
        return column(1);
    }

    public double[] lows()
    {
        return column(2);
    }

    public double[] closes()
    {
        return column(3);
    }

    public double[] volumes()
    {
        return column(4);
    }

    private double[] column(final int which)
    {
        final double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++)
        {
            final Bar b = bars.get(i);
            final long v = which == 0 ? b.open : which == 1 ? b.high : which == 2 ? b.low : which == 3 ? b.close : b.volume;
            out[i] = v / 1e8;
        }
        return out;
    }
}
