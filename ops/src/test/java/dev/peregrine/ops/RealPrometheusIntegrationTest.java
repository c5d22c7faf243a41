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
 * every query of every panel of every shipped Grafana dashboard (heatmaps included) must return data from that
 * Prometheus, each variable's values must come with its label, and each annotation (and each limit's threshold
 * query, empty without a limit) must run and name only metrics that exist.
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
        assertThat(queries.keySet()).as("variables, annotations and heatmaps are queried too")
            .anyMatch(k -> k.contains(VARIABLE + "product")).anyMatch(k -> k.contains(VARIABLE + "strategy"))
            .anyMatch(k -> k.contains("/ annotation Firing alerts")).anyMatch(k -> k.contains("heatmap / A"));

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
                final String expr = withVariables(entry.getValue());
                final JsonNode answer = query(base, expr);
                if (!"success".equals(answer.path("status").asText()))
                {
                    failures.add(entry.getKey() + ": " + expr + " -> " + answer);
                }
                else if (entry.getKey().contains(VARIABLE) && !everySeriesHasTheLabel(answer, entry.getValue()))
                {
                    failures.add(entry.getKey() + ": " + expr + " -> a series without the variable's label: " + answer);
                }
                else if (answer.path("data").path("result").isEmpty())
                {
                    if (!entry.getKey().contains(PERPETUAL_ROW) && !entry.getKey().contains(MAY_BE_EMPTY))
                    {
                        failures.add(entry.getKey() + ": " + expr + " -> no data");
                    }
                    else if (!entry.getKey().contains(PERPETUAL_ROW))
                    {
                        // Empty by design on this run (a limit of 0, an alert not firing): its series must still exist.
                        failures.addAll(missingMetrics(base, entry.getKey(), expr));
                    }
                }
            }
            assertThat(failures).as("panel, variable and annotation queries that failed or returned no data").isEmpty();

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

    /** Grafana's variables as Grafana fills them for "All" ({@code .+}: the filtered metric must carry the label) over a short range. */
    private static String withVariables(final String expr)
    {
        return expr.replace("$__rate_interval", "30s").replace("$__interval", "30s").replace("$__range", "1m")
            .replace("$instance", ".+").replace("$product", ".+").replace("$strategy", ".+");
    }

    /** A variable's values come from its label: every series of {@code count by (label) (...)} must carry it. */
    private static boolean everySeriesHasTheLabel(final JsonNode answer, final String expr)
    {
        final Matcher by = Pattern.compile("^count by \\((\\w+)\\)").matcher(expr);
        assertThat(by.find()).as(expr).isTrue();
        for (final JsonNode series : answer.path("data").path("result"))
        {
            if (series.path("metric").path(by.group(1)).asText().isEmpty())
            {
                return false;
            }
        }
        return true;
    }

    /** The metrics an expression names that have no series at all in the real Prometheus (each one a failure). */
    private List<String> missingMetrics(final String base, final String key, final String expr) throws Exception
    {
        final List<String> missing = new ArrayList<>();
        final Matcher metric = METRIC_SELECTOR.matcher(expr);
        while (metric.find())
        {
            final String name = metric.group(1);
            if (!"ALERTS".equals(name) && query(base, "count(" + name + ")").path("data").path("result").isEmpty())
            {
                missing.add(key + ": metric " + name + " has no series");
            }
        }
        return missing;
    }

    /**
     * Every query of the shipped dashboards, keyed by dashboard, panel and refId: every panel's targets (rows' nested
     * panels too, heatmaps included), each variable's {@code label_values(metric, label)} as the equivalent
     * {@code count by (label) (metric)}, and each annotation's expression. Keys of queries that may be empty on a
     * healthy demo (annotations of events that did not happen, a limit's threshold query when no limit is set) carry
     * {@link #MAY_BE_EMPTY}.
     */
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
            final String name = file.getFileName().toString();
            collect(name, dashboard.path("panels"), queries);
            for (final JsonNode variable : dashboard.path("templating").path("list"))
            {
                final Matcher values = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
                if (values.matches())
                {
                    queries.put(name + VARIABLE + variable.path("name").asText(),
                        "count by (" + values.group(2) + ") (" + values.group(1) + ")");
                }
            }
            for (final JsonNode annotation : dashboard.path("annotations").path("list"))
            {
                if (annotation.has("expr"))
                {
                    queries.put(name + " / annotation " + annotation.path("name").asText() + MAY_BE_EMPTY, annotation.path("expr").asText());
                }
            }
        }
        return queries;
    }

    /** The risk dashboard's row for perpetual futures: its series exist only when a perpetual trades, not in this spot demo. */
    private static final String PERPETUAL_ROW = "/ Perpetuals: marks, funding, margin /";
    /** Marks a query that may be empty on a healthy spot demo; its metrics must still have series. */
    private static final String MAY_BE_EMPTY = " (may be empty)";
    private static final String VARIABLE = " / variable ";
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final Pattern METRIC_SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private static void collect(final String dashboard, final JsonNode panels, final Map<String, String> queries)
    {
        for (final JsonNode panel : panels)
        {
            // A limit drawn as the panel's threshold (Grafana's "config from query results"): no series when no limit is set.
            final List<String> configRefIds = new ArrayList<>();
            for (final JsonNode transformation : panel.path("transformations"))
            {
                if ("configFromData".equals(transformation.path("id").asText()))
                {
                    configRefIds.add(transformation.path("options").path("configRefId").asText());
                }
            }
            // A collapsed row's panels, keyed under the row's title.
            collect(dashboard + " / " + panel.path("title").asText(), panel.path("panels"), queries);
            for (final JsonNode target : panel.path("targets"))
            {
                final String expr = target.path("expr").asText();
                assertThat(expr).as("%s / %s has a query", dashboard, panel.path("title")).isNotBlank();
                final String refId = target.path("refId").asText();
                queries.put(dashboard + " / " + panel.path("title").asText() + " / " + refId
                    + (configRefIds.contains(refId) ? MAY_BE_EMPTY : ""), expr);
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
