package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.capture.CaptureFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbols a Binance hftbacktest capture holds, from the stream names of its first lines
 * ({@code "stream":"btcusdt@trade"} becomes {@code BTCUSDT}), in order of first appearance.
 */
public final class BinanceCaptureSymbols
{
    private static final Pattern STREAM = Pattern.compile("\"stream\":\"([a-z0-9]+)@");
    private static final int LINES_TO_READ = 2_000;

    private BinanceCaptureSymbols()
    {
    }

    public static List<String> of(final Path file)
    {
        return of(file, STREAM);
    }

    /**
     * The symbols of a capture of Binance streams in another container (a cryptofeed envelope's escaped JSON, for
     * USD-M): {@code stream}'s group 1 is the lower-case symbol of a stream name.
     */
    public static List<String> of(final Path file, final Pattern stream)
    {
        final List<String> symbols = new ArrayList<>();
        try (BufferedReader lines = CaptureFiles.openLines(file))
        {
            String line;
            int read = 0;
            while ((line = lines.readLine()) != null && read++ < LINES_TO_READ)
            {
                final Matcher m = stream.matcher(line);
                if (m.find())
                {
                    final String symbol = m.group(1).toUpperCase(Locale.ROOT);
                    if (!symbols.contains(symbol))
                    {
                        symbols.add(symbol);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        return symbols;
    }
}
