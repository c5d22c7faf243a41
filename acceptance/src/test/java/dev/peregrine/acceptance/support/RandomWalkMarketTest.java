package dev.peregrine.acceptance.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator the backtest cases trust: the same seed writes the same bytes, prices stay on the tick and sizes
 * on the lot, time never goes backwards, gaps average about a hundred milliseconds with bursts a few apart, and the
 * candles it writes are the trades it wrote, aggregated.
 */
class RandomWalkMarketTest
{
    private static final long TRADES = 50_000;

    @TempDir
    Path temp;

    private static RandomWalkMarket walk(final long seed)
    {
        return new RandomWalkMarket(seed, 1_723_161_600_000L, 60_000, 0.01, 0.00001, 0.004);
    }

    @Test
    void theSameSeedWritesTheSameTradesAndAnotherSeedOthers() throws Exception
    {
        RandomWalkMarket.writeTradesCsv(walk(7), TRADES, temp.resolve("a.csv"));
        RandomWalkMarket.writeTradesCsv(walk(7), TRADES, temp.resolve("b.csv"));
        RandomWalkMarket.writeTradesCsv(walk(8), TRADES, temp.resolve("c.csv"));
        assertThat(Files.mismatch(temp.resolve("a.csv"), temp.resolve("b.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(temp.resolve("a.csv"), temp.resolve("c.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void tradesAreOnTheTickAndLotInTimeOrderWithRealisticSpacingAndBursts() throws Exception
    {
        final Path file = temp.resolve("trades.csv");
        RandomWalkMarket.writeTradesCsv(walk(11), TRADES, file);
        final List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("timestamp,price,quantity,side");
        assertThat(lines).hasSize((int)TRADES + 1);
        long previous = Long.MIN_VALUE;
        long first = 0;
        long shortGaps = 0;
        int buys = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split(",");
            final long time = Long.parseLong(f[0]);
            assertThat(time).as(line).isGreaterThanOrEqualTo(previous);
            if (previous == Long.MIN_VALUE)
            {
                first = time;
            }
            else if (time - previous <= 3)
            {
                shortGaps++;
            }
            previous = time;
            assertThat(f[1]).as("price on the 0.01 tick: %s", line).matches("[1-9][0-9]*\\.[0-9]{2}");
            assertThat(f[2]).as("size on the 0.00001 lot, at least one lot: %s", line).matches("[0-9]+\\.[0-9]{5}")
                .isNotEqualTo("0.00000");
            buys += f[3].equals("buy") ? 1 : 0;
        }
        final double meanGapMillis = (double)(previous - first) / (TRADES - 1);
        assertThat(meanGapMillis).as("mean gap, ms").isBetween(50.0, 150.0);
        // Poisson gaps of 105 ms alone put about 3.7 % of gaps at 3 ms or less; bursts (about 9 % of the trades,
        // 2 ms apart on average) bring it to about 11 %, so a walk without bursts fails here.
        assertThat((double)shortGaps / TRADES).as("share of gaps of 3 ms or less").isGreaterThan(0.07);
        assertThat((double)buys / TRADES).as("share of taker buys").isBetween(0.4, 0.6);
    }

    @Test
    void candlesAreTheTradesOfTheSameWalkAggregated() throws Exception
    {
        final Path trades = temp.resolve("trades.csv");
        final Path candles = temp.resolve("candles.csv");
        RandomWalkMarket.writeTradesCsv(walk(5), TRADES, trades);
        final long written = RandomWalkMarket.writeOhlcvCandles(walk(5), TRADES, 60_000, candles);
        final List<String> tradeLines = Files.readAllLines(trades);
        final List<String> candleLines = Files.readAllLines(candles);
        assertThat(candleLines).hasSize((int)written + 1);
        // The first candle, recomputed from the trades file.
        final long start = Long.parseLong(tradeLines.get(1).split(",")[0]) / 60_000 * 60_000;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        String open = null;
        String close = null;
        for (final String line : tradeLines.subList(1, tradeLines.size()))
        {
            final String[] f = line.split(",");
            if (Long.parseLong(f[0]) >= start + 60_000)
            {
                break;
            }
            open = open == null ? f[1] : open;
            close = f[1];
            high = Math.max(high, Double.parseDouble(f[1]));
            low = Math.min(low, Double.parseDouble(f[1]));
        }
        final String[] candle = candleLines.get(1).split(",");
        assertThat(Long.parseLong(candle[0])).isEqualTo(start);
        assertThat(candle[1]).isEqualTo(open);
        assertThat(Double.parseDouble(candle[2])).isEqualTo(high);
        assertThat(Double.parseDouble(candle[3])).isEqualTo(low);
        assertThat(candle[4]).isEqualTo(close);
    }

    @Test
    void binanceRowsCarryTheQuoteQuantityAndTheMakerSide() throws Exception
    {
        final Path file = temp.resolve("BTCUSDT-trades.csv");
        RandomWalkMarket.writeBinanceTrades(walk(3), 1_000, file);
        for (final String line : Files.readAllLines(file))
        {
            final String[] f = line.split(",");
            assertThat(f).as(line).hasSize(7);
            assertThat(new java.math.BigDecimal(f[3])).as("quote_qty = price x qty: %s", line)
                .isEqualByComparingTo(new java.math.BigDecimal(f[1]).multiply(new java.math.BigDecimal(f[2])));
            assertThat(f[5]).isIn("True", "False");
        }
    }
}
