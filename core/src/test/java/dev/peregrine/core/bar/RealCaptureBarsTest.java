package dev.peregrine.core.bar;

import dev.peregrine.core.bar.RecordedBars.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bars from the real Binance capture against an independent aggregation: trades grouped by interval
 * index in a sorted map, gaps filled after the fact, tick and volume bars cut from the trade list.
 */
class RealCaptureBarsTest
{
    @Test
    void timeBarsMatchAGroupByOfTheTrades()
    {
        final BinanceTradeCapture capture = BinanceTradeCapture.load();
        for (final long interval : new long[] {1_000_000_000L, 5_000_000_000L, 60_000_000_000L, 250_000_000L})
        {
            final RecordedBars out = new RecordedBars();
            final TimeBarBuilder builder = new TimeBarBuilder(1, interval, out);
            // A clock event every 100 ms between trades, as the ops timer would send (clock = trade time here).
            long nextClock = capture.timeNanos[0];
            for (int i = 0; i < capture.size(); i++)
            {
                while (nextClock < capture.timeNanos[i])
                {
                    builder.onClock(nextClock);
                    nextClock += 100_000_000L;
                }
                builder.onTrade(capture.scaledPrice[i], capture.scaledQuantity[i], capture.timeNanos[i]);
            }
            builder.onClock(capture.timeNanos[capture.size() - 1] + interval);
            assertThat(out.bars).as("interval %d ns", interval).isEqualTo(groupBy(capture, interval));
            assertThat(builder.lateTrades()).isZero();
            long volume = 0;
            for (final Bar bar : out.bars)
            {
                volume += bar.volume();
            }
            long expected = 0;
            for (final long q : capture.scaledQuantity)
            {
                expected += q;
            }
            assertThat(volume).isEqualTo(expected);
        }
    }

    @Test
    void tickAndVolumeBarsMatchCutsOfTheTradeList()
    {
        final BinanceTradeCapture capture = BinanceTradeCapture.load();
        final RecordedBars ticks = new RecordedBars();
        final RecordedBars volume = new RecordedBars();
        final TickBarBuilder tickBuilder = new TickBarBuilder(1, 50, ticks);
        final long threshold = 100_000_000L; // 1 BTC
        final VolumeBarBuilder volumeBuilder = new VolumeBarBuilder(1, threshold, volume);
        for (int i = 0; i < capture.size(); i++)
        {
            tickBuilder.onTrade(capture.scaledPrice[i], capture.scaledQuantity[i], capture.timeNanos[i]);
            volumeBuilder.onTrade(capture.scaledPrice[i], capture.scaledQuantity[i], capture.timeNanos[i]);
        }
        final List<Bar> expectedTicks = new ArrayList<>();
        for (int from = 0; from + 50 <= capture.size(); from += 50)
        {
            expectedTicks.add(aggregate(capture, from, from + 50));
        }
        assertThat(ticks.bars).isEqualTo(expectedTicks);

        final List<Bar> expectedVolume = new ArrayList<>();
        int from = 0;
        long sum = 0;
        for (int i = 0; i < capture.size(); i++)
        {
            sum += capture.scaledQuantity[i];
            if (sum >= threshold)
            {
                expectedVolume.add(aggregate(capture, from, i + 1));
                from = i + 1;
                sum = 0;
            }
        }
        assertThat(volume.bars).isEqualTo(expectedVolume).isNotEmpty();
    }

    private static Bar aggregate(final BinanceTradeCapture c, final int from, final int to)
    {
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        for (int i = from; i < to; i++)
        {
            high = Math.max(high, c.scaledPrice[i]);
            low = Math.min(low, c.scaledPrice[i]);
            volume += c.scaledQuantity[i];
        }
        return new Bar(1, c.timeNanos[from], c.timeNanos[to - 1], c.scaledPrice[from], high, low, c.scaledPrice[to - 1],
            volume, to - from);
    }

    private static List<Bar> groupBy(final BinanceTradeCapture c, final long interval)
    {
        final TreeMap<Long, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < c.size(); i++)
        {
            groups.computeIfAbsent(Math.floorDiv(c.timeNanos[i], interval), k -> new ArrayList<>()).add(i);
        }
        final List<Bar> bars = new ArrayList<>();
        long previousClose = 0;
        for (long k = groups.firstKey(); k <= groups.lastKey(); k++)
        {
            final List<Integer> trades = groups.get(k);
            if (trades == null)
            {
                bars.add(new Bar(1, k * interval, (k + 1) * interval, previousClose, previousClose, previousClose,
                    previousClose, 0, 0));
                continue;
            }
            final Bar b = aggregate(c, trades.get(0), trades.get(trades.size() - 1) + 1);
            bars.add(new Bar(1, k * interval, (k + 1) * interval, b.open(), b.high(), b.low(), b.close(), b.volume(),
                b.trades()));
            previousClose = b.close();
        }
        return bars;
    }
}
