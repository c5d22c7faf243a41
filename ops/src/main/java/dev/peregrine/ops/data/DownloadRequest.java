package dev.peregrine.ops.data;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One {@code data download}, checked: the dates are whole UTC days, {@code from} to {@code to} both included.
 *
 * @param venue    {@code binance} (spot), {@code binance-usdm} (USD-M perpetuals) or {@code coinbase}
 * @param product  the venue's symbol ({@code BTCUSDT}, {@code BTC-USD})
 * @param interval the candle interval ({@code 1m}, {@code 1h}, ...); klines only
 * @param baseUrl  where the archive or the REST API is
 */
public record DownloadRequest(String venue, String product, LocalDate from, LocalDate to, DataKind kind, Path out,
    URI baseUrl, String interval)
{
    /** The file name part naming the span, {@code 2024-08-01_2024-08-03}. */
    String span()
    {
        return from + "_" + to;
    }

    /** {@code baseUrl} joined with {@code path} (no leading slash), whatever the base ends with. */
    URI resolve(final String path)
    {
        final String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
