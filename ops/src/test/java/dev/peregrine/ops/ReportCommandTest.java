package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code peregrine report} over a real demo run's journal: the report replays to the live run's digest,
 * its figures agree with the engine's own accounts, the HTML is self-contained, and bad input or a
 * replay that fails mid-way leave no report.
 */
class ReportCommandTest
{
    private static Path journal;
    private static Map<String, Object> report;
    private static Map<String, Object> summary;
    private static String html;
    private static ReportFixtures.Run run;

    @BeforeAll
    static void report() throws IOException
    {
        journal = ReportFixtures.demoJournal();
        final Path out = ReportFixtures.ROOT.resolve("report");
        ReportFixtures.delete(out);
        run = ReportFixtures.cli("report", "--journal", journal.toString(), "--out", out.toString(), "--capital", "20000");
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        report = TestJson.object(Files.readString(out.resolve("report.json")));
        html = Files.readString(out.resolve("report.html"));
        summary = TestJson.object(Files.readString(ReportFixtures.ROOT.resolve("demo-summary.json")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object o)
    {
        return (Map<String, Object>)o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Object o)
    {
        return (List<Map<String, Object>>)o;
    }

    private static double number(final Object o)
    {
        return ((BigDecimal)o).doubleValue();
    }

    @Test
    void theReportReplaysTheLiveRunAndSaysWhatItAssumed()
    {
        assertThat(report.get("complete")).isEqualTo(true);
        assertThat(report.get("output_digest")).isEqualTo(summary.get("output_digest"));
        assertThat(report.get("state_hash")).isEqualTo(summary.get("state_hash"));
        assertThat((String)report.get("fill_model")).startsWith("paper venue: order latency 20.0 ms");
        assertThat(number(report.get("capital"))).isEqualTo(20_000);
        final Map<String, Object> range = map(report.get("data_range"));
        assertThat(number(range.get("events"))).isEqualTo(number(summary.get("journal_events")));
        assertThat(number(range.get("span_seconds"))).isBetween(3.0, 8.0);
        assertThat(run.out()).contains("output-digest: " + summary.get("output_digest"));
        // both products traded, so both make the benchmark; the name defaults to the journal's folder
        assertThat(run.out()).contains("buy and hold (BTC-USD, ETH-USD): ").contains("excess return ");
        assertThat(report.get("name")).isEqualTo("demo-journal");
        assertThat(html).contains("paper venue: order latency 20.0 ms").contains(((String)range.get("first_event")).substring(0, 10));
    }

    @Test
    void statisticsAgreeWithTheEnginesOwnAccounts()
    {
        final Map<String, Object> stats = map(report.get("statistics"));
        final Map<String, Object> engine = map(summary.get("engine"));
        assertThat(number(stats.get("orders"))).as("the run must trade for this test to mean anything")
            .isPositive().isEqualTo(number(engine.get("orders")));
        assertThat(number(stats.get("fills"))).isEqualTo(number(engine.get("fills")));
        assertThat(number(report.get("fills_total"))).isEqualTo(number(engine.get("fills")));
        assertThat(number(stats.get("limit_orders"))).as("the 'patient' strategy sends limit orders").isPositive();
        assertThat(stats.get("limit_fill_rate")).isNotNull();
        assertThat(number(stats.get("trades"))).isPositive();

        // Equity = capital + realized (after fees) + unrealized, so total return follows from the two PnLs.
        final double realized = number(stats.get("realized_pnl"));
        final double unrealized = number(stats.get("unrealized_pnl"));
        assertThat(number(stats.get("final_equity"))).isCloseTo(20_000 + realized + unrealized, within(1e-4));
        assertThat(number(stats.get("total_return"))).isCloseTo((realized + unrealized) / 20_000, within(1e-6));

        // The closed trades plus what the open ones realized so far add up to the engine's realized PnL.
        double trades = 0;
        for (final Map<String, Object> t : list(report.get("trades")))
        {
            trades += number(t.get("net_pnl"));
        }
        for (final Map<String, Object> p : list(report.get("open_positions")))
        {
            trades += number(p.get("realized_pnl"));
        }
        assertThat(trades).isCloseTo(realized, within(1e-4));

        double fees = 0;
        for (final Map<String, Object> f : list(report.get("fills")))
        {
            fees += number(f.get("fee"));
        }
        assertThat(number(stats.get("fees"))).isCloseTo(fees, within(1e-4));
        final double wins = number(stats.get("wins"));
        assertThat(number(stats.get("win_rate"))).isCloseTo(wins / number(stats.get("trades")), within(1e-8));
        assertThat(number(stats.get("max_drawdown"))).isBetween(0.0, 1.0);
        assertThat(number(stats.get("exposure"))).isBetween(0.0, 1.0);
        assertThat(stats.get("sharpe")).as("a few seconds of data: no annualized figure").isNull();
        assertThat((String)stats.get("sharpe_unavailable")).matches("span \\d+s, needs >= 1d");
        assertThat(stats.get("cagr")).as("undefined under a day").isNull();
        assertThat(stats.get("cagr_unavailable")).isEqualTo(stats.get("sharpe_unavailable"));
        @SuppressWarnings("unchecked")
        final Map<String, Object> tearsheet = (Map<String, Object>)report.get("tearsheet");
        for (final String column : List.of("strategy", "buy_and_hold"))
        {
            @SuppressWarnings("unchecked")
            final Map<String, Object> figures = (Map<String, Object>)tearsheet.get(column);
            assertThat(figures.get("sharpe")).as("%s: the statistics module's figure, not a second one", column).isNull();
            assertThat(figures.get("sharpe_unavailable")).as(column).isEqualTo(stats.get("sharpe_unavailable"));
        }
        assertThat(list(report.get("equity_curve"))).hasSizeGreaterThan(10);
        assertThat(list(report.get("drawdown_curve"))).hasSameSizeAs(list(report.get("equity_curve")));
    }

    @Test
    void theHtmlIsSelfContained()
    {
        assertThat(html).startsWith("<!DOCTYPE html>")
            .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=").doesNotContain("<link")
            .contains("<svg class=\"chart\" id=\"equity-chart\"").contains("id=\"drawdown-chart\"")
            .contains("id=\"price-chart-0\"").contains("id=\"price-chart-1\"").contains("id=\"monthly-returns\"")
            .contains("id=\"trades\"").contains("data-stat=\"sharpe\"").contains("data-stat=\"max_consecutive_losses\"");
    }

    @Test
    void badArgumentsAreUsageErrorsAndWriteNothing() throws IOException
    {
        final Path out = ReportFixtures.ROOT.resolve("bad-args");
        ReportFixtures.delete(out);
        final ReportFixtures.Run missing = ReportFixtures.cli("report", "--journal", out.resolve("nope").toString(),
            "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--journal").contains("nope");
        final ReportFixtures.Run capital = ReportFixtures.cli("report", "--journal", journal.toString(), "--out",
            out.toString(), "--capital", "-5");
        assertThat(capital.exit()).isEqualTo(2);
        assertThat(capital.err()).contains("--capital must be a positive amount");
        assertThat(ReportFixtures.cli("report", "--journal", journal.toString()).exit()).as("--out is required").isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aReplayThatFailsMidWayExitsOneAndWritesNoReport() throws IOException
    {
        final Path damaged = ReportFixtures.copy(journal, ReportFixtures.ROOT.resolve("damaged-journal"), s -> s);
        ReportFixtures.appendBadRecord(damaged);
        final Path out = ReportFixtures.ROOT.resolve("damaged-report");
        ReportFixtures.delete(out);
        final ReportFixtures.Run failed = ReportFixtures.cli("report", "--journal", damaged.toString(), "--out", out.toString());
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("replay failed, no report written").contains("unknown record type 9");
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(out.resolve("report.json")).doesNotExist();
    }
}
