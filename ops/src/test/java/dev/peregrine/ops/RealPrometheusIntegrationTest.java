package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the real Prometheus server, as in production: the demo (simulated exchange over
 * loopback sockets, paper venue, real journal) runs in-process with {@code /metrics} on a free port, a
 * real {@code prometheus} subprocess scrapes it every second with the shipped alert rules loaded, and then
 * every query of every panel of every shipped Grafana dashboard must return data from that Prometheus.
 * The rules must evaluate without error on the real series, and {@code promtool check metrics} must accept
 * a scrape. Skipped without prometheus/promtool, failed under CI ({@code PEREGRINE_REQUIRE_EXTERNAL=true}).
 */
class RealPrometheusIntegrationTest
{
    private static final Pattern METRICS_URL = Pattern.compile("metrics: (\\S+)");
    /** Scrapes to wait for before querying: enough for every rate() over the 30 s used for $__rate_interval. */
    private static final int SCRAPES = 12;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyDashboardQueryReturnsDataFromARealPrometheus() throws Exception
    {
        final Path prometheusBinary = Promtool.findServer();
        ExternalResources.present(prometheusBinary != null, "prometheus server (Debian package 'prometheus')");
        ExternalResources.present(Promtool.find() != null, "promtool (Debian package 'prometheus')");
        final Map<String, String> queries = dashboardQueries();
        assertThat(queries).as("panel queries in the shipped dashboards").hasSizeGreaterThan(40);

        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> PeregrineCli.run(new String[]{
            "demo", "--duration", "30s", "--products", "BTC-USD,ETH-USD", "--journal", temp.resolve("journal").toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking", "--trades-per-second", "60"},
            new PrintWriter(out, true), new PrintWriter(err, true)));
        Process prometheus = null;
        try
        {
            final String line = out.await(l -> l.startsWith("metrics: "), 60)
                .orElseThrow(() -> new AssertionError("demo did not start: " + err.lines()));
            final Matcher url = METRICS_URL.matcher(line);
            assertThat(url.find()).isTrue();
            final URI metrics = URI.create(url.group(1));

            final int port = freePort();
            final Path config = temp.resolve("prometheus.yml");
            Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 900ms",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + ObservabilityFiles.prometheusDir().resolve("alerts.yml"),
                "scrape_configs:",
                "  - job_name: peregrine",
                "    static_configs:",
                "      - targets: ['" + metrics.getHost() + ":" + metrics.getPort() + "']",
                ""));
            final Path log = temp.resolve("prometheus.log");
            prometheus = new ProcessBuilder(prometheusBinary.toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + temp.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            final String base = "http://127.0.0.1:" + port;

            awaitReady(prometheus, base, log);
            awaitScrapes(base, log);

            // Every panel query, with Grafana's variables as Grafana would fill them for "All" over a short range.
            final List<String> failures = new ArrayList<>();
            for (final Map.Entry<String, String> entry : queries.entrySet())
            {
                final String expr = entry.getValue().replace("$__rate_interval", "30s").replace("$instance", ".+");
                final JsonNode answer = query(base, expr);
                if (!"success".equals(answer.path("status").asText()))
                {
                    failures.add(entry.getKey() + ": " + expr + " -> " + answer);
                }
                else if (answer.path("data").path("result").isEmpty() && !entry.getKey().contains(PERPETUAL_ROW))
                {
                    failures.add(entry.getKey() + ": " + expr + " -> no data");
                }
            }
            assertThat(failures).as("panel queries that failed or returned no data").isEmpty();

            // The shipped rules loaded into the real server and evaluated on the real series without error.
            final JsonNode rules = get(base + "/api/v1/rules");
            assertThat(rules.path("status").asText()).isEqualTo("success");
            final List<String> evaluated = new ArrayList<>();
            for (final JsonNode group : rules.path("data").path("groups"))
            {
                for (final JsonNode rule : group.path("rules"))
                {
                    assertThat(rule.path("health").asText()).as("rule %s: %s", rule.path("name"), rule.path("lastError"))
                        .isEqualTo("ok");
                    evaluated.add(rule.path("name").asText());
                }
            }
            assertThat(evaluated).hasSizeGreaterThanOrEqualTo(15).contains("PeregrineRingNearFull", "PeregrineTradingHalted");
            // A healthy run has no critical alert pending or firing (the journal disk one depends on this machine's disk).
            final JsonNode alerts = query(base, "ALERTS{severity=\"critical\",alertname!=\"PeregrineJournalDiskLow\"}");
            assertThat(alerts.path("status").asText()).isEqualTo("success");
            assertThat(alerts.path("data").path("result")).as("critical alerts on a healthy run").isEmpty();

            // The scrape itself passes the real linter.
            final HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes{area=\"heap\"}", "process_cpu_seconds_total",
                "jvm_gc_collection_seconds_count", "jvm_threads_current", "process_open_fds", "peregrine_drawdown");
            DemoEndToEndTest.checkWithPromtool(scrape.body());
        }
        finally
        {
            if (prometheus != null)
            {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS))
                {
                    prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            assertThat(demo.get(90, TimeUnit.SECONDS)).as("demo exit code; stderr: %s", err.lines()).isZero();
        }
    }

    /** Every {@code expr} of every panel (rows' nested panels too), keyed by dashboard, panel and refId. */
    private Map<String, String> dashboardQueries() throws IOException
    {
        final Map<String, String> queries = new LinkedHashMap<>();
        final List<Path> files;
        try (Stream<Path> list = Files.list(ObservabilityFiles.dashboardsDir()))
        {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
            .contains("peregrine-engine.json", "peregrine-orders.json", "peregrine-risk.json", "peregrine-infrastructure.json");
        for (final Path file : files)
        {
            final JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).as("uid of %s", file).isNotEmpty();
            collect(file.getFileName().toString(), dashboard.path("panels"), queries);
        }
        return queries;
    }

    /** The risk dashboard's row for perpetual futures: its series exist only when a perpetual trades, not in this spot demo. */
    private static final String PERPETUAL_ROW = "/ Perpetuals: marks, funding, margin /";

    private static void collect(final String dashboard, final JsonNode panels, final Map<String, String> queries)
    {
        for (final JsonNode panel : panels)
        {
            // A collapsed row's panels, keyed under the row's title.
            collect(dashboard + " / " + panel.path("title").asText(), panel.path("panels"), queries);
            for (final JsonNode target : panel.path("targets"))
            {
                final String expr = target.path("expr").asText();
                assertThat(expr).as("%s / %s has a query", dashboard, panel.path("title")).isNotBlank();
                queries.put(dashboard + " / " + panel.path("title").asText() + " / " + target.path("refId").asText(), expr);
            }
        }
    }

    private void awaitReady(final Process prometheus, final String base, final Path log) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            assertThat(prometheus.isAlive()).as("prometheus exited: %s", readLog(log)).isTrue();
            try
            {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200)
                {
                    return;
                }
            }
            catch (final IOException notYet)
            {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready within 30 s: " + readLog(log));
    }

    /** Waits (bounded) until Prometheus has scraped the engine successfully {@link #SCRAPES} times. */
    private void awaitScrapes(final String base, final Path log) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        double scrapes = 0;
        while (System.nanoTime() < deadline)
        {
            final JsonNode result = query(base, "sum_over_time(up{job=\"peregrine\"}[1m])").path("data").path("result");
            scrapes = result.isEmpty() ? 0 : result.get(0).path("value").get(1).asDouble();
            if (scrapes >= SCRAPES)
            {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + scrapes + " successful scrapes within 40 s: " + readLog(log));
    }

    private JsonNode query(final String base, final String expr) throws Exception
    {
        return get(base + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private JsonNode get(final String uri) throws Exception
    {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static String readLog(final Path log)
    {
        try
        {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        }
        catch (final IOException ex)
        {
            return "(log unreadable: " + ex + ")";
        }
    }
}
