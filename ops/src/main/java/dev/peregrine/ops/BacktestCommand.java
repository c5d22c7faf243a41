package dev.peregrine.ops;

import dev.peregrine.gateway.venue.BaseTierFees;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.backtest.Backtest;
import dev.peregrine.journal.backtest.BacktestException;
import dev.peregrine.journal.backtest.BacktestPlan;
import dev.peregrine.journal.backtest.BacktestProgress;
import dev.peregrine.journal.backtest.BacktestRequest;
import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.journal.backtest.PerpetualInputs;
import dev.peregrine.journal.backtest.Sweep;
import dev.peregrine.journal.backtest.SweepGrid;
import dev.peregrine.journal.backtest.SweepMetric;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.FormatDetector;
import dev.peregrine.journal.importer.ImportException;
import dev.peregrine.journal.importer.TimeWindow;
import dev.peregrine.journal.importer.Timestamps;
import dev.peregrine.ops.backtest.BacktestSummary;
import dev.peregrine.ops.backtest.ProgressBar;
import dev.peregrine.ops.backtest.SweepTable;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.JournalFailures;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.report.Report;
import dev.peregrine.ops.report.ReportFiles;
import dev.peregrine.ops.report.ReportHtml;
import dev.peregrine.ops.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peregrine backtest --data PATH --strategy NAME}: a strategy over historical data through the
 * live code path (importers in {@code journal.importer}, driver {@code journal.backtest.Backtest}),
 * keeping, when asked, a journal that {@code replay}, {@code decisions} and {@code report} read; or, with
 * {@code --sweep}, a parameter grid run in parallel and tabled.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a strategy over historical data through the same core, risk checks and paper venue as the",
        "live engine, writes the inputs to a new journal, and prints the results, the output digest and",
        "state hash (replaying the journal prints the same) and the fill-model assumptions.",
        "",
        "Data (--format, or told by content): binance-trades (archive CSV/ZIP: id,price,qty,quote_qty,time,",
        "is_buyer_maker,is_best_match; time in ms, or us from 2025, told by magnitude), coinbase-candles",
        "(CSV time,low,high,open,close,volume or the REST JSON [[time,low,high,open,close,volume],...]),",
        "ohlcv (header timestamp,open,high,low,close,volume), trades (header timestamp,price,quantity[,side],",
        "side = the taker's), journal (a Peregrine journal folder). Files may be .gz or .zip.",
        "Trades get a synthesized quote (trade -/+ one tick, the trade's size); candles become four trades",
        "(open, nearer extreme, other extreme, close at 0, 1/4, 1/2, 3/4 of the candle) then the candle;",
        "a CLOCK event every second of event time between data, as the live timer.",
        "Fill models (--fill-model): touch fills a market order only up to the displayed size (on trades,",
        "the printed size of the last trade) and cancels the rest; volume (default) takes that, then a",
        "--participation share of each later trade until done or --fill-window ends; unlimited fills it",
        "all at the touch worsened by --slippage-bps. On L2 data every model walks the recorded book first.",
        "The summary shows requested vs filled quantity and the fill ratio, with a WARNING line when",
        "orders were cut short or rejects outnumber orders.",
        "A bad row stops the run with '<file>:<line>: <field>: <problem>' and exit code 2; the partial",
        "journal is deleted.",
        "",
        "Perpetuals: --marks (Binance USD-M markPriceKlines archive: open_time,open,high,low,close,volume,",
        "close_time,...; each kline's close is a MARK_PRICE at its close_time) and --funding (Binance USD-M",
        "fundingRate archive: calc_time,funding_interval_hours,last_funding_rate; each row a FUNDING_SETTLEMENT",
        "paid on the position held then) are merged by time into a trades or candles file of a perpetual",
        "product, e.g. --venue binance-usdm --product BTCUSDT. Their bad rows stop the run like the data's.",
        "--collateral and --leverage set the margin account (one-way cross margin; defaults 10000 and 1x).",
        "",
        "Sweeps: --sweep key=v1,v2 (repeatable) runs every combination on the available cores (--threads), each",
        "with its own engine (and journal in <keep-journal>/<n> or <report>/sweep/<n> when kept), prints",
        "'grid points per second: X' and a table sorted by --sort: pnl (net of fees, with",
        "unrealized; highest first), trades (fills; most first), max-drawdown (smallest first), sharpe",
        "(mean/stdev of per-minute equity changes x sqrt(525600); highest first). Ties keep grid order."})
