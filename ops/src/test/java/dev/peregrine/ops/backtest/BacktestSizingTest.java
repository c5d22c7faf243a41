package dev.peregrine.ops.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code peregrine backtest} as a user runs it: orders sized on the lot trade instead of collecting
 * rejects, and a strategy that needs an order book says so and exits 2 on data that has none.
 */
class BacktestSizingTest
{
    @TempDir
    Path dir;

    /**
     * A seeded random walk of BTCUSDT trades around 89,000 (far from the catalog's 60,000), 0.1 s apart,
     * with sizes of eight decimals: the printed size is the synthesized touch, so market orders fill in part
     * and leave positions off the 0.00001 lot.
     */
    private Path trades(final int n) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(7);
        final StringBuilder sb = new StringBuilder(n * 48).append("timestamp,price,quantity,side\n");
        double price = 89_000;
        final long start = Instant.parse("2024-08-09T00:00:00Z").toEpochMilli();
        for (int i = 0; i < n; i++)
        {
            price = Math.max(1000, price * (1 + (random.nextDouble() - 0.5) * 0.0008));
            final double size = Math.exp(random.nextDouble() * 6 - 9); // 0.00012 .. 0.05
            sb.append(Instant.ofEpochMilli(start + 100L * i)).append(',')
                .append(String.format(Locale.ROOT, "%.2f,%.8f,%s%n", price, size, random.nextBoolean() ? "buy" : "sell"));
        }
        return Files.writeString(dir.resolve("BTCUSDT-trades.csv"), sb.toString());
    }

    /** {@code backtest} of {@code strategy} on {@code n} trades of BTCUSDT, its report in {@code dir/reportFolder}. */
    private CliRun backtestOnTrades(final int n, final String strategy, final String reportFolder) throws IOException
    {
        return CliRun.of("backtest", "--data", trades(n).toString(), "--product", "BTCUSDT", "--strategy", strategy,
            "--report", dir.resolve(reportFolder).toString());
    }

    @Test
    void theCrossoverOnPartiallyFilledTradesPlacesOrdersOnTheLotAndIsRarelyRejected() throws IOException
    {
        final CliRun r = backtestOnTrades(60_000, "ma-crossover", "report");
        assertEquals(0, r.exit(), r.err());
        final long orders = r.count("orders");
        final long rejects = r.count("rejects");
        assertTrue(orders >= 20, "the crossover trades\n" + r.out());
        assertTrue(rejects * 20 < orders, "rejects under 5% of orders\n" + r.out());
        assertFalse(r.out().contains("REPEATED REJECTS"), r.out());
        // 1,000 quote at ~89,000 is 0.01123 BTC, not the 0.01666 the catalog's 60,000 would give.
        assertTrue(r.out().contains("order size 1000.00 quote at the last trade's price"), r.out());
    }

    @Test
    void aStrategyThatPlacesNoOrdersOnShortDataSaysWhyInsteadOfPrintingZeroAsAResult() throws IOException
    {
        // five minutes: five 1-minute bars, trend-following needs 26
        final CliRun quiet = backtestOnTrades(3_000, "trend-following", "quiet");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals(0, quiet.count("orders"), quiet.out());
        assertTrue(quiet.out().contains("WARNING: no orders were placed over 4m 59s of data; a strategy on time bars " +
            "trades only after its warm-up"), quiet.out());

        final CliRun busy = backtestOnTrades(60_000, "ma-crossover", "busy");
        assertFalse(busy.out().contains("no orders were placed"), busy.out());
    }

    @Test
    void aMarketMakerOnTradesOrCandlesSaysItNeedsABookAndExitsTwo() throws IOException
    {
        final CliRun onTrades = backtestOnTrades(100, "market-maker", "mm");
        assertEquals(2, onTrades.exit(), onTrades.err());
        assertEquals("peregrine: strategy 'market-maker' (market-maker) cannot run on --data BTCUSDT-trades.csv (trades): " +
            "it quotes on the L2 order book, which trades and candles do not carry; backtest it on a journal recorded by " +
            "'peregrine demo' or 'peregrine run', or choose a trade-driven strategy (--list-strategies)", onTrades.err().trim());
        assertEquals("", onTrades.out());
        assertFalse(Files.exists(dir.resolve("mm").resolve("journal")), "nothing is written");

        final Path candles = Files.writeString(dir.resolve("ETH-USD-1m.csv"),
            "timestamp,open,high,low,close,volume\n1723161600,2600,2601,2599,2600.5,10\n1723161660,2600.5,2602,2600,2601,12\n");
        final CliRun onCandles = CliRun.of("backtest", "--data", candles.toString(), "--strategy", "market-maker:spread-bps=20");
        assertEquals(2, onCandles.exit(), onCandles.err());
        assertTrue(onCandles.err().contains("cannot run on --data ETH-USD-1m.csv (ohlcv)"), onCandles.err());
    }
}
