package dev.peregrine.journal.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** A seeded random walk written as a generic OHLCV CSV of one-minute candles, trending in turns. */
final class GeneratedCandles
{
    static final long START_SECONDS = 1_723_161_600L; // 2024-08-09T00:00:00Z

    private GeneratedCandles()
    {
    }

    static Path write(final Path file, final int candles, final long seed) throws IOException
    {
        final Random random = new Random(seed);
        final StringBuilder sb = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 60_000;
        for (int i = 0; i < candles; i++)
        {
            final double drift = ((i / 40) % 2 == 0 ? 1 : -1) * 12.0; // turns every 40 minutes so crossovers happen
            final double open = price;
            final double close = Math.max(100, open + drift + random.nextGaussian() * 25);
            final double high = Math.max(open, close) + random.nextDouble() * 15;
            final double low = Math.min(open, close) - random.nextDouble() * 15;
            sb.append(START_SECONDS + 60L * i).append(',')
                .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f,%.4f%n", open, high, low, close, 1 + random.nextDouble() * 5));
            price = Math.round(close * 100) / 100.0;
        }
        Files.writeString(file, sb.toString());
        return file;
    }
}
