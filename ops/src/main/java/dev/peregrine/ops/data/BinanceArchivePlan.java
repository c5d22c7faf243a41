package dev.peregrine.ops.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of Binance's public archive that cover a span, in time order: a monthly file for each whole calendar
 * month inside it, daily files for the days before the first and after the last whole month (the archive publishes
 * both; monthly files are one request instead of thirty). Funding rates are published monthly only, so a funding span
 * takes every month it touches and the rows outside it are dropped when the files are merged.
 *
 * <p>The layout, under the archive's base URL: {@code data/spot/monthly/trades/BTCUSDT/BTCUSDT-trades-2024-08.zip},
 * {@code data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-08-08.zip},
 * {@code data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-08.zip}; each file has its SHA-256
 * beside it in {@code <file>.CHECKSUM} ({@code <hex>  <file name>}).
 */
final class BinanceArchivePlan
{
    /** One archive file: its path under the base URL and its file name. */
    record ArchiveFile(String path, String name)
    {
    }

    private BinanceArchivePlan()
    {
    }

    static List<ArchiveFile> files(final DownloadRequest request)
    {
        final String market = request.kind() == DataKind.FUNDING || request.venue().equals("binance-usdm") ? "futures/um" : "spot";
        final List<ArchiveFile> files = new ArrayList<>();
        if (request.kind() == DataKind.FUNDING)
        {
            for (YearMonth m = YearMonth.from(request.from()); !m.isAfter(YearMonth.from(request.to())); m = m.plusMonths(1))
            {
                files.add(file(request, market, "monthly", m.toString()));
            }
            return files;
        }
        LocalDate day = request.from();
        while (!day.isAfter(request.to()))
        {
            final YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(request.to()))
            {
                files.add(file(request, market, "monthly", month.toString()));
                day = month.plusMonths(1).atDay(1);
            }
            else
            {
                files.add(file(request, market, "daily", day.toString()));
                day = day.plusDays(1);
            }
        }
        return files;
    }

    private static ArchiveFile file(final DownloadRequest request, final String market, final String period, final String when)
    {
        final String symbol = request.product();
        final String name;
        final String folder;
        switch (request.kind())
        {
            case TRADES ->
            {
                name = symbol + "-trades-" + when + ".zip";
                folder = "trades/" + symbol;
            }
            case KLINES ->
            {
                name = symbol + "-" + request.interval() + "-" + when + ".zip";
                folder = "klines/" + symbol + "/" + request.interval();
            }
            default ->
            {
                name = symbol + "-fundingRate-" + when + ".zip";
                folder = "fundingRate/" + symbol;
            }
        }
        return new ArchiveFile("data/" + market + "/" + period + "/" + folder + "/" + name, name);
    }
}
