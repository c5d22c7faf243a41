package dev.peregrine.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The market data the backtest cases run on, generated once per build into {@code target/acceptance-data} by
 * {@link RandomWalkMarket} and shared by every case: a million BTC-USD trades as the generic trades CSV, a
 * million BTCUSDT trades as a Binance archive, and one-minute OHLCV candles of another million-trade walk.
 * A marker file records what was generated; files from an earlier run of the same generator are reused.
 */
public final class GeneratedData
{
    /** Trades per trade file: the floor for the backtest cases. */
    public static final long TRADES = 1_000_000;
    public static final long SEED = 20261206L;
    /** 2024-08-09T00:00:00Z: a fixed start, so the data and every result on it are reproducible. */
    private static final long START_MILLIS = 1_723_161_600_000L;
    /** Bump when the generator changes, so stale files are regenerated. */
    private static final String VERSION = "random-walk v2, seed " + SEED + ", trades " + TRADES;

    /** One data file and the {@code --format} it is (the CLI also tells it by content). */
    public enum Format
    {
        TRADES_CSV("trades", "BTC-USD-trades.csv"),
        BINANCE_TRADES("binance-trades", "BTCUSDT-trades-2024-08-09.csv"),
        OHLCV_CANDLES("ohlcv", "BTC-USD-1m.csv");

        public final String cliName;
        public final String fileName;

        Format(final String cliName, final String fileName)
        {
            this.cliName = cliName;
            this.fileName = fileName;
        }
    }

    private static Path dir;

    private GeneratedData()
    {
    }

    /** The file of {@code format}, generating all of them on first use in this JVM. */
    public static synchronized Path file(final Format format)
    {
        if (dir == null)
        {
            dir = generate(Workspace.dataDir());
        }
        return dir.resolve(format.fileName);
    }

    private static Path generate(final Path into)
    {
        try
        {
            Files.createDirectories(into);
            final Path marker = into.resolve("GENERATED");
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(VERSION))
            {
                return into;
            }
            final long started = System.nanoTime();
            // BTC-USD on Coinbase: tick 0.01, lot 0.00000001; median print about 0.004 BTC.
            RandomWalkMarket.writeTradesCsv(new RandomWalkMarket(SEED, START_MILLIS, 60_000, 0.01, 0.00000001, 0.004),
                TRADES, into.resolve(Format.TRADES_CSV.fileName));
            // BTCUSDT on Binance spot: tick 0.01, lot 0.00001.
            RandomWalkMarket.writeBinanceTrades(new RandomWalkMarket(SEED + 1, START_MILLIS, 60_000, 0.01, 0.00001, 0.004),
                TRADES, into.resolve(Format.BINANCE_TRADES.fileName));
            RandomWalkMarket.writeOhlcvCandles(new RandomWalkMarket(SEED + 2, START_MILLIS, 60_000, 0.01, 0.00000001, 0.004),
                TRADES, 60_000, into.resolve(Format.OHLCV_CANDLES.fileName));
            Files.writeString(marker, VERSION, StandardCharsets.UTF_8);
            System.out.printf("acceptance: generated %,d-trade random walks in %s in %.1f s%n", TRADES, into,
                (System.nanoTime() - started) / 1e9);
            return into;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot generate the acceptance data in " + into, e);
        }
    }
}
