package dev.peregrine.core.indicator;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every indicator promises: NaN before ready, reset to fresh, a state hash, no allocation. */
class IndicatorContractTest
{
    private record Case(Indicator indicator, Consumer<double[]> update)
    {
    }

    private static List<Case> cases()
    {
        final Sma sma = new Sma(14);
        final Ema ema = new Ema(14);
        final Wma wma = new Wma(14);
        final Rsi rsi = new Rsi(14);
        final RollingStdDev sd = new RollingStdDev(20);
        final Macd macd = new Macd(12, 26, 9);
        final BollingerBands bb = new BollingerBands(20, 2.0);
        final Atr atr = new Atr(14);
        final Adx adx = new Adx(14);
        final Vwap vwap = new Vwap(Vwap.UTC_DAY);
        final RollingHighLow hl = new RollingHighLow(20);
        return List.of(
            new Case(sma, b -> sma.update(b[2])),
            new Case(ema, b -> ema.update(b[2])),
            new Case(wma, b -> wma.update(b[2])),
            new Case(rsi, b -> rsi.update(b[2])),
            new Case(sd, b -> sd.update(b[2])),
            new Case(macd, b -> macd.update(b[2])),
            new Case(bb, b -> bb.update(b[2])),
            new Case(atr, b -> atr.update(b[0], b[1], b[2])),
            new Case(adx, b -> adx.update(b[0], b[1], b[2])),
            new Case(vwap, b -> vwap.update(b[2], b[3], (long)b[4])),
            new Case(hl, b -> hl.update(b[0], b[1])));
    }

    private static void feed(final List<Case> cases, final int bars, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] bar = new double[5];
        final Case[] all = cases.toArray(new Case[0]);
        double price = 60_000;
        for (int i = 0; i < bars; i++)
        {
            price += random.nextDouble(-5, 5);
            bar[2] = Math.rint(price * 100) / 100;
            bar[0] = bar[2] + random.nextInt(0, 300) / 100.0;
            bar[1] = bar[2] - random.nextInt(0, 300) / 100.0;
            bar[3] = random.nextInt(1, 1000) / 1000.0;
            bar[4] = i * 1_000_000_000.0;
            for (int c = 0; c < all.length; c++)
            {
                all[c].update.accept(bar);
            }
        }
    }

    @Test
    void resetReturnsToTheFreshStateAndTheSameInputGivesTheSameHash()
    {
        final List<Case> first = cases();
        final List<Case> second = cases();
        for (int i = 0; i < first.size(); i++)
        {
            final Indicator indicator = first.get(i).indicator;
            assertThat(indicator.isReady()).as(indicator.getClass().getSimpleName()).isFalse();
            assertThat(indicator.hash(1)).isEqualTo(second.get(i).indicator.hash(1));
        }
        final long[] fresh = first.stream().mapToLong(c -> c.indicator.hash(1)).toArray();
        feed(first, 500, 7);
        feed(second, 500, 7);
        for (int i = 0; i < first.size(); i++)
        {
            final Indicator indicator = first.get(i).indicator;
            final String name = indicator.getClass().getSimpleName();
            assertThat(indicator.isReady()).as(name).isTrue();
            assertThat(indicator.hash(1)).as(name).isEqualTo(second.get(i).indicator.hash(1)).isNotEqualTo(fresh[i]);
            indicator.reset();
            assertThat(indicator.isReady()).as(name).isFalse();
            assertThat(indicator.hash(1)).as(name + " after reset").isEqualTo(fresh[i]);
        }
    }

    @Test
    void valuesAreNaNUntilReady()
    {
        assertThat(new Sma(3).value()).isNaN();
        assertThat(new Ema(3).value()).isNaN();
        assertThat(new Rsi(3).value()).isNaN();
        assertThat(new Macd(2, 3, 2).histogram()).isNaN();
        assertThat(new BollingerBands(3, 2).percentB()).isNaN();
        assertThat(new Adx(3).plusDi()).isNaN();
        assertThat(new RollingHighLow(3).high()).isNaN();
    }

    @Test
    void updatesAllocateNothingAfterConstruction()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<Case> cases = cases();
        feed(cases, 200_000, 3); // warm up: JIT, escape analysis
        final long before = threads.getCurrentThreadAllocatedBytes();
        feed(cases, 1_000_000, 4);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // The feeding loop allocates two small arrays per call; allow for those and JIT noise.
        assertThat(allocated).as("bytes allocated by 1e6 updates of every indicator").isLessThan(64 * 1024);
    }

    @Test
    void rollingHighLowTracksTheWindowAndTheAgeOfItsExtremes()
    {
        final RollingHighLow hl = new RollingHighLow(3);
        hl.update(5);
        hl.update(1);
        hl.update(3);
        assertThat(hl.high()).isEqualTo(5);
        assertThat(hl.barsSinceHigh()).isEqualTo(2);
        hl.update(2);                               // 5 leaves the window
        assertThat(hl.high()).isEqualTo(3);
        assertThat(hl.low()).isEqualTo(1);
        assertThat(hl.barsSinceLow()).isEqualTo(2);
        hl.update(2);
        assertThat(hl.low()).isEqualTo(2);
        assertThat(hl.barsSinceLow()).isZero();   // ties keep the newer bar
    }

    @Test
    void rsiOfAFlatMarketIsTaLibsZeroAndSaysSo()
    {
        final Rsi rsi = new Rsi(3);
        for (int i = 0; i < 4; i++)
        {
            rsi.update(100.0);
        }
        assertThat(rsi.isReady()).isTrue();
        assertThat(rsi.value()).isZero();
        assertThat(rsi.isFlat()).isTrue();
        rsi.update(101.0);
        assertThat(rsi.value()).isEqualTo(100.0);
        assertThat(rsi.isFlat()).isFalse();
    }

    @Test
    void constructorsNameTheFix()
    {
        assertThatThrownBy(() -> new Sma(0)).hasMessageContaining("period must be >= 1");
        assertThatThrownBy(() -> new Rsi(1)).hasMessageContaining(">= 2");
        assertThatThrownBy(() -> new Adx(1)).hasMessageContaining(">= 2");
        assertThatThrownBy(() -> new Macd(26, 12, 9)).hasMessageContaining("fast < slow");
        assertThatThrownBy(() -> new BollingerBands(20, -1)).hasMessageContaining(">= 0");
    }
}
