package dev.peregrine.ops;

import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product over real loopback sockets: the simulated exchange serves Coinbase frames to the
 * gateway, the core trades on the paper venue, every input goes onto a real Chronicle journal, the
 * endpoints answer over HTTP, and the replay of the journal prints the live run's digest and state hash.
 */
class DemoEndToEndTest
{
    private static final Pattern ENDPOINTS = Pattern.compile("metrics: (\\S+)\\s+health: (\\S+)");

    @TempDir
    Path temp;

    @Test
    void liveRunAndItsReplayAgree() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> PeregrineCli.run(new String[]{
            "demo", "--duration", "8s", "--products", "BTC-USD,ETH-USD,SOL-USD", "--journal", journal.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking", "--trades-per-second", "40"},
            new PrintWriter(out, true), new PrintWriter(err, true)));

        final String endpoints = out.await(l -> l.startsWith("metrics: "), 60)
            .orElseThrow(() -> new AssertionError("demo did not start: " + err.lines()));
        final Matcher urls = ENDPOINTS.matcher(endpoints);
        assertThat(urls.find()).isTrue();

        // Let some trading happen, then scrape both endpoints while the engine runs.
        assertThat(out.await(l -> l.matches(".*orders [1-9].*"), 60)).as("an order within a minute").isPresent();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(urls.group(1))).build(),
            HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(urls.group(2))).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(demo.get(90, TimeUnit.SECONDS)).as("exit code; stderr: %s", err.lines()).isZero();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"tradingState\":\"ACTIVE\"", "\"gatewayConnected\":true",
            "\"strategyEnabled\":true");
        assertThat(health.body()).doesNotContain("coreError", "strategyFailure");

        assertThat(metrics.statusCode()).isEqualTo(200);
        final List<PrometheusTextParser.Sample> samples = PrometheusTextParser.parse(metrics.body());
        assertThat(value(samples, "peregrine_events_total", "trade")).isPositive();
        assertThat(value(samples, "peregrine_orders_total", null)).isPositive();
        assertThat(value(samples, "peregrine_tick_to_decision_seconds_count", null)).isPositive();
        // every stage of the flow was timed, and the execution-quality sums moved with the fills
        for (final String stage : List.of("ring_wait", "strategy", "risk", "execution", "journal_append"))
        {
            assertThat(samples).as("stage %s", stage).anySatisfy(s ->
            {
                assertThat(s.name()).isEqualTo("peregrine_stage_latency_seconds_count");
                assertThat(s.labels()).containsEntry("stage", stage);
                assertThat(s.value()).isPositive();
            });
        }
        assertThat(value(samples, "peregrine_orders_filled_total", null)).isPositive()
            .isLessThanOrEqualTo(value(samples, "peregrine_orders_total", null));
        assertThat(value(samples, "peregrine_filled_notional_total", null)).isPositive()
            .isLessThanOrEqualTo(value(samples, "peregrine_order_notional_total", null) * 1.01);
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("peregrine_slippage_cost"));
        for (final String type : List.of("core", "strategy", "ring_stage", "market_data", "venue_message", "order_request",
            "venue_timeout", "journal_retention", "metrics_sample", "decision_overflow", "agent"))
        {
            assertThat(samples).as("errors of type %s", type).anySatisfy(s ->
            {
                assertThat(s.name()).isEqualTo("peregrine_errors_total");
                assertThat(s.labels()).containsEntry("type", type);
                assertThat(s.value()).as("a healthy run").isZero();
            });
        }
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("peregrine_gateway_frames_total"));
        assertThat(samples).anySatisfy(s -> assertThat(s.name()).isEqualTo("peregrine_position_exits_total"));
        assertThat(value(samples, "peregrine_trading_state", null)).isZero();
        assertThat(value(samples, "peregrine_core_errors_total", null)).as("a healthy run").isZero();
        assertThat(value(samples, "peregrine_loss_limit_breaches_total", null)).isZero();
        assertThat(value(samples, "peregrine_strategy_failures_total", null)).isZero();
        assertThat(samples).anySatisfy(s ->
        {
            assertThat(s.name()).isEqualTo("peregrine_venue_reports_total");
            assertThat(s.labels()).containsEntry("kind", "late_fill");
        });
        // journal disk: the folder has files, the volume has room, and the alert threshold is the default
        assertThat(value(samples, "peregrine_journal_disk_bytes", null)).isPositive();
        assertThat(value(samples, "peregrine_journal_disk_free_bytes", null)).isPositive();
        assertThat(value(samples, "peregrine_journal_disk_free_ratio", null)).isBetween(0.0, 1.0);
        assertThat(value(samples, "peregrine_journal_disk_free_alert_threshold_ratio", null))
            .isEqualTo(dev.peregrine.ops.engine.EngineJournal.DEFAULT_DISK_FREE_ALERT_RATIO);
        checkWithPromtool(metrics.body());

        // The summary: trading happened, everything went through the journal, then the digest lines.
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("[").contains("ev/s", "tick-to-decision p50"));
        final String summary = out.find(l -> l.startsWith("orders ")).orElseThrow();
        final Matcher counts = Pattern.compile("^orders (\\d+), fills (\\d+)").matcher(summary);
        assertThat(counts.find()).isTrue();
        assertThat(Long.parseLong(counts.group(1))).isPositive();
        assertThat(Long.parseLong(counts.group(2))).isPositive();
        final String liveDigest = out.valueOf("output-digest:");
        final String liveState = out.valueOf("state-hash:");
        assertThat(liveDigest).matches("[0-9a-f]{16}");

        final LineCapture replayOut = new LineCapture();
        final int replayCode = PeregrineCli.run(new String[]{"replay", "--journal", journal.toString()},
            new PrintWriter(replayOut, true), new PrintWriter(err, true));
        assertThat(replayCode).as("replay exit code; stderr: %s", err.lines()).isZero();
        assertThat(replayOut.valueOf("output-digest:")).isEqualTo(liveDigest);
        assertThat(replayOut.valueOf("state-hash:")).isEqualTo(liveState);
    }

    /**
     * Crash-only start-up: a second run on the same journal first replays the first run into its core,
     * so its digest and state hash are those of the whole journal, which a replay then reproduces.
     */
    @Test
    void aSecondRunOnTheSameJournalContinuesIt() throws Exception
    {
        final Path journal = temp.resolve("journal");
        // A crossover that trades every cross: the default one holds 30 s, so a second 3 s run would add no order.
        final String[] demo = {"demo", "--duration", "3s", "--journal", journal.toString(), "--metrics-port", "0",
            "--health-port", "0", "--wait-strategy", "blocking", "--trades-per-second", "40",
            "--strategy", "ma-crossover:min-hold=0s"};
        final LineCapture err = new LineCapture();
        final LineCapture first = new LineCapture();
        assertThat(PeregrineCli.run(demo, new PrintWriter(first, true), new PrintWriter(err, true))).isZero();
        final LineCapture second = new LineCapture();
        assertThat(PeregrineCli.run(demo, new PrintWriter(second, true), new PrintWriter(err, true))).isZero();

        final String recovered = second.find(l -> l.startsWith("continuing from the journal: ")).orElseThrow();
        assertThat(recovered).contains(first.valueOf("events").split(" ")[0]);
        // The first run's graceful stop snapshotted its final state: the second start replays no event.
        assertThat(second.find(l -> l.startsWith("recovery: ")).orElseThrow())
            .startsWith("recovery: recovered " + first.valueOf("events").split(" ")[0] + " events from snapshot at index 0x")
            .endsWith(" plus 0 tail events");
        assertThat(second.valueOf("output-digest:")).isNotEqualTo(first.valueOf("output-digest:"));

        final LineCapture replay = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"replay", "--journal", journal.toString(), "--verify-snapshots"},
            new PrintWriter(replay, true), new PrintWriter(err, true))).isZero();
        assertThat(replay.valueOf("output-digest:")).isEqualTo(second.valueOf("output-digest:"));
        assertThat(replay.valueOf("state-hash:")).isEqualTo(second.valueOf("state-hash:"));
        // Each run's stop left a snapshot; the audit replays the journal and finds both equal to it at their events.
        assertThat(replay.lines()).filteredOn(l -> l.startsWith("snapshots: ")).hasSize(2)
            .allSatisfy(l -> assertThat(l).endsWith("equal the replay's"));
    }

    private static double value(final List<PrometheusTextParser.Sample> samples, final String name, final String type)
    {
        return samples.stream()
            .filter(s -> s.name().equals(name) && (type == null || type.equals(s.labels().get("type"))))
            .mapToDouble(PrometheusTextParser.Sample::value)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no sample " + name));
    }

    /** The real Prometheus linter over the real scrape; skipped without promtool, failed under CI. */
    static void checkWithPromtool(final String exposition) throws Exception
    {
        final Path promtool = Promtool.find();
        ExternalResources.present(promtool != null, "promtool (Debian package 'prometheus')");
        final Path file = Files.createTempFile("scrape", ".prom");
        Files.writeString(file, exposition, StandardCharsets.UTF_8);
        final Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool check metrics said:\n%s", output).isZero();
        Files.delete(file);
    }
}
