package dev.peregrine.bench.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Where the benchmarks find the real captures of {@code ../shared/data/real}. They are read at setup,
 * never copied into the project or the jar: the Coinbase capture is AGPL (see its README there).
 *
 * <p>The folder is, in order: an explicit path (a JMH {@code @Param}), the system property
 * {@value #SHARED_DATA_PROPERTY} (the same one the tests use), or {@code ../shared/data/real} relative to
 * the working directory, which is right when running from the repository root.
 */
public final class RealCaptures
{
    public static final String SHARED_DATA_PROPERTY = "peregrine.sharedData";
    public static final String DEFAULT_SHARED_DATA = "../shared/data/real";
    public static final String COINBASE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";
    public static final String BINANCE = "binance_spot_btcusdt_20240808.hftbacktest.gz";

    private RealCaptures()
    {
    }

    /** The capture file {@code name} in the shared data folder; fails with the fix when it is absent. */
    public static Path file(final String explicitDir, final String name)
    {
        final String dir = explicitDir != null && !explicitDir.isEmpty() ?
            explicitDir :
            System.getProperty(SHARED_DATA_PROPERTY, DEFAULT_SHARED_DATA);
        final Path file = Path.of(dir).resolve(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file))
        {
            throw new IllegalStateException("real capture not found: " + file + ". The benchmark reads it at " +
                "setup and never ships it; run from the repository root with ../shared/data/real beside it, or " +
                "pass -D" + SHARED_DATA_PROPERTY + "=DIR (JMH: -p sharedData=DIR, runner: --data DIR)");
        }
        return file;
    }

    /** Feeds every line of a gzip text file to {@code onLine}. */
    public static void forEachLine(final Path gzipFile, final Consumer<String> onLine)
    {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(gzipFile), 1 << 16), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                onLine.accept(line);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + gzipFile, ex);
        }
    }
}
