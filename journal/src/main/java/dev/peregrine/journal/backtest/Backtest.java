package dev.peregrine.journal.backtest;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategyConfigException;
import dev.peregrine.journal.DecisionJournal;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.EventSource;
import dev.peregrine.journal.importer.FormatDetector;
import dev.peregrine.journal.importer.ImportException;
import dev.peregrine.journal.importer.Importers;
import dev.peregrine.journal.importer.JournalSource;
import dev.peregrine.journal.importer.ProductNames;
import dev.peregrine.journal.importer.SyntheticTouch;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backtest mode (DESIGN.md, determinism rule 5): historical data becomes inbound events that go through
 * exactly the live code path. Each event is first appended to a fresh journal ({@link JournalWriter},
 * as the live journal consumer does), then given to {@link TradingCore#onEvent}, whose paper venue
 * answers the orders; the decisions go to the journal's decision queue. So the folder left behind is a
 * real Peregrine journal: {@code peregrine replay} reproduces the digest and state hash printed here,
 * {@code peregrine decisions} lists why each order was placed, and reports read it.
 *
 * <p>{@link #plan} checks everything that can be checked before reading data; {@link #run} runs one plan
 * on the calling thread. Several runs may go in parallel (a sweep): each has its own core, source and
 * journal, and nothing is shared. The per-event loop allocates nothing (the importers parse into
 * reused buffers; the core and the journal writer are allocation-free after warm-up).
 *
 * <p>A run that fails half-way (a bad row deep in a file) deletes the journal it was writing: a partial
 * journal must not pass for the backtest of the whole file.
 */
public final class Backtest
{
    private Backtest()
    {
    }

    /**
     * Checks a request: data present, format known (detected from the content unless forced), products
     * known to the catalog, strategy and parameters valid. Every problem is listed at once.
     *
     * @throws BacktestException listing the problems
     */
    public static BacktestPlan plan(final BacktestRequest request)
    {
        final List<String> problems = new ArrayList<>();
        final Path data = request.data();
        if (!Files.exists(data))
        {
            throw new BacktestException(List.of("--data " + data + ": no such file or folder"));
        }
        DataFormat format = request.format();
        if (format == null)
        {
            try
            {
                format = FormatDetector.detect(data);
            }
            catch (final ImportException e)
            {
                throw new BacktestException(List.of(e.getMessage()));
            }
        }
        final List<String> products = new ArrayList<>();
        if (format == DataFormat.JOURNAL)
        {
            try (JournalReader reader = JournalReader.open(journalFolder(data)))
            {
                products.addAll(EngineSettings.decode(reader.header().settingsText()).products());
            }
            catch (final JournalException e)
            {
                if (!e.notAJournal())
                {
                    throw e; // a damaged journal is bad data (exit 1), not a problem of the command line
                }
                problems.add("--data " + data + ": " + e.getMessage());
            }
            catch (final IllegalArgumentException e)
            {
                problems.add("--data " + data + ": " + e.getMessage());
            }
            if (request.product() != null)
            {
                problems.add("--product does not apply to a journal: its header names its products");
            }
        }
        else
        {
            final String product = request.product() != null ? request.product() : ProductNames.fromFileName(request.catalog(), data);
            if (product == null)
            {
                problems.add("--data " + data.getFileName() + ": the file name names no known product; give one with " +
                    "--product (known: " + String.join(", ", request.catalog().symbols()) + ")");
            }
            else if (request.catalog().find(product) == null)
            {
                problems.add("--product '" + product + "' is not a known product (known: " +
                    String.join(", ", request.catalog().symbols()) + ")");
            }
            else
            {
                products.add(product);
            }
        }
        if (!(request.orderNotional() > 0) || !Double.isFinite(request.orderNotional()))
        {
            problems.add("order notional must be a positive number, was " + request.orderNotional());
        }
        problems.addAll(PerpetualChecks.problems(request, format, products.isEmpty() ? null : products.get(0)));
        if (takesCandleBars(request) && format != null && !format.candles() && format != DataFormat.JOURNAL)
        {
            // Without candles a strategy that takes candles as bars would see no bar and place nothing.
            problems.add("bars=candles takes candle data (ohlcv, coinbase-candles); --data " + data.getFileName() + " is " +
                format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": use bars=trades");
        }
        if (!problems.isEmpty() || products.isEmpty())
        {
            throw new BacktestException(problems);
        }
        final EngineSettings settings = PerpetualChecks.withMargin(EngineSettings.defaults(request.catalog(), products,
            request.orderNotional()).withPaperVenue(request.venue()).withStrategies(List.of(request.strategy())),
            request.perpetual());
        try
        {
            BuiltInStrategies.configure(settings.strategies(), settings.products(), settings.orderQuantity());
        }
        catch (final StrategyConfigException e)
        {
            problems.addAll(e.problems());
        }
        if (format != DataFormat.JOURNAL)
        {
            problems.addAll(BuiltInStrategies.bookless(settings.strategies(),
                "--data " + data.getFileName() + " (" + format.cliName() + ")"));
        }
        if (!problems.isEmpty())
        {
            throw new BacktestException(problems);
        }
        final ProductCatalog.Product first = request.catalog().find(products.get(0));
        final List<String> assumptions = assumptions(format, settings, takesCandleBars(request));
        assumptions.addAll(PerpetualChecks.assumptions(request, settings));
        return new BacktestPlan(request, format, settings, 0, first.priceIncrement(), assumptions);
    }

    /** True when the strategy takes candles as its bars ({@code bars=candles}): a candle file runs the bar path. */
    static boolean takesCandleBars(final BacktestRequest request)
    {
        return request.strategy() != null && "candles".equals(request.strategy().params().get("bars"));
    }

    private static List<String> assumptions(final DataFormat format, final EngineSettings settings,
        final boolean candleBars)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(settings.paperVenue().describe());
        if (format == DataFormat.JOURNAL)
        {
            lines.add("journal input: its market data, clocks and feed events are fed with their recorded times; " +
                "the recorded venue answers and operator commands are left out (the paper venue answers this run's orders)");
        }
        else
        {
            lines.add(SyntheticTouch.ASSUMPTION);
            lines.add("a CLOCK event is synthesized at every whole second of event time between data events, as the " +
                "live timer ticks");
        }
        if (format.candles() && candleBars)
        {
            lines.add("bar path (the strategy's bars=candles): each candle is one CANDLE event at its interval's end, " +
                "the market at its close (last price, and the touch on both sides at the close for the candle's volume, " +
                "no spread): orders decided on a bar fill at its close; the interval is the smallest gap between candle starts");
        }
        else if (format.candles())
        {
            lines.add("candles are expanded to four trades inside each candle (open at its start, the extreme nearer the " +
                "open at 1/4, the other at 1/2, close at 3/4 of the interval, a quarter of the volume each), then the " +
                "CANDLE event; the interval is the smallest gap between candle starts");
        }
        lines.add(String.format(java.util.Locale.ROOT, "order size %.2f quote at the last trade's price, on the lot " +
            "(%s %s at the catalog's reference price before the first trade; the strategy's quantity= overrides), " +
            "position limit %s, order limit %s", settings.orderNotional(),
            dev.peregrine.core.number.FixedPoint.toString(settings.orderQuantity()[0]), settings.products().get(0),
            dev.peregrine.core.number.FixedPoint.toString(settings.maxPosition()[0]),
            dev.peregrine.core.number.FixedPoint.toString(settings.maxOrderQuantity()[0])));
        return lines;
    }

    /** The journal folder of a data path that is a folder or a {@code .cq4} file inside one. */
    static Path journalFolder(final Path data)
    {
        return Files.isDirectory(data) ? data : data.toAbsolutePath().getParent();
    }

    /**
     * Runs a plan, writing its journal to {@code journalDir} (created; it must not hold anything yet), or, with
     * {@code journalDir} null, keeping no journal: the same events reach the same core, so the digest, state hash
     * and every figure are the ones a kept journal replays to; only the appends (most of a run's time on a file
     * of trades) are left out.
     *
     * @param journalDir may be null: no journal (and no decision journal) is written
     * @param progress may be null
     * @param observer hears every output after the digest (tests, reports); may be null
     * @throws BacktestException if {@code journalDir} is not a new folder
     * @throws ImportException   naming the file, line and field of a bad row; the journal is deleted
     * @throws JournalException  if the journal cannot be written, or a journal input cannot be read
     */
    public static BacktestResult run(final BacktestPlan plan, final Path journalDir, final BacktestProgress progress,
        final OutputListener observer)
    {
        return run(plan, journalDir, progress, observer, true);
    }

    /**
     * As {@link #run(BacktestPlan, Path, BacktestProgress, OutputListener)}; {@code pipelined} reads and parses the
     * data on a second thread ({@link ImportPipeline}) while this one runs the core, the default for a single run
     * of a file (a journal input is read on this thread: Chronicle's tailer is confined to one).
     * A sweep runs its combinations unpipelined, one thread each, since its pool already fills every core. The
     * events, outputs and digests are the same either way.
     */
    public static BacktestResult run(final BacktestPlan plan, final Path journalDir, final BacktestProgress progress,
        final OutputListener observer, final boolean pipelined)
    {
        if (journalDir != null)
        {
            checkNewFolder(journalDir, plan.request().data());
        }
        final long started = System.nanoTime();
        final EngineSettings settings = plan.settings();
        boolean complete = false;
        final JournalWriter writer = journalDir == null ? null : JournalWriter.open(journalDir, settings, plan.request().catalog());
        try (writer; DecisionJournal decisions = journalDir == null ? null : DecisionJournal.open(journalDir);
             EventSource source = open(plan);
             ImportPipeline pipeline = pipelined && plan.format() != DataFormat.JOURNAL ? new ImportPipeline(source) : null)
        {
            final OutputDigest digest = new OutputDigest();
            final BacktestOutputs outputs = new BacktestOutputs(decisions);
            final StrategyLedger ledger = StrategyLedger.forSettings(settings);
            final OutputListener listeners = new OutputFanOut(new OutputFanOut(digest, ledger),
                observer == null ? outputs : new OutputFanOut(outputs, observer));
            final TradingCore core = CoreAssembly.build(plan.request().catalog(), settings, listeners,
                new CoreMetrics(settings.products().size()),
                new TradingSwitch());
            outputs.bind(core.execution().orders());
            final EquityStatistics equity = new EquityStatistics();
            final InboundEvent own = new InboundEvent();
            long sequence = 0;
            long clocks = 0;
            long first = 0;
            for (InboundEvent event = next(source, pipeline, own); event != null; event = next(source, pipeline, own))
            {
                if (sequence == 0)
                {
                    first = event.eventTimeNanos;
                }
                if (event.type == EventType.CLOCK)
                {
                    clocks++;
                }
                if (writer != null)
                {
                    writer.onEvent(event, sequence, true);  // journaled before the core sees it, as live
                }
                core.onEvent(event, sequence, true);
                equity.observe(core.clockNanos(), EquityStatistics.pnlOf(core));
                sequence++;
                if (progress != null && (sequence & (BacktestProgress.PUBLISH_EVERY - 1)) == 0)
                {
                    progress.publish(sequence, source.progress());
                }
            }
            equity.finish();
            if (core.lastError() != null)
            {
                throw new IllegalStateException("the core halted on an error at event time " + core.clockNanos() + ": " +
                    core.lastError(), core.lastError());
            }
            if (progress != null)
            {
                progress.finish(sequence);
            }
            complete = true;
            return new BacktestResult(plan.format(), settings, journalDir, sequence, clocks, first,
                sequence == 0 ? 0 : core.clockNanos(), outputs.orders, outputs.rejects, outputs.fills, outputs.fees,
                core.positions().totalRealizedPnl(), core.totalUnrealizedPnl(), equity, ledger.table(core),
                digest.hex(), Hash64.hex(core.stateHash()), System.nanoTime() - started, plan.assumptions(),
                outputs.fillTally, rejectRuns(core), core.tradingState().state().name());
        }
        finally
        {
            if (!complete && journalDir != null)
            {
                deleteQuietly(journalDir);
            }
        }
    }

    /** The next event: the pipeline's slot, or {@code own} filled from the source on this thread; null at the end. */
    private static InboundEvent next(final EventSource source, final ImportPipeline pipeline, final InboundEvent own)
    {
        if (pipeline != null)
        {
            return pipeline.take();
        }
        return source.next(own) ? own : null;
    }

    /** The summary's lines on strategies rejected for one reason many times in a row. */
    private static List<String> rejectRuns(final TradingCore core)
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < core.strategies().count(); i++)
        {
            final StrategyRunner runner = core.strategies().get(i);
            final String line = runner.repeatedRejects().describe(runner.name());
            if (line != null)
            {
                lines.add(line);
            }
        }
        return lines;
    }

    private static EventSource open(final BacktestPlan plan)
    {
        final BacktestRequest request = plan.request();
        if (plan.format() == DataFormat.JOURNAL)
        {
            return new JournalSource(JournalReader.open(journalFolder(request.data())), request.window());
        }
        return Importers.open(request.data(), plan.format(), plan.instrumentId(), plan.priceIncrement(), request.window(),
            request.perpetual().marks(), request.perpetual().funding(), takesCandleBars(request));
    }

    private static void checkNewFolder(final Path journalDir, final Path data)
    {
        if (Files.isDirectory(data) && journalDir.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize()))
        {
            throw new BacktestException(List.of("journal folder " + journalDir + " is the data journal; write to another folder"));
        }
        if (Files.exists(journalDir))
        {
            if (!Files.isDirectory(journalDir))
            {
                throw new BacktestException(List.of("journal folder " + journalDir + " is a file"));
            }
            try (Stream<Path> entries = Files.list(journalDir))
            {
                if (entries.findAny().isPresent())
                {
                    throw new BacktestException(List.of("journal folder " + journalDir + " is not empty (a backtest " +
                        "writes a new journal; use a new report folder or remove the old one)"));
                }
            }
            catch (final IOException e)
            {
                throw new BacktestException(List.of("journal folder " + journalDir + ": cannot list (" + e.getMessage() + ")"));
            }
        }
    }

    private static void deleteQuietly(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir))
        {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException | RuntimeException ignored)
        {
            // the run's own failure is the news; a leftover folder is named in it by the caller
        }
    }
}
