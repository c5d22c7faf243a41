package dev.peregrine.ops.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Joins the verified archive files into the one file {@code backtest --data} (or {@code --funding}) reads, named so
 * the backtest finds the product in the name:
 * <ul>
 *   <li>trades: {@code SYMBOL-trades-FROM_TO.csv}, the archives' rows as they are (the {@code binance-trades}
 *       format);</li>
 *   <li>klines: {@code SYMBOL-INTERVAL-FROM_TO.csv} in the {@code ohlcv} format ({@code timestamp,open,high,low,close,volume},
 *       the open time in epoch milliseconds: the archives' microseconds from 2025 are scaled down);</li>
 *   <li>funding: {@code SYMBOL-fundingRate-FROM_TO.csv} with the archive's header, the rows inside the span only.</li>
 * </ul>
 * Written to a temporary name and renamed, so a stopped run never leaves a half file under the final name.
 */
final class BacktestFiles
{
    private BacktestFiles()
    {
    }

    static Path merge(final DownloadRequest request, final List<Path> archives)
    {
        final String symbol = request.product();
        final String name = switch (request.kind())
        {
            case TRADES -> symbol + "-trades-" + request.span() + ".csv";
            case KLINES -> symbol + "-" + request.interval() + "-" + request.span() + ".csv";
            case FUNDING -> symbol + "-fundingRate-" + request.span() + ".csv";
        };
        final Path target = request.out().resolve(name);
        final Path temporary = request.out().resolve(name + ".tmp");
        final long fromMillis = request.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        final long endMillis = request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII))
        {
            if (request.kind() == DataKind.KLINES)
            {
                out.write("timestamp,open,high,low,close,volume\n");
            }
            else if (request.kind() == DataKind.FUNDING)
            {
                out.write("calc_time,funding_interval_hours,last_funding_rate\n");
            }
            for (final Path archive : archives)
            {
                copyRows(archive, request.kind(), fromMillis, endMillis, out);
            }
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(target + ": cannot write (" + ex.getMessage() + ")");
        }
        try
        {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(target + ": cannot rename " + temporary.getFileName() + " (" + ex.getMessage() + ")");
        }
        return target;
    }

    private static void copyRows(final Path archive, final DataKind kind, final long fromMillis, final long endMillis,
        final BufferedWriter out) throws IOException
    {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive)))
        {
            final ZipEntry entry = zip.getNextEntry();
            if (entry == null)
            {
                throw new DataDownloadException(archive + ": the zip holds no file");
            }
            final BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.US_ASCII));
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null)
            {
                number++;
                if (line.isBlank() || Character.isLetter(line.charAt(0)))
                {
                    continue; // the header some archives carry (the merged file has its own)
                }
                switch (kind)
                {
                    case TRADES -> out.write(line);
                    case KLINES -> out.write(ohlcv(line, archive, number));
                    case FUNDING ->
                    {
                        final long time = millis(line.substring(0, Math.max(0, line.indexOf(','))), archive, number);
                        if (time < fromMillis || time >= endMillis)
                        {
                            continue;
                        }
                        out.write(line);
                    }
                }
                out.write('\n');
            }
        }
    }

    /** A kline row ({@code open_time,open,high,low,close,volume,close_time,...}) as an ohlcv row. */
    private static String ohlcv(final String line, final Path archive, final long number)
    {
        final String[] f = line.split(",", 7);
        if (f.length < 6)
        {
            throw new DataDownloadException(archive + ":" + number + ": a kline row has " + f.length +
                " fields, expected open_time,open,high,low,close,volume,...");
        }
        return millis(f[0], archive, number) + "," + f[1] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5];
    }

    /** Epoch milliseconds from the archives' milliseconds or (from 2025) microseconds. */
    private static long millis(final String text, final Path archive, final long number)
    {
        try
        {
            final long value = Long.parseLong(text.trim());
            return value >= 100_000_000_000_000L ? value / 1000 : value;
        }
        catch (final NumberFormatException ex)
        {
            throw new DataDownloadException(archive + ":" + number + ": '" + text + "' is not an epoch time");
        }
    }
}
