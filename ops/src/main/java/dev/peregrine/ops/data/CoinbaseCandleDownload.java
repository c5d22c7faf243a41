package dev.peregrine.ops.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coinbase candles through the public REST endpoint {@code GET /api/v3/brokerage/market/products/{id}/candles?start=
 * &end=&granularity=} (epoch seconds; at most {@value #MAX_PER_REQUEST} candles an answer, newest first), paged
 * oldest first and paced under the public limit of 10 requests a second per IP. Rows go to
 * {@code PRODUCT-candles-INTERVAL-FROM_TO.csv.part} page by page in the {@code coinbase-candles} format
 * ({@code time,low,high,open,close,volume}, oldest first), so a stopped run continues after the last candle the part
 * holds; the part takes its final name when the span is complete. A minute without trades has no candle (the
 * endpoint leaves it out), so a file can hold fewer rows than the span has intervals.
 */
final class CoinbaseCandleDownload
{
    static final int MAX_PER_REQUEST = 350;
    /** 8 a second: under the public endpoints' 10 a second, leaving room for anything else on the same address. */
    private static final long MIN_REQUEST_GAP_NANOS = 125_000_000L;
    private static final String HEADER = "time,low,high,open,close,volume";
    private static final Map<String, Long> SECONDS = Map.of("1m", 60L, "5m", 300L, "15m", 900L, "30m", 1800L,
        "1h", 3600L, "2h", 7200L, "6h", 21600L, "1d", 86400L);
    private static final Map<String, String> GRANULARITY = Map.of("1m", "ONE_MINUTE", "5m", "FIVE_MINUTE",
        "15m", "FIFTEEN_MINUTE", "30m", "THIRTY_MINUTE", "1h", "ONE_HOUR", "2h", "TWO_HOUR", "6h", "SIX_HOUR", "1d", "ONE_DAY");

    private final ResumableHttp http;
    private final DownloadProgress progress;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRequestNanos;

    CoinbaseCandleDownload(final ResumableHttp http, final DownloadProgress progress)
    {
        this.http = http;
        this.progress = progress;
    }

    /** The intervals the endpoint serves, for the usage message. */
    static List<String> intervals()
    {
        return List.of("1m", "5m", "15m", "30m", "1h", "2h", "6h", "1d");
    }

    static boolean knows(final String interval)
    {
        return SECONDS.containsKey(interval);
    }

    Path fetch(final DownloadRequest request)
    {
        final String name = request.product() + "-candles-" + request.interval() + "-" + request.span() + ".csv";
        final Path target = request.out().resolve(name);
        if (Files.isRegularFile(target))
        {
            progress.finished(name, ResumableHttp.size(target), "skipped (already complete)");
            return target;
        }
        BinanceArchiveDownload.createFolder(request.out());
        final Path part = request.out().resolve(name + ".part");
        final long step = SECONDS.get(request.interval());
        final long end = request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        final long lastWritten = lastTime(part);
        long start = lastWritten < 0 ? request.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond() : lastWritten + step;
        final boolean resumed = lastWritten >= 0;
        final long totalPages = Math.max(1, (end - start + step * MAX_PER_REQUEST - 1) / (step * MAX_PER_REQUEST));
        progress.startedPages(name, totalPages);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND))
        {
            if (!resumed)
            {
                out.write(HEADER + "\n");
            }
            while (start < end)
            {
                final long pageEnd = Math.min(end, start + step * MAX_PER_REQUEST);
                // end - 1: whether the endpoint counts its end in or not, a page never asks for more than 350 candles.
                final TreeMap<Long, String> page = page(request, start, pageEnd - 1);
                for (final Map.Entry<Long, String> candle : page.entrySet())
                {
                    if (candle.getKey() >= start && candle.getKey() < pageEnd)
                    {
                        out.write(candle.getValue());
                        out.write('\n');
                        rows++;
                    }
                }
                out.flush();
                progress.advanced(1);
                start = pageEnd;
            }
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(part + ": cannot write (" + ex.getMessage() + ")");
        }
        try
        {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new DataDownloadException(target + ": cannot rename the finished download (" + ex.getMessage() + ")");
        }
        progress.finished(name, ResumableHttp.size(target), (resumed ? "resumed, " : "downloaded, ") + rows + " candles" +
            (resumed ? " added" : ""));
        return target;
    }

    /** One page, by start time, each candle as its CSV row. */
    private TreeMap<Long, String> page(final DownloadRequest request, final long start, final long end)
    {
        pace();
        final String path = "api/v3/brokerage/market/products/" + request.product() + "/candles?start=" + start + "&end=" +
            end + "&granularity=" + GRANULARITY.get(request.interval());
        final String body = http.text(request.resolve(path));
        final TreeMap<Long, String> rows = new TreeMap<>();
        try
        {
            final JsonNode candles = json.readTree(body).path("candles");
            if (!candles.isArray())
            {
                throw new DataDownloadException(request.resolve(path) + ": the answer holds no candles array");
            }
            for (final JsonNode c : candles)
            {
                final long time = Long.parseLong(c.path("start").asText());
                rows.put(time, time + "," + c.path("low").asText() + "," + c.path("high").asText() + "," +
                    c.path("open").asText() + "," + c.path("close").asText() + "," + c.path("volume").asText());
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            throw new DataDownloadException(request.resolve(path) + ": not a candles answer (" + ex.getMessage() + ")");
        }
        return rows;
    }

    private void pace()
    {
        final long wait = lastRequestNanos + MIN_REQUEST_GAP_NANOS - System.nanoTime();
        if (lastRequestNanos != 0 && wait > 0)
        {
            try
            {
                Thread.sleep(wait / 1_000_000, (int)(wait % 1_000_000));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new DataDownloadException("interrupted");
            }
        }
        lastRequestNanos = System.nanoTime();
    }

    /** The time of the last whole row of a part file, or -1 when there is none (no file, only the header). */
    private static long lastTime(final Path part)
    {
        if (!Files.exists(part))
        {
            return -1;
        }
        try
        {
            final List<String> lines = Files.readAllLines(part, StandardCharsets.US_ASCII);
            final String content = Files.readString(part, StandardCharsets.US_ASCII);
            if (!content.endsWith("\n"))
            {
                // A row cut off by a stop mid-write: drop it and continue from the row before.
                Files.writeString(part, content.substring(0, content.lastIndexOf('\n') + 1), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
                lines.remove(lines.size() - 1);
            }
            for (int i = lines.size() - 1; i >= 0; i--)
            {
                final String line = lines.get(i);
                if (!line.isBlank() && Character.isDigit(line.charAt(0)))
                {
                    return Long.parseLong(line.substring(0, line.indexOf(',')));
                }
            }
            Files.delete(part); // only the header: start over
            return -1;
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new DataDownloadException(part + ": cannot continue it (" + ex.getMessage() + "); delete it to start over");
        }
    }
}
