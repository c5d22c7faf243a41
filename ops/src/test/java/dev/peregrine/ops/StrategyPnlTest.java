package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PnL per strategy, as a user sees it: a demo with two strategies on the same products shows per-strategy
 * (and per strategy and product) rows on /admin/status, /health and /metrics (label {@code strategy}, checked
 * by promtool), in its summary and --summary-json, and in the report of its journal; the rows add up to the
 * totals, the totals equal the engine's own accounts, and the report (a replay) shows the live run's rows.
 */
class StrategyPnlTest
{
    private static final Pattern ENDPOINTS = Pattern.compile("metrics: (\\S+)\\s+health: (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The body of a GET that must answer 200. */
    private static String get(final BackgroundDemo demo, final String url, final String token) throws Exception
    {
        final HttpResponse<String> response = demo.call("GET", url, token);
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void everySurfaceShowsPnlPerStrategyAndTheRowsAddUp() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final Path summaryJson = temp.resolve("summary.json");
        final BackgroundDemo demo = new BackgroundDemo("--duration", "8s", "--trades-per-second", "200",
            "--journal", journal.toString(),
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8", "--strategy", "ma-crossover:name=steady,fast=5,slow=13",
            "--summary-json", summaryJson.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        final LineCapture out = demo.out;
        final LineCapture err = demo.err;
        final Matcher urls = ENDPOINTS.matcher(out.await(l -> l.startsWith("metrics: "), 60).orElseThrow());
        assertThat(urls.find()).isTrue();

        // While it runs: both strategies fill within a few seconds (bounded wait), on every surface.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode status = JSON.readTree(get(demo, demo.admin() + "status", demo.token()));
        while (fills(status, "quick") == 0 || fills(status, "steady") == 0)
        {
            assertThat(System.nanoTime()).as("both strategies fill: " + status).isLessThan(deadline);
            Thread.sleep(100);
            status = JSON.readTree(get(demo, demo.admin() + "status", demo.token()));
        }
        assertThat(status.get("pnlByStrategyAndProduct")).anySatisfy(r -> assertThat(r.get("position")).isNotNull());
        assertThat(status.get("pnlNote").asText()).contains("realized is before fees");
        // The statistics module's figures for the run so far: seconds of data, so no annualized figure.
        final JsonNode statistics = status.get("statistics");
        assertThat(statistics.get("sharpe").isNull()).as(statistics.toString()).isTrue();
        assertThat(statistics.get("sharpeUnavailable").asText()).matches("span \\d+s, needs >= 1d");
        assertThat(statistics.get("maxDrawdownQuote").asDouble()).isNotNegative();
        final JsonNode health = JSON.readTree(get(demo, urls.group(2), null));
        assertThat(names(health.get("pnlByStrategy"))).contains("quick", "steady");
        final String metrics = get(demo, urls.group(1), null);
        final Set<String> labelled = new HashSet<>();
        for (final PrometheusTextParser.Sample s : PrometheusTextParser.parse(metrics))
        {
            if (s.name().equals("peregrine_strategy_net_pnl"))
            {
                labelled.add(s.labels().get("strategy") + "/" + s.labels().get("product"));
            }
        }
        assertThat(labelled).anyMatch(l -> l.startsWith("quick/")).anyMatch(l -> l.startsWith("steady/"));

        demo.awaitCleanExit();

        // At exit: the rows add up to the total, and the total is the engine's own account.
        final JsonNode summary = JSON.readTree(summaryJson.toFile());
        final JsonNode total = summary.get("pnl_total");
        addUp(summary.get("pnl_by_strategy"), total);
        addUp(summary.get("pnl_by_strategy_and_product"), total);
        final Matcher engine = Pattern.compile("^pnl total ([-+]\\d+\\.\\d\\d) \\(realized ([-+]\\d+\\.\\d\\d) after " +
            "(\\d+\\.\\d\\d) fees").matcher(out.find(l -> l.startsWith("pnl total ")).orElseThrow());
        assertThat(engine.find()).isTrue();
        assertThat(total.get("net_pnl").asDouble()).isCloseTo(Double.parseDouble(engine.group(1)), within(0.006));
        assertThat(total.get("fees").asDouble()).isCloseTo(Double.parseDouble(engine.group(3)), within(0.006));
        final Matcher counts = Pattern.compile("^orders (\\d+), fills (\\d+), cancels \\d+, rejects (\\d+)")
            .matcher(out.find(l -> l.startsWith("orders ")).orElseThrow());
        assertThat(counts.find()).isTrue();
        assertThat(total.get("orders").asLong()).isEqualTo(Long.parseLong(counts.group(1)));
        assertThat(total.get("fills").asLong()).isEqualTo(Long.parseLong(counts.group(2)));
        assertThat(total.get("rejects").asLong()).isEqualTo(Long.parseLong(counts.group(3)));
        for (final String product : List.of("BTC-USD", "ETH-USD"))
        {
            final Matcher position = Pattern.compile("^position " + product + " (-?[\\d.]+) ")
                .matcher(out.find(l -> l.startsWith("position " + product + " ")).orElseThrow());
            assertThat(position.find()).isTrue();
            assertThat(positionOf(summary.get("pnl_by_strategy_and_product"), product))
                .as("strategies' positions in " + product).isCloseTo(Double.parseDouble(position.group(1)), within(1e-8));
        }
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("  quick ").contains("net ", "orders "));

        // The report of its journal: the same rows (replay = live), and no annualized figure over seconds.
        final Path reportDir = temp.resolve("report");
        final LineCapture reportOut = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"report", "--journal", journal.toString(), "--out", reportDir.toString()},
            new PrintWriter(reportOut, true), new PrintWriter(err, true))).as("report; stderr %s", err.lines()).isZero();
        final JsonNode report = JSON.readTree(reportDir.resolve("report.json").toFile());
        assertThat(report.get("pnl_by_strategy")).isEqualTo(summary.get("pnl_by_strategy"));
        assertThat(report.get("pnl_by_strategy_and_product")).isEqualTo(summary.get("pnl_by_strategy_and_product"));
        assertThat(report.get("statistics").get("sharpe").isNull()).isTrue();
        assertThat(report.get("statistics").get("sharpe_unavailable").asText()).matches("span \\d+s, needs >= 1d");
        assertThat(reportOut.lines()).anySatisfy(l -> assertThat(l).startsWith("sharpe: n/a (span "));
        // Summary = report: the run's statistics lines are the report's, character for character.
        assertThat(reportOut.find(l -> l.startsWith("return: ")).orElseThrow())
            .isEqualTo(out.find(l -> l.startsWith("return: ")).orElseThrow());
        assertThat(reportOut.find(l -> l.startsWith("sharpe: ")).orElseThrow())
            .isEqualTo(out.find(l -> l.startsWith("sharpe: ")).orElseThrow());
        assertThat(Files.readString(reportDir.resolve("report.html"))).contains("id=\"pnl-by-strategy\"",
            "id=\"pnl-by-strategy-and-product\"", "<td>quick</td>", "<td>steady</td>");

        DemoEndToEndTest.checkWithPromtool(metrics); // last: it skips where promtool is not installed
    }

    private static long fills(final JsonNode status, final String strategy)
    {
        for (final JsonNode row : status.get("pnlByStrategy"))
        {
            if (row.get("strategy").asText().equals(strategy))
            {
                return row.get("fills").asLong();
            }
        }
        return 0;
    }

    private static Set<String> names(final JsonNode rows)
    {
        final Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(r.get("strategy").asText()));
        return names;
    }

    /** Net PnL, fees and the counts are additive over strategies and products; realized alone is not (netting). */
    private static void addUp(final JsonNode rows, final JsonNode total)
    {
        final Map<String, Double> sums = new HashMap<>();
        for (final JsonNode row : rows)
        {
            for (final String field : List.of("net_pnl", "fees", "orders", "fills", "rejects"))
            {
                sums.merge(field, row.get(field).asDouble(), Double::sum);
            }
        }
        assertThat(rows.size()).isPositive();
        for (final String field : List.of("net_pnl", "fees", "orders", "fills", "rejects"))
        {
            assertThat(sums.get(field)).as(field).isCloseTo(total.get(field).asDouble(), within(1e-6));
        }
        assertThat(total.get("net_pnl").asDouble()).isCloseTo(total.get("realized_pnl_before_fees").asDouble() -
            total.get("fees").asDouble() + total.get("unrealized_pnl").asDouble(), within(1e-6));
    }

    private static double positionOf(final JsonNode rows, final String product)
    {
        double position = 0;
        for (final JsonNode row : rows)
        {
            if (row.get("product").asText().equals(product))
            {
                position += row.get("position").asDouble();
            }
        }
        return position;
    }
}
