package dev.peregrine.core.bar;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.ExternalResources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The {@code btcusdt@trade} messages of the MIT-licensed Binance capture in {@code ../shared/data/real}
 * (see its README): price and quantity as exact decimals and as scaled longs, trade time {@code T} in
 * epoch nanoseconds. Test code: parsed with string search and BigDecimal, independent of the gateway's
 * decoders. Skips (fails under CI) when the capture is absent.
 */
public final class BinanceTradeCapture
{
    public static final String FILE = "binance_spot_btcusdt_20240808.hftbacktest.gz";

    public final BigDecimal[] price;
    public final BigDecimal[] quantity;
    public final long[] scaledPrice;
    public final long[] scaledQuantity;
    public final long[] timeNanos;

    private BinanceTradeCapture(final List<String[]> rows)
    {
        final int n = rows.size();
        price = new BigDecimal[n];
        quantity = new BigDecimal[n];
        scaledPrice = new long[n];
        scaledQuantity = new long[n];
        timeNanos = new long[n];
        for (int i = 0; i < n; i++)
        {
            final String[] row = rows.get(i);
            price[i] = new BigDecimal(row[0]);
            quantity[i] = new BigDecimal(row[1]);
            scaledPrice[i] = price[i].movePointRight(FixedPoint.DECIMALS).longValueExact();
            scaledQuantity[i] = quantity[i].movePointRight(FixedPoint.DECIMALS).longValueExact();
            timeNanos[i] = Long.parseLong(row[2]) * 1_000_000L;
        }
    }

    public int size()
    {
        return timeNanos.length;
    }

    public double[] prices()
    {
        final double[] out = new double[size()];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = price[i].doubleValue();
        }
        return out;
    }

    public static BinanceTradeCapture load()
    {
        final Path file = ExternalResources.sharedDataFile(FILE);
        final List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (!line.contains("\"stream\":\"btcusdt@trade\""))
                {
                    continue;
                }
                rows.add(new String[] {field(line, "\"p\":\""), field(line, "\"q\":\""), field(line, "\"T\":")});
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return new BinanceTradeCapture(rows);
    }

    private static String field(final String line, final String key)
    {
        final int start = line.indexOf(key) + key.length();
        int end = start;
        while (end < line.length() && line.charAt(end) != '"' && line.charAt(end) != ',' && line.charAt(end) != '}')
        {
            end++;
        }
        return line.substring(start, end);
    }
}