public final class BacktestCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "PATH", description = "Data file or journal folder.")
    private Path data;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Strategy type, optionally with parameters: " +
        "trend-following or trend-following:bar=1m,fast=12 (see --list-strategies).")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A strategy parameter (repeatable).")
    private List<String> params = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2,...", description = "Sweep a parameter over values (repeatable: the grid is every combination).")
    private List<String> sweeps = new ArrayList<>();

    @Option(names = "--sort", paramLabel = "METRIC", defaultValue = "pnl",
        description = "Sweep table order: pnl, trades, max-drawdown, sharpe (default: ${DEFAULT-VALUE}).")
    private String sort;

    @Option(names = "--from", paramLabel = "TIME", description = "First event time (inclusive): ISO-8601 or epoch seconds/milliseconds.")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the run (exclusive): ISO-8601 or epoch seconds/milliseconds.")
    private String to;

    @Option(names = "--report", paramLabel = "DIR", description = "Folder for this run: its journal goes to DIR/journal " +
        "and, for a single run, report.json and report.html (as ./peregrine report writes them) to DIR (sweeps: a journal " +
        "per combination in DIR/sweep/<n>, no report; --keep-journal puts the journal there instead). Default: no journal " +
        "is kept (see --keep-journal).")
    private Path report;

    @Option(names = "--keep-journal", paramLabel = "DIR", description = "Write the run's journal to DIR (a new or empty " +
        "folder; sweeps: DIR/<n>), for replay, decisions and report. Without it (or --report) no journal is written: the " +
        "run is faster and prints the same digest and state hash that the journal's replay would.")
    private Path keepJournal;

    @Option(names = "--capital", paramLabel = "QUOTE",
        description = "Starting capital the returns are measured on, in quote currency (default: ${DEFAULT-VALUE}).")
    private double capital = dev.peregrine.journal.statistics.EquityStatistics.DEFAULT_CAPITAL;

    @Option(names = "--format", paramLabel = "FORMAT", description = "binance-trades, coinbase-candles, ohlcv, trades or journal (default: told by content).")
    private String format;

    @Option(names = "--product", paramLabel = "SYMBOL", description = "Catalog product of a data file (default: from the file name, e.g. BTCUSDT-trades-2024-08-08.zip).")
    private String product;

    @Option(names = "--marks", paramLabel = "FILE", description = "A perpetual's mark prices: a Binance USD-M " +
        "markPriceKlines archive (CSV or ZIP), merged into the data by time.")
    private Path marks;

    @Option(names = "--funding", paramLabel = "FILE", description = "A perpetual's funding settlements: a Binance USD-M " +
        "fundingRate archive (CSV or ZIP), merged into the data by time.")
    private Path funding;

    @Option(names = "--collateral", paramLabel = "AMOUNT", description = "Perpetuals: the margin account's starting " +
        "balance in the settlement currency (default: 10000).")
    private String collateral;

    @Option(names = "--leverage", paramLabel = "X", description = "Perpetuals: the leverage of the product, from 1 to its " +
        "maximum (default: 1).")
    private String leverage;

    @Option(names = "--venue", paramLabel = "NAME", description = "The venue whose products a symbol means where venues " +
        "share it (e.g. binance-usdm: BTCUSDT is its perpetual, not Binance spot's; default: the first venue listing it).")
    private String venue;

    @Option(names = "--order-notional", defaultValue = "1000", paramLabel = "QUOTE",
        description = "Default order size in quote currency; limits are 2x (order) and 4x (position) (default: ${DEFAULT-VALUE}).")
    private double orderNotional;

    @Option(names = "--fill-model", paramLabel = "MODEL",
        description = "How much of a market order fills beyond the displayed size: touch, volume or unlimited " +
            "(default: volume, so a default backtest on trades or candles fills its orders without taking more than " +
            "a share of what traded; for a journal, the model its header records, so its backtest fills as it ran).")
    private String fillModel;

    @Option(names = "--participation", paramLabel = "SHARE",
        description = "Volume model: share of each later trade's size a working market order fills, above 0 and at " +
            "most 1 (default: 0.25).")
    private Double participation;

    @Option(names = "--fill-window", paramLabel = "DURATION",
        description = "Volume model: how long a market order keeps working, e.g. 30s, 2m (default: 60s).")
    private String fillWindow;

    @Option(names = "--slippage-bps", paramLabel = "BPS",
        description = "Unlimited model: price worsening of what fills beyond the displayed size (default: 5).")
    private Double slippageBps;

    @Option(names = "--threads", paramLabel = "N", description = "Sweep threads (default: the available processors).")
    private Integer threads;

    @Option(names = "--progress", description = "Show the progress bar on stderr even when it is not a terminal.")
    private boolean progress;

    @Option(names = "--list-strategies", description = "Print the strategy names, one a line, and exit.")
    private boolean listStrategies;

    @Mixin
    private AcceptTruncatedOption acceptTruncated;

    @Override
    public Integer call()
    {
        acceptTruncated.apply(spec.commandLine().getErr());
        if (!(capital > 0) || Double.isInfinite(capital))
        {
            throw new UsageException("--capital must be a positive amount of quote currency, got " + capital);
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (listStrategies)
        {
            BuiltInStrategies.types().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        final BacktestRequest request = request();
        final PrintWriter err = spec.commandLine().getErr();
        final boolean showProgress = progress || System.console() != null;
        try
        {
            if (sweeps.isEmpty())
            {
                final BacktestPlan plan = Backtest.plan(request);
                final BacktestProgress counters = new BacktestProgress();
                final BacktestResult result;
                try (ProgressBar bar = showProgress ? new ProgressBar(err, "backtest", counters::events, counters::fraction) : null)
                {
                    result = EngineAssembly.backtest(plan, journalFolder(), counters);
                }
                BacktestSummary.print(out, result, data.toString(), capital);
                if (report != null)
                {
                    return writeReport(out, err, result.journal());
                }
                return ExitCodes.OK;
            }
            final SweepMetric metric = parse(() -> SweepMetric.parse(sort), "--sort");
            final SweepGrid grid = SweepGrid.parse(sweeps, request.strategy().params());
            final Sweep sweep = Sweep.plan(request, grid);
            final int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (n < 1)
            {
                throw new UsageException("--threads must be at least 1, got " + n);
            }
            final long started = System.nanoTime();
            final List<Sweep.Row> rows;
            try (ProgressBar bar = showProgress ? new ProgressBar(err, "sweep of " + sweep.size(),
                () -> sweep.progress().stream().mapToLong(BacktestProgress::events).sum(),
                () -> ProgressBar.meanFraction(sweep.progress())) : null)
            {
                rows = sweep.run(sweepFolder(), n);
            }
            final double seconds = (System.nanoTime() - started) / 1e9;
            final BacktestResult first = rows.get(0).result();
            out.printf("sweep: %d combinations of %s on %d thread%s in %.2f s, %s on %s (%s), sorted by %s%n", rows.size(),
                String.join(", ", grid.keys()), Math.min(n, rows.size()), Math.min(n, rows.size()) == 1 ? "" : "s", seconds,
                request.strategy().type(), String.join(",", first.products()), data, metric.cliName());
            SweepTable.print(out, grid.keys(), rows, metric);
            out.printf(Locale.ROOT, "grid points per second: %.2f%n", rows.size() / seconds);
            out.println(sweepFolder() != null ? "journals: " + sweepFolder() + "/<#>"
                : "journals: not kept (--keep-journal DIR or --report DIR keeps them)");
            out.println("assumptions:");
            for (final String line : first.assumptions())
            {
                out.println("  - " + line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        catch (final BacktestException | ImportException ex)
        {
            throw new UsageException(ex.getMessage());
        }
        catch (final JournalException ex)
        {
            if (request.format() == DataFormat.JOURNAL || Files.isDirectory(data))
            {
                throw JournalFailures.forCommandLine(ex); // not a journal: exit 2; a damaged one: exit 1
            }
            throw ex;
        }
    }

    private BacktestRequest request()
    {
        if (data == null)
        {
            throw new UsageException("--data is required (a data file or a journal folder; see --help)");
        }
        if (strategy == null)
        {
            throw new UsageException("--strategy is required (one of: " + String.join(", ", BuiltInStrategies.types()) +
                "; --list-strategies)");
        }
        final StrategySpec base = parse(() -> StrategySpec.parse(strategy, strategy.split(":")[0].trim()), "--strategy");
        final Map<String, String> all = new LinkedHashMap<>(base.params());
        for (final String param : params)
        {
            final int eq = param.indexOf('=');
            if (eq <= 0)
            {
                throw new UsageException("--param '" + param + "': expected key=value");
            }
            final String key = param.substring(0, eq).trim();
            if (all.put(key, param.substring(eq + 1).trim()) != null)
            {
                throw new UsageException("--param '" + param + "': parameter '" + key + "' is given twice");
            }
        }
        final DataFormat dataFormat = format == null ? null : parse(() -> DataFormat.parse(format), "--format");
        final long fromNanos = from == null ? Long.MIN_VALUE : time(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : time(to, "--to");
        if (fromNanos >= toNanos)
        {
            throw new UsageException("--from " + from + " is not before --to " + to);
        }
        final ProductCatalog catalog = venue == null ? VenueRegistry.standard().catalog()
            : parse(() -> VenueRegistry.standard().catalog(venue), "--venue");
        return new BacktestRequest(catalog, data, dataFormat, product, new StrategySpec(base.name(), base.type(), all),
            new TimeWindow(fromNanos, toNanos), orderNotional, paperVenueAt(),
            new PerpetualInputs(marks, funding, positive(collateral, "--collateral"), positive(leverage, "--leverage")));
    }

    /** A positive decimal option as FixedPoint; 0 when not given. */
    private static long positive(final String text, final String option)
    {
        if (text == null)
        {
            return 0;
        }
        final long value = FixedPoint.parse(text.trim());
        if (FixedPoint.isError(value) || value <= 0)
        {
            throw new UsageException(option + " must be a positive number with at most 8 decimals, got '" + text + "'");
        }
        return value;
    }

    /**
     * The paper venue of {@link #paperVenue}, charging the named venue's base-tier fees when {@code --venue} is given
     * (a backtest of Binance USD-M data pays USD-M's fees, as its demo and paper runs do); without it, the defaults
     * every recorded backtest was made with.
     */
    private PaperVenueSettings paperVenueAt()
    {
        final PaperVenueSettings settings = paperVenue();
        if (venue == null)
        {
            return settings;
        }
        final BaseTierFees fees = parse(() -> VenueRegistry.standard().venue(venue)
            .baseTierFees(product == null ? List.of() : List.of(product)), "--venue");
        return settings.withFees(fees.makerBps(), fees.takerBps());
    }

    /** The paper venue: the default latencies and fees with the fill model the options choose. */
    private PaperVenueSettings paperVenue()
    {
        final PaperVenueSettings recorded = fillModel == null ? recordedVenue() : null;
        if (recorded != null && participation == null && fillWindow == null && slippageBps == null)
        {
            return PaperVenueSettings.DEFAULT.withFillModel(recorded.fillModel(), recorded.participation(),
                recorded.fillWindowNanos(), recorded.slippageBps());
        }
        final FillModel model = fillModel == null ? recorded != null ? recorded.fillModel() : FillModel.VOLUME
            : FillModel.parse(fillModel);
        if (model == null)
        {
            throw new UsageException("--fill-model '" + fillModel + "': expected one of " + FillModel.names());
        }
        if (model != FillModel.VOLUME && (participation != null || fillWindow != null))
        {
            throw new UsageException((participation != null ? "--participation" : "--fill-window") +
                " applies to --fill-model volume only, not " + model.cliName());
        }
        if (model != FillModel.UNLIMITED && slippageBps != null)
        {
            throw new UsageException("--slippage-bps applies to --fill-model unlimited only, not " + model.cliName());
        }
        final long windowNanos = fillWindow == null ? PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS
            : parse(() -> Durations.parse(fillWindow), "--fill-window").toNanos();
        return parse(() -> PaperVenueSettings.DEFAULT.withFillModel(model,
            participation == null ? PaperVenueSettings.DEFAULT_PARTICIPATION : participation, windowNanos,
            slippageBps == null ? PaperVenueSettings.DEFAULT_SLIPPAGE_BPS : slippageBps), "--fill-model " + model.cliName());
    }

    /** The paper venue a journal's header records, when the data is a journal that can be read; else null. */
    private PaperVenueSettings recordedVenue()
    {
        try
        {
            final DataFormat detected = format != null ? DataFormat.parse(format) : FormatDetector.detect(data);
            if (detected != DataFormat.JOURNAL)
            {
                return null;
            }
            try (JournalReader reader = JournalReader.open(Files.isDirectory(data) ? data : data.toAbsolutePath().getParent()))
            {
                return EngineSettings.decode(reader.header().settingsText()).paperVenue();
            }
        }
        catch (final RuntimeException ex)
        {
            return null; // the plan names what is wrong with the data; the default model stands meanwhile
        }
    }

    /** The single run's journal: --keep-journal, else the report's (the report is made from it), else none. */
    private Path journalFolder()
    {
        return keepJournal != null ? keepJournal : report != null ? report.resolve("journal") : null;
    }

    /** The folder of a sweep's journals (one a combination), or null when none are kept. */
    private Path sweepFolder()
    {
        return keepJournal != null ? keepJournal : report != null ? report.resolve("sweep") : null;
    }

    private static long time(final String text, final String option)
    {
        final Instant t = parse(() -> Timestamps.parse(text), option);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static <T> T parse(final java.util.function.Supplier<T> parser, final String option)
    {
        try
        {
            return parser.get();
        }
        catch (final IllegalArgumentException e)
        {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /**
     * The report of the run just made, from its journal: the same replay `./peregrine report` does, so a
     * backtest's report and a live run's are one thing. Nothing is presented as complete if it fails.
     */
    private int writeReport(final PrintWriter out, final PrintWriter err, final Path journal)
    {
        try
        {
            final Report built = EngineAssembly.report(journal, capital);
            ReportFiles.write(report, ReportJson.toJson(built), ReportHtml.render(built));
        }
        catch (final JournalException | IOException ex)
        {
            out.flush();
            err.println("peregrine backtest: the run completed but its report could not be written: " + ex.getMessage());
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        out.println("report: " + report.resolve(ReportFiles.HTML) + " and " + ReportFiles.JSON);
        out.flush();
        return ExitCodes.OK;
    }
}
