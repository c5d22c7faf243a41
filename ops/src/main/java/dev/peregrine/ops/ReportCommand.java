package dev.peregrine.ops;

import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.StatisticsLines;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.report.Comparison;
import dev.peregrine.ops.report.ComparisonText;
import dev.peregrine.ops.report.DecisionComparison;
import dev.peregrine.ops.report.EquityCurve;
import dev.peregrine.ops.report.Report;
import dev.peregrine.ops.report.ReportFiles;
import dev.peregrine.ops.report.ReportHtml;
import dev.peregrine.ops.report.ReportJson;
import dev.peregrine.ops.report.ReportReplay;
import dev.peregrine.ops.report.Tearsheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code peregrine report --journal DIR --out DIR [--capital X] [--compare OTHER] [--name TEXT]}: replays a journal
 * through the same core and writes report.json and a self-contained report.html. A replay that fails
 * mid-way writes nothing and exits 1: there is no partial report.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Replays a journal (a backtest's, a demo's or a live run's) through the core its header describes and",
        "writes report.json and report.html (opens offline): equity and drawdown curves, monthly returns,",
        "trades on the price chart, a trade table and the statistics. With --compare, also lists every",
        "decision in which another journal differs (a live run against its replay or backtest)."})
public final class ReportCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal folder to report on.")
    private Path journal;

    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Folder for report.json and report.html (created if missing; existing reports are replaced).")
    private Path out;

    // The statistics module's default, which the backtest summary uses too: the same journal, the same figures.
    @Option(names = "--capital", paramLabel = "QUOTE",
        description = "Starting capital in quote currency, the base of returns, drawdown and turnover (default: ${DEFAULT-VALUE}).")
    private double capital = EquityStatistics.DEFAULT_CAPITAL;

    @Option(names = "--compare", paramLabel = "DIR",
        description = "Another journal to compare decision by decision (e.g. the backtest of this live run).")
    private Path compare;

    @Option(names = "--name", paramLabel = "TEXT",
        description = "The run's name in the report's title (default: the journal's folder, or the folder above a " +
            "folder called journal).")
    private String name;

    @Mixin
    private AcceptTruncatedOption acceptTruncated;

    @Override
    public Integer call()
    {
        if (!(capital > 0) || Double.isInfinite(capital))
        {
            throw new UsageException("--capital must be a positive amount of quote currency, got " + capital);
        }
        if (Files.exists(out) && !Files.isDirectory(out))
        {
            throw new UsageException("--out " + out + " is a file; give a folder");
        }
        acceptTruncated.apply(spec.commandLine().getErr());
        checkReadable(journal, "--journal");
        if (compare != null)
        {
            checkReadable(compare, "--compare");
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter stderr = spec.commandLine().getErr();
        final long start = System.nanoTime();
        Report report;
        try
        {
            report = EngineAssembly.report(journal, capital).withName(name);
            if (compare != null)
            {
                final Comparison comparison = DecisionComparison.compare(journal, compare);
                report = report.withComparison(comparison);
            }
        }
        catch (final JournalException ex)
        {
            stdout.flush();
            stderr.println("peregrine report: replay failed, no report written: " + ex.getMessage());
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        try
        {
            ReportFiles.write(out, ReportJson.toJson(report), ReportHtml.render(report));
        }
        catch (final IOException ex)
        {
            stderr.println("peregrine report: cannot write the report to " + out + ": " + ex);
            stderr.flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        print(stdout, report, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /** A folder that is not a journal is a usage error (exit 2); a damaged journal is exit 1 (JournalFailures). */
    private static void checkReadable(final Path dir, final String option)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            Replay.settingsOf(dir, reader.header());
        }
        catch (final JournalException ex)
        {
            if (!ex.notAJournal())
            {
                throw ex;
            }
            throw new UsageException(option + ": " + ex.getMessage());
        }
    }

    private static String percent(final double fraction)
    {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "n/a";
    }

    private void print(final PrintWriter stdout, final Report report, final double seconds)
    {
        final EquityCurve curve = report.curve();
        stdout.printf(Locale.ROOT, "replayed %,d events from %s in %.2f s%n", report.events(), journal, seconds);
        stdout.println(report.settings().paperVenue().describe());
        stdout.printf(Locale.ROOT, "data: %s .. %s%n", ReportJson.time(curve.firstNanos()), ReportJson.time(curve.lastNanos()));
        stdout.printf(Locale.ROOT, "capital %.2f -> equity %.2f, %d trades, %d fills%n", curve.capital(), curve.finalEquity(),
            report.recorder().tradeStatistics().trades(), report.recorder().execution().fills());
        StatisticsLines.of(curve.statistics()).forEach(stdout::println);
        final Tearsheet sheet = report.tearsheet();
        stdout.printf(Locale.ROOT, "buy and hold (%s): %s; excess return %s, beta %s, alpha %s a year%n",
            sheet.benchmark.empty() ? "nothing priced" : String.join(", ", java.util.Arrays.stream(sheet.benchmark.products())
                .mapToObj(report::product).toList()), percent(sheet.buyAndHold.totalReturn()), percent(sheet.excessReturn),
            Double.isFinite(sheet.beta) ? String.format(Locale.ROOT, "%.2f", sheet.beta) : "n/a", percent(sheet.alpha));
        if (report.coreError() != null)
        {
            stdout.println("warning: the core halted on an error during the run: " + report.coreError());
        }
        if (report.comparison() != null)
        {
            stdout.println("compare with " + compare + ": " + ComparisonText.summary(report.comparison()));
        }
        stdout.println("output-digest: " + report.outputDigest());
        stdout.println("state-hash: " + report.stateHash());
        stdout.println("report: " + out.resolve(ReportFiles.HTML) + " and " + out.resolve(ReportFiles.JSON));
        stdout.flush();
    }
}
