package dev.peregrine.ops.backtest;

import dev.peregrine.gateway.venue.VenueRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.ops.report.Report;
import dev.peregrine.ops.report.ReportReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One journal, one set of statistics: the backtest summary, {@code report} (its stdout, report.json and the
 * figures it computed), the statistics a running engine publishes for /admin/status, and the sweep table
 * print the same Sharpe, Sortino, max drawdown and return, and a span too short to annualize is "n/a" with
 * its reason in all of them.
 */
class OneSetOfStatisticsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One-minute candles from 2024-08-09, trending up and down in turns, seeded. */
    private static final CliRun.CandleTrend CANDLES = new CliRun.CandleTrend(7, 45, 1.2, -1.1);

    @TempDir
    Path dir;

    @Test
    void summaryReportAndSweepPrintOneSharpeComputedOnce() throws IOException
    {
        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 3 * 1_440); // three days: long enough to annualize
        final Path folder = dir.resolve("run");
        final CliRun backtest = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,fast=3,slow=8",
            "--capital", "25000", "--report", folder.toString());
        assertThat(backtest.exit()).as(backtest.err()).isZero();
        final String ratios = backtest.line("sharpe: ");
        assertThat(ratios).doesNotContain("n/a").contains("returns of 1h");
        final String returnLine = backtest.line("return: ");
        assertThat(returnLine).contains("on capital 25,000.00");

        // The report of the same journal, as a user runs it: the same two lines, character for character.
        final Path journal = folder.resolve("journal");
        final CliRun report = CliRun.of("report", "--journal", journal.toString(), "--out", dir.resolve("report").toString(),
            "--capital", "25000");
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.line("sharpe: ")).isEqualTo(ratios);
        assertThat(report.line("return: ")).isEqualTo(returnLine);

        // report.json holds the very double the report computed, which is the backtest's (same series, same code).
        final Report replayed = ReportReplay.run(journal, 25_000);
        final EquityStatistics stats = replayed.curve().statistics();
        final JsonNode json = JSON.readTree(dir.resolve("report").resolve("report.json").toFile()).get("statistics");
        assertThat(json.get("sharpe").asDouble()).isEqualTo(round8(stats.sharpe().value()));
        assertThat(json.get("sortino").asDouble()).isEqualTo(round8(stats.sortino().value()));
        assertThat(json.get("max_drawdown_quote").asDouble()).isEqualTo(round8(stats.maxDrawdownQuote()));
        assertThat(json.get("total_return").asDouble()).isEqualTo(round8(stats.totalReturn()));
        assertThat(ratios).startsWith("sharpe: " + String.format(Locale.ROOT, "%.2f", stats.sharpe().value()) + "; ");
        assertThat(stats.sharpe().value()).isNotZero();

        // The /admin path (the statistics a running engine publishes after every event) gives the same figures.
        try (JournalReader reader = JournalReader.open(journal))
        {
            final EngineSettings settings = Replay.settingsOf(journal, reader.header());
            final PublishedStatistics published = new PublishedStatistics(CoreAssembly.build(VenueRegistry.standard().catalog(), settings, new OutputDigest(),
                new CoreMetrics(settings.products().size()), new TradingSwitch()));
            final InboundEvent event = new InboundEvent();
            long sequence = 0;
            while (reader.next(event))
            {
                published.onEvent(event, sequence++, true);
            }
            final EquityStatistics admin = published.snapshot().onCapital(25_000);
            assertThat(admin.sharpe()).isEqualTo(stats.sharpe());
            assertThat(admin.sortino()).isEqualTo(stats.sortino());
            assertThat(admin.maxDrawdownQuote()).isEqualTo(stats.maxDrawdownQuote());
            assertThat(admin.totalReturn()).isEqualTo(stats.totalReturn());
        }

        // A sweep over the same combination (and one other): its row shows that Sharpe, and sorting by it agrees.
        final CliRun sweep = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,slow=8",
            "--sweep", "fast=3,5", "--sort", "sharpe", "--report", dir.resolve("sweep").toString());
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        final String row = sweep.out().lines().filter(l -> l.matches("\\s*\\d+\\s+1\\s+3\\s+.*")).findFirst().orElseThrow();
        assertThat(row.trim().split("\\s+")[6]).as(sweep.out()).isEqualTo(String.format(Locale.ROOT, "%.2f", stats.sharpe().value()));
    }

    @Test
    void aSpanTooShortToAnnualizeIsFlaggedEverywhere() throws IOException
    {
        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 300); // five hours
        final Path folder = dir.resolve("run");
        final CliRun backtest = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,fast=3,slow=8",
            "--report", folder.toString());
        assertThat(backtest.exit()).as(backtest.err()).isZero();
        final String flag = "n/a (span 4h 59m, needs >= 1d)";
        assertThat(backtest.line("sharpe: ")).isEqualTo("sharpe: " + flag + "; sortino: " + flag);

        final JsonNode json = JSON.readTree(folder.resolve("report.json").toFile()).get("statistics");
        for (final String name : new String[] {"sharpe", "sortino", "cagr", "calmar"})
        {
            assertThat(json.get(name).isNull()).as(name).isTrue();
            assertThat(json.get(name + "_unavailable").asText()).isEqualTo("span 4h 59m, needs >= 1d");
        }
        assertThat(Files.readString(folder.resolve("report.html"))).contains("span 4h 59m, needs &gt;= 1d");

        final CliRun sweep = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,slow=8",
            "--sweep", "fast=3,5", "--sort", "sharpe", "--report", dir.resolve("sweep").toString());
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        assertThat(sweep.out()).contains("sharpe n/a: span 4h 59m, needs >= 1d").doesNotContain("NaN");
    }

    private static double round8(final double value)
    {
        return new java.math.BigDecimal(value).setScale(8, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
