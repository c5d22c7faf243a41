package dev.peregrine.ops.data;

import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code peregrine data download}: historical data from a venue's public sources into a folder, in the format
 * {@code backtest} reads, then the backtest line to run on it. Binance from its public archive
 * ({@link BinanceArchivePlan}, checksums verified), Coinbase candles from its public REST endpoint
 * ({@link CoinbaseCandleDownload}). Resumable: run it again after a stop and it continues. Wrong options exit 2, a
 * download that cannot finish exits 1, each with one line.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
        "Downloads historical data for a backtest into --out and prints the backtest line that runs on it.",
        "binance: the public archive (data/spot/... ; data/futures/um/... for binance-usdm and funding), monthly",
        "files for whole months and daily files for the rest, each checked against its .CHECKSUM (SHA-256).",
        "coinbase: candles from GET /api/v3/brokerage/market/products/{id}/candles, 350 a request, paced.",
        "Dates are UTC days, --from and --to both included. Run it again to continue a stopped download."})
public final class DataDownloadCommand implements Callable<Integer>
{
    static final URI BINANCE_ARCHIVE = URI.create("https://data.binance.vision/");
    static final URI COINBASE_REST = URI.create("https://api.coinbase.com/");
    private static final List<String> BINANCE_INTERVALS = List.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h",
        "6h", "8h", "12h", "1d");

    @Spec
    private CommandSpec spec;

    @Option(names = "--venue", required = true, paramLabel = "VENUE", description = "binance, binance-usdm or coinbase.")
    private String venue;

    @Option(names = "--product", required = true, paramLabel = "SYMBOL", description = "The venue's symbol: BTCUSDT (Binance), BTC-USD (Coinbase).")
    private String product;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First UTC day, YYYY-MM-DD.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last UTC day (included), YYYY-MM-DD.")
    private String to;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "trades, klines (candles) or funding.")
    private String kind;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the files (created if missing).")
    private Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the archive or REST API is (default: the venue's own).")
    private URI baseUrl;

    @Option(names = "--interval", paramLabel = "INTERVAL", defaultValue = "1m", description = "Candle interval for klines (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--progress", description = "Draw the progress bar even when stderr is not a terminal.")
    private boolean progressBar;

    /** The first wait before retrying a dropped connection or a 429 without Retry-After; doubles after each. */
    private static final long FIRST_BACKOFF_MILLIS = 500;

    @Override
    public Integer call()
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final DownloadRequest request = request();
        final DownloadProgress progress = new DownloadProgress(err, progressBar || System.console() != null);
        final ResumableHttp http = new ResumableHttp(progress, FIRST_BACKOFF_MILLIS);
        final Path file;
        try
        {
            file = request.venue().equals("coinbase") ? new CoinbaseCandleDownload(http, progress).fetch(request)
                : BacktestFiles.merge(request, new BinanceArchiveDownload(http, progress).fetch(request));
        }
        catch (final DataDownloadException ex)
        {
            err.println("peregrine: data download: " + ex.getMessage());
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        stdout.println("data: " + file);
        stdout.println("backtest: " + backtestLine(request, file));
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The command line that backtests on what was downloaded. */
    static String backtestLine(final DownloadRequest request, final Path file)
    {
        final boolean perpetual = request.venue().equals("binance-usdm") || request.kind() == DataKind.FUNDING;
        if (request.kind() == DataKind.FUNDING)
        {
            return "./peregrine backtest --data " + request.out().resolve(request.product() + "-1m-" + request.span() + ".csv") +
                " --venue binance-usdm " +
                "--funding " + file + " --strategy trend-following   (the prices first: data download --venue " +
                "binance-usdm --kind klines with the same product and dates)";
        }
        return "./peregrine backtest --data " + file + (perpetual ? " --venue binance-usdm" : "") + " --strategy trend-following";
    }

    private DownloadRequest request()
    {
        final String v = venue.trim().toLowerCase(Locale.ROOT);
        if (!List.of("binance", "binance-usdm", "coinbase").contains(v))
        {
            throw new UsageException("--venue " + venue + ": not a venue to download from; use binance, binance-usdm or coinbase");
        }
        final DataKind k = DataKind.parse(kind);
        if (k == null)
        {
            throw new UsageException("--kind " + kind + ": use trades, klines (or candles) or funding");
        }
        final String symbol = product.trim().toUpperCase(Locale.ROOT);
        if (v.equals("coinbase"))
        {
            if (k != DataKind.KLINES)
            {
                throw new UsageException("--kind " + kind + ": Coinbase's public endpoint serves candles only; use --kind klines");
            }
            if (!symbol.matches("[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?"))
            {
                throw new UsageException("--product " + product + ": a Coinbase product id looks like BTC-USD");
            }
            if (!CoinbaseCandleDownload.knows(interval))
            {
                throw new UsageException("--interval " + interval + ": Coinbase candles come in " +
                    String.join(", ", CoinbaseCandleDownload.intervals()));
            }
        }
        else
        {
            if (!symbol.matches("[A-Z0-9]+"))
            {
                throw new UsageException("--product " + product + ": a Binance symbol is letters and digits only, such as BTCUSDT");
            }
            if (v.equals("binance-usdm") && k == DataKind.TRADES)
            {
                throw new UsageException("--kind trades: downloads Binance spot trades (--venue binance); for binance-usdm " +
                    "use --kind klines or funding");
            }
            if (k == DataKind.KLINES && !BINANCE_INTERVALS.contains(interval))
            {
                throw new UsageException("--interval " + interval + ": Binance klines come in " + String.join(", ", BINANCE_INTERVALS));
            }
        }
        final LocalDate first = date("--from", from);
        final LocalDate last = date("--to", to);
        if (last.isBefore(first))
        {
            throw new UsageException("--to " + to + " is before --from " + from + " (both days are included)");
        }
        final URI base = baseUrl != null ? baseUrl : v.equals("coinbase") ? COINBASE_REST : BINANCE_ARCHIVE;
        if (base.getHost() == null || !List.of("http", "https").contains(String.valueOf(base.getScheme())))
        {
            throw new UsageException("--base-url " + baseUrl + ": give an http(s) URL with a host, such as " +
                (v.equals("coinbase") ? COINBASE_REST : BINANCE_ARCHIVE));
        }
        return new DownloadRequest(v, symbol, first, last, k, out, base, interval);
    }

    private static LocalDate date(final String option, final String text)
    {
        try
        {
            return LocalDate.parse(text.trim());
        }
        catch (final DateTimeParseException ex)
        {
            throw new UsageException(option + " " + text + ": not a date; write YYYY-MM-DD (a UTC day)");
        }
    }
}
