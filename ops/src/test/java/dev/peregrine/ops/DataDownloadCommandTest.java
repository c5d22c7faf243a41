package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine data download} against a loopback server with the venues' own layouts ({@link HistoricalDataServer}):
 * monthly and daily Binance archives verified by checksum, a dropped connection continued with a Range request, a
 * 429 waited out, a damaged checksum refused, a stopped download resumed, Coinbase candles paged, and then a real
 * {@code backtest} over what was downloaded.
 */
class DataDownloadCommandTest
{
    private static final String SPOT_TRADES = "data/spot/monthly/trades/BTCUSDT/";
    private static final String SPOT_DAILY = "data/spot/daily/trades/BTCUSDT/";

    @TempDir
    Path dir;

    @Test
    void binanceTradesMonthlyAndDailyVerifiedResumedAndBacktested() throws Exception
    {
        try (HistoricalDataServer server = new HistoricalDataServer())
        {
            server.archive(SPOT_DAILY + "BTCUSDT-trades-2024-07-31.zip", HistoricalDataServer.trades(LocalDate.parse("2024-07-31"), 1, 1), false);
            server.archive(SPOT_TRADES + "BTCUSDT-trades-2024-08.zip", HistoricalDataServer.trades(LocalDate.parse("2024-08-01"), 31, 1000), false);
            final byte[] lastDay = server.archive(SPOT_DAILY + "BTCUSDT-trades-2024-09-01.zip",
                HistoricalDataServer.trades(LocalDate.parse("2024-09-01"), 1, 9000), false);
            server.dropOnce.add(SPOT_TRADES + "BTCUSDT-trades-2024-08.zip");
            server.rateLimitOnce.add(SPOT_DAILY + "BTCUSDT-trades-2024-07-31.zip.CHECKSUM");
            // A download stopped earlier: the part holds the first 100 bytes of the last day's file.
            final Path out = dir.resolve("data");
            Files.createDirectories(out.resolve("archive"));
            Files.write(out.resolve("archive/BTCUSDT-trades-2024-09-01.zip.part"), java.util.Arrays.copyOf(lastDay, 100));

            final CliRun run = download(server, "binance", "BTCUSDT", "2024-07-31", "2024-09-01", "trades", out);

            assertThat(run.exit).as(String.join("\n", run.err.lines())).isZero();
            // Monthly where the whole month fits, daily for the rest, in time order.
            assertThat(server.requests).filteredOn(r -> r.startsWith("GET /data/") && !r.contains("CHECKSUM") && !r.contains("bytes="))
                .extracting(r -> r.substring(r.lastIndexOf('/') + 1))
                .containsExactly("BTCUSDT-trades-2024-07-31.zip", "BTCUSDT-trades-2024-08.zip");
            assertThat(server.requests).anyMatch(r -> r.contains("BTCUSDT-trades-2024-08.zip bytes="));
            assertThat(server.requests).contains("GET /data/spot/daily/trades/BTCUSDT/BTCUSDT-trades-2024-09-01.zip bytes=100-");
            assertThat(server.requests.stream().filter(r -> r.endsWith("2024-07-31.zip.CHECKSUM")).count()).isEqualTo(2);
            assertThat(run.err.lines()).anyMatch(l -> l.contains("HTTP 429 (rate limited); retrying in 1000 ms"));
            assertThat(run.err.lines()).anyMatch(l -> l.contains("connection dropped") && l.contains("continuing from there"));
            assertThat(run.err.lines()).contains(
                "BTCUSDT-trades-2024-07-31.zip: downloaded, sha256 verified, " + size(out, "BTCUSDT-trades-2024-07-31.zip"));
            assertThat(run.err.lines()).anyMatch(l -> l.startsWith("BTCUSDT-trades-2024-09-01.zip: resumed, sha256 verified"));
            try (var listing = Files.list(out.resolve("archive")))
            {
                assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "BTCUSDT-trades-2024-07-31.zip", "BTCUSDT-trades-2024-08.zip", "BTCUSDT-trades-2024-09-01.zip");
            }
            final Path merged = out.resolve("BTCUSDT-trades-2024-07-31_2024-09-01.csv");
            assertThat(run.out.lines()).containsExactly("data: " + merged,
                "backtest: ./peregrine backtest --data " + merged + " --strategy trend-following");
            assertThat(Files.readAllLines(merged)).hasSize(33 * 144);

            // Run again: every file is complete, nothing is fetched but nothing is lost either.
            final int before = server.requests.size();
            final CliRun again = download(server, "binance", "BTCUSDT", "2024-07-31", "2024-09-01", "trades", out);
            assertThat(again.exit).isZero();
            assertThat(server.requests.size()).isEqualTo(before);
            assertThat(again.err.lines()).allMatch(l -> l.contains("skipped (already complete)")).hasSize(3);

            // The printed backtest line runs on the file as it is.
            final CliRun backtest = new CliRun("backtest", "--data", merged.toString(), "--strategy", "trend-following");
            assertThat(backtest.exit).as(String.join("\n", backtest.err.lines())).isZero();
            assertThat(backtest.out.lines()).anyMatch(l -> l.startsWith("backtest: trend-following") && l.endsWith("on BTCUSDT"));
            // Every row of the three files, in order: 4,752 trades, each a synthesized quote and the trade.
            assertThat(backtest.out.lines()).contains("data: " + merged + " (binance-trades), 2024-07-31T00:00:00Z .. 2024-09-01T23:50:00Z");
            assertThat(backtest.out.lines()).anyMatch(l -> l.startsWith("events: 2,860,104 (2,850,600 synthesized clocks)"));
        }
    }

    @Test
    void aDamagedChecksumFailsWithOneLineAndKeepsNothing() throws Exception
    {
        try (HistoricalDataServer server = new HistoricalDataServer())
        {
            server.archive(SPOT_DAILY + "BTCUSDT-trades-2024-08-08.zip", HistoricalDataServer.trades(LocalDate.parse("2024-08-08"), 1, 1), true);
            final Path out = dir.resolve("bad");

            final CliRun run = download(server, "binance", "BTCUSDT", "2024-08-08", "2024-08-08", "trades", out);

            assertThat(run.exit).isEqualTo(1);
            assertThat(run.err.lines()).filteredOn(l -> l.startsWith("peregrine:")).singleElement().satisfies(l ->
                assertThat(l).startsWith("peregrine: data download: BTCUSDT-trades-2024-08-08.zip: checksum mismatch: " +
                    "the download's SHA-256 is ").contains("the file was not kept"));
            assertThat(run.err.lines()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
            try (var listing = Files.list(out.resolve("archive")))
            {
                assertThat(listing).isEmpty();
            }
            assertThat(run.out.lines()).isEmpty();
        }
    }

    @Test
    void binanceKlinesAndFundingBecomeTheFilesBacktestReads() throws Exception
    {
        try (HistoricalDataServer server = new HistoricalDataServer())
        {
            // USD-M klines files carry a header; the open time in microseconds, as the archives write it from 2025.
            final StringBuilder klines = new StringBuilder("open_time,open,high,low,close,volume,close_time,quote_volume," +
                "count,taker_buy_volume,taker_buy_quote_volume,ignore\n");
            final long start = 1_736_121_600_000L; // 2025-01-06
            for (int i = 0; i < 1440; i++)
            {
                final long t = (start + i * 60_000L) * 1000;
                final double p = 95_000 + 300 * Math.sin(i / 90.0);
                klines.append(t).append(',').append(p).append(',').append(p + 20).append(',').append(p - 20).append(',')
                    .append(p + 5).append(",12.5,").append(t + 59_999_999).append(",1,1,1,1,0\n");
            }
            server.archive("data/futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2025-01-06.zip", klines.toString(), false);
            server.archive("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2025-01.zip",
                "calc_time,funding_interval_hours,last_funding_rate\n" +
                    "1736092800000,8,0.00010000\n1736121600000,8,0.00012000\n1736150400000,8,-0.00003000\n" +
                    "1736179200000,8,0.00005000\n1736208000000,8,0.00010000\n", false);
            final Path out = dir.resolve("perp");

            final CliRun prices = download(server, "binance-usdm", "BTCUSDT", "2025-01-06", "2025-01-06", "klines", out);
            final CliRun funding = download(server, "binance-usdm", "BTCUSDT", "2025-01-06", "2025-01-06", "funding", out);

            assertThat(prices.exit).as(String.join("\n", prices.err.lines())).isZero();
            assertThat(funding.exit).as(String.join("\n", funding.err.lines())).isZero();
            final Path candles = out.resolve("BTCUSDT-1m-2025-01-06_2025-01-06.csv");
            final List<String> rows = Files.readAllLines(candles);
            assertThat(rows).hasSize(1441);
            assertThat(rows.get(0)).isEqualTo("timestamp,open,high,low,close,volume");
            assertThat(rows.get(1)).isEqualTo("1736121600000,95000.0,95020.0,94980.0,95005.0,12.5");
            final Path rates = out.resolve("BTCUSDT-fundingRate-2025-01-06_2025-01-06.csv");
            // Only the settlements of the day asked for.
            assertThat(Files.readAllLines(rates)).containsExactly("calc_time,funding_interval_hours,last_funding_rate",
                "1736121600000,8,0.00012000", "1736150400000,8,-0.00003000", "1736179200000,8,0.00005000");
            assertThat(funding.out.lines()).anyMatch(l -> l.startsWith("backtest: ./peregrine backtest --data " + candles +
                " --venue binance-usdm --funding " + rates));

            final CliRun backtest = new CliRun("backtest", "--data", candles.toString(), "--venue", "binance-usdm",
                "--funding", rates.toString(), "--strategy", "trend-following");
            assertThat(backtest.exit).as(String.join("\n", backtest.err.lines()) + String.join("\n", backtest.out.lines())).isZero();
            assertThat(backtest.out.lines()).anyMatch(l -> l.contains("(ohlcv)"));
        }
    }

    @Test
    void coinbaseCandlesPagedUnderTheLimitThrough429AndBacktested() throws Exception
    {
        try (HistoricalDataServer server = new HistoricalDataServer())
        {
            server.coinbaseCandles("ETH-USD", LocalDate.parse("2024-08-08"), LocalDate.parse("2024-08-10"));
            server.rateLimitOnce.add("api/v3/brokerage/market/products/ETH-USD/candles");
            final Path out = dir.resolve("cb");

            final CliRun run = download(server, "coinbase", "ETH-USD", "2024-08-08", "2024-08-09", "klines", out);

            assertThat(run.exit).as(String.join("\n", run.err.lines())).isZero();
            final Path file = out.resolve("ETH-USD-candles-1m-2024-08-08_2024-08-09.csv");
            final List<String> rows = Files.readAllLines(file);
            assertThat(rows.get(0)).isEqualTo("time,low,high,open,close,volume");
            assertThat(rows).hasSize(1 + 2 * 1440);
            assertThat(rows.get(1)).startsWith("1723075200,");
            // 2,880 candles at most 350 a request: 9 pages, plus the one answered 429.
            assertThat(server.requests).filteredOn(r -> r.contains("/candles?")).hasSize(10);
            assertThat(run.err.lines()).anyMatch(l -> l.contains("HTTP 429 (rate limited); retrying in 1000 ms"));
            assertThat(run.out.lines()).contains("backtest: ./peregrine backtest --data " + file + " --strategy trend-following");

            final CliRun backtest = new CliRun("backtest", "--data", file.toString(), "--strategy", "trend-following");
            assertThat(backtest.exit).as(String.join("\n", backtest.err.lines())).isZero();
            assertThat(backtest.out.lines()).anyMatch(l -> l.contains("(coinbase-candles)"));
        }
    }

    @Test
    void aStoppedCoinbaseDownloadContinuesAfterItsLastCandle() throws Exception
    {
        try (HistoricalDataServer server = new HistoricalDataServer())
        {
            server.coinbaseCandles("BTC-USD", LocalDate.parse("2024-08-08"), LocalDate.parse("2024-08-09"));
            final Path out = dir.resolve("resume");
            Files.createDirectories(out);
            // The part a stopped run left: the header, two candles and half a third row.
            Files.writeString(out.resolve("BTC-USD-candles-1m-2024-08-08_2024-08-08.csv.part"),
                "time,low,high,open,close,volume\n1723075200,1,2,1,2,1\n1723075260,1,2,1,2,1\n17230753");

            final CliRun run = download(server, "coinbase", "BTC-USD", "2024-08-08", "2024-08-08", "klines", out);

            assertThat(run.exit).as(String.join("\n", run.err.lines())).isZero();
            assertThat(server.requests.get(0)).contains("start=1723075320&");
            final List<String> rows = Files.readAllLines(out.resolve("BTC-USD-candles-1m-2024-08-08_2024-08-08.csv"));
            assertThat(rows).hasSize(1 + 1440).doesNotHaveDuplicates();
            assertThat(run.err.lines()).anyMatch(l -> l.contains("resumed, 1438 candles added"));
        }
    }

    @Test
    void wrongOptionsExitTwoWithOneLine()
    {
        final CliRun venue = new CliRun("data", "download", "--venue", "kraken", "--product", "XBTUSD", "--from", "2024-08-01",
            "--to", "2024-08-02", "--kind", "trades", "--out", dir.toString());
        final CliRun dates = new CliRun("data", "download", "--venue", "binance", "--product", "BTCUSDT", "--from", "2024-08-05",
            "--to", "2024-08-02", "--kind", "trades", "--out", dir.toString());
        final CliRun kind = new CliRun("data", "download", "--venue", "coinbase", "--product", "BTC-USD", "--from", "2024-08-01",
            "--to", "2024-08-02", "--kind", "trades", "--out", dir.toString());

        assertThat(venue.exit).isEqualTo(2);
        assertThat(venue.err.lines()).containsExactly("peregrine: --venue kraken: not a venue to download from; use binance, " +
            "binance-usdm or coinbase");
        assertThat(dates.exit).isEqualTo(2);
        assertThat(dates.err.lines()).containsExactly("peregrine: --to 2024-08-02 is before --from 2024-08-05 (both days are included)");
        assertThat(kind.exit).isEqualTo(2);
        assertThat(kind.err.lines()).containsExactly("peregrine: --kind trades: Coinbase's public endpoint serves candles only; " +
            "use --kind klines");
    }

    private static CliRun download(final HistoricalDataServer server, final String venue, final String product,
        final String from, final String to, final String kind, final Path out)
    {
        return new CliRun("data", "download", "--venue", venue, "--product", product, "--from", from, "--to", to,
            "--kind", kind, "--out", out.toString(), "--base-url", server.baseUrl());
    }

    private static String size(final Path out, final String name) throws Exception
    {
        final long n = Files.size(out.resolve("archive").resolve(name));
        return n < 1024 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
}
