package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine run} in a child JVM, over real sockets: its stdout is JSON lines (lifecycle and every order
 * event, the order id on each), its stderr the human lines; {@code GET /admin/orders} lists exactly the orders
 * the log says are open. Two market makers rest quotes that stay put (10% spread, no requote for ten minutes)
 * and a fast crossover trades at market, so there are fills and resting orders at once. A restart on the
 * same journal recovers the open quotes into the view without logging their past again.
 */
class OrderLogDaemonTest
{
    private static final String TOKEN = "9f2c7a1e5b3d8046c1e7a9f3b5d2c8e6a4f1b7d3";
    private static final Pattern HEALTH = Pattern.compile("health: http://127\\.0\\.0\\.1:(\\d+)/health");
    private static final Pattern DIGEST = Pattern.compile("output-digest: (\\p{XDigit}+)");
    private static final Set<String> ORDER_EVENTS = Set.of("order_submitted", "order_accepted", "cancel_requested",
        "order_rejected", "order_filled", "order_expired", "order_cancelled");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void jsonOrderLogAndOpenOrdersOverRealSockets() throws Exception
    {
        final Path config = temp.resolve("orders.yaml");
        Files.writeString(config, String.join("\n",
            "profile: paper",
            "venue: {name: simulated, simulated: {seed: 11, trades_per_second: 200}}",
            "products: [BTC-USD, ETH-USD]",
            "order: {notional: 1000, type: market}",
            "strategies:",
            "  - {type: market-maker, name: quotes-btc, params: {instrument: BTC-USD, spread-bps: 1000, min-requote-ms: 600000}}",
            "  - {type: market-maker, name: quotes-eth, params: {instrument: ETH-USD, spread-bps: 1000, min-requote-ms: 600000}}",
            "  - {type: ma-crossover, name: quick, params: {fast: 2, slow: 4, min-hold: 0s}}",
            "ports: {bind: 127.0.0.1, health: 0, metrics: 0}",
            "journal: {dir: " + temp.resolve("journal") + "}",
            "ring: {size: 4096, wait_strategy: blocking}",
            "shutdown: {cancel_open_orders: false, timeout: 20s}",
            ""));
        final Map<String, String> env = new HashMap<>();
        env.put("PEREGRINE_ADMIN_TOKEN", TOKEN);

        // First run: trade, compare /admin/orders with the log, stop with the quotes left open.
        final Path out1 = temp.resolve("run1.out");
        final Path err1 = temp.resolve("run1.err");
        final Process first = DaemonProcess.startSplit(temp, env, out1, err1, "run", "--config", config.toString());
        final Set<Long> openAtStop;
        try
        {
            final String base = base(first, err1);
            assertThat(TestHttp.get(base + "/admin/orders", null).statusCode()).isEqualTo(401);

            // A filled order and quotes resting.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !(filledOrderIds(read(out1)).size() > 0 && quotesResting(base)))
            {
                Thread.sleep(200);
            }
            assertThat(filledOrderIds(read(out1))).as("a filled order in\n%s", DaemonProcess.read(out1)).isNotEmpty();
            assertThat(quotesResting(base)).as(TestHttp.get(base + "/admin/orders", TOKEN).body()).isTrue();

            // The view and the log agree on which orders are open (the crossover's market orders come and go:
            // retry until one reading of both matches).
            // The core's count is read in the same reading: a later read races the next market order.
            Set<Long> fromView = null;
            Set<Long> fromLog = null;
            long coreCount = -1;
            final long agreeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < agreeBy)
            {
                final JsonNode orders = JSON.readTree(TestHttp.get(base + "/admin/orders", TOKEN).body());
                fromView = ids(orders.get("open"));
                fromLog = openFromLog(read(out1));
                coreCount = coreOpen(base);
                final JsonNode again = JSON.readTree(TestHttp.get(base + "/admin/orders", TOKEN).body());
                if (fromView.equals(fromLog) && fromView.equals(ids(again.get("open"))) &&
                    orders.get("count").asInt() == fromView.size() && coreCount == fromView.size())
                {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(fromView).as("open orders of /admin/orders against those of the log").isEqualTo(fromLog);
            assertThat(fromView).isNotEmpty();
            assertThat(coreCount).as("peregrine_open_orders, the core's own count").isEqualTo(fromView.size());
            final Matcher metrics = Pattern.compile("metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)")
                .matcher(DaemonProcess.read(err1));
            assertThat(metrics.find()).isTrue();
            assertThat(TestHttp.get(metrics.group(1), null).body()).contains("peregrine_order_log_dropped_total 0.0");

            final JsonNode all = JSON.readTree(TestHttp.get(base + "/admin/orders", TOKEN).body());
            final JsonNode btc = JSON.readTree(TestHttp.get(base + "/admin/orders?strategy=quotes-btc", TOKEN).body());
            assertThat(btc.get("count").asInt()).isEqualTo(count(all, "strategy_name", "quotes-btc")).isPositive();
            for (final JsonNode order : btc.get("open"))
            {
                assertThat(order.get("product").asText()).isEqualTo("BTC-USD");
                assertThat(order.get("strategy").asInt()).isEqualTo(1);
                assertThat(order.get("type").asText()).isEqualTo("LIMIT");
                // The quotes are replaced continually: an order just sent, not yet acknowledged, is open too.
                assertThat(order.get("state").asText()).isIn("sent", "accepted");
                assertThat(order.get("limit_price").decimalValue().signum()).isPositive();
                assertThat(order.get("recovered").asBoolean()).isFalse();
            }
            final JsonNode eth = JSON.readTree(TestHttp.get(base + "/admin/orders?product=ETH-USD&strategy=2", TOKEN).body());
            assertThat(eth.get("count").asInt()).isEqualTo(count(all, "strategy_name", "quotes-eth")).isPositive();
            assertThat(eth.get("open").findValuesAsText("product")).containsOnly("ETH-USD");
            assertThat(TestHttp.get(base + "/admin/orders?product=XRP-USD", TOKEN).statusCode()).isEqualTo(400);
            assertThat(TestHttp.get(base + "/admin/orders?colour=red", TOKEN).statusCode()).isEqualTo(400);

            DaemonProcess.sigterm(first); // SIGTERM
            assertThat(first.exitValue()).as(DaemonProcess.read(err1)).isZero();
            openAtStop = openFromLog(read(out1));
        }
        finally
        {
            first.destroyForcibly();
        }

        final List<JsonNode> run1 = read(out1);
        final String rawOut = DaemonProcess.read(out1);
        final String rawErr = DaemonProcess.read(err1);
        assertThat(rawOut + rawErr).doesNotContain(TOKEN);
        assertThat(rawOut.split("\n")).as("every stdout line is a JSON object").allMatch(l -> l.startsWith("{\"ts\":\""));
        assertThat(rawErr).contains("--- summary ---", "output-digest: ");
        assertThat(events(run1)).startsWith("config_loaded", "recovery_completed", "engine_started", "feed_connected")
            .endsWith("engine_stopping", "engine_stopped");
        final JsonNode stopped = run1.get(run1.size() - 1);
        final Matcher digest = DIGEST.matcher(rawErr);
        assertThat(digest.find()).isTrue();
        assertThat(stopped.get("output_digest").asText()).isEqualTo(digest.group(1));
        assertThat(stopped.get("order_log_dropped").asLong()).isZero();
        assertThat(stopped.get("open_orders").asInt()).isEqualTo(openAtStop.size());
        assertThat(run1.get(0).get("config").asText()).isEqualTo(config.toString());
        assertThat(run1.get(0).get("admin_token_source").asText()).isEqualTo("environment PEREGRINE_ADMIN_TOKEN");

        Instant previous = Instant.MIN;
        final Map<Long, List<JsonNode>> byOrder = new HashMap<>();
        for (final JsonNode line : run1)
        {
            if (ORDER_EVENTS.contains(line.get("event").asText()))
            {
                assertThat(line.get("order_id").isIntegralNumber()).as("order_id on %s", line).isTrue();
                assertThat(line.get("product").asText()).isIn("BTC-USD", "ETH-USD");
                final Instant ts = Instant.parse(line.get("ts").asText());
                assertThat(ts).as("event time never goes back").isAfterOrEqualTo(previous);
                previous = ts;
                byOrder.computeIfAbsent(line.get("order_id").asLong(), k -> new ArrayList<>()).add(line);
            }
        }
        // Some filled order: submitted, (accepted,) filled, all with its id and strategy, in that order.
        final long filled = filledOrderIds(run1).iterator().next();
        final List<JsonNode> lifecycle = byOrder.get(filled);
        assertThat(lifecycle.get(0).get("event").asText()).isEqualTo("order_submitted");
        assertThat(lifecycle.get(lifecycle.size() - 1).get("event").asText()).isEqualTo("order_filled");
        assertThat(lifecycle.get(lifecycle.size() - 1).get("leaves").decimalValue().signum()).isZero();
        final String strategy = lifecycle.get(0).get("strategy_name").asText();
        assertThat(strategy).isIn("quotes-btc", "quotes-eth", "quick");
        assertThat(lifecycle).allSatisfy(l -> assertThat(l.get("strategy_name").asText()).isEqualTo(strategy));
        for (final List<JsonNode> lines : byOrder.values())
        {
            assertThat(lines.get(0).get("event").asText()).as("first line of order %s", lines.get(0).get("order_id"))
                .isIn("order_submitted", "order_rejected");
        }

        // Second run on the same journal: the quotes left open are recovered into the view, not logged again.
        final Path out2 = temp.resolve("run2.out");
        final Path err2 = temp.resolve("run2.err");
        final Process second = DaemonProcess.startSplit(temp, env, out2, err2, "run", "--config", config.toString());
        try
        {
            base(second, err2);
            final JsonNode recovery = read(out2).stream().filter(l -> l.get("event").asText().equals("recovery_completed"))
                .findFirst().orElseThrow();
            assertThat(recovery.get("recovered_events").asLong()).isPositive();
            assertThat(recovery.get("open_orders").asInt()).isEqualTo(openAtStop.size());
            DaemonProcess.sigterm(second); // SIGTERM
        }
        finally
        {
            second.destroyForcibly();
        }
        final long lastOfFirstRun = byOrder.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (final JsonNode line : read(out2))
        {
            if (line.get("event").asText().equals("order_submitted"))
            {
                assertThat(line.get("order_id").asLong()).as("a recovered order logged again").isGreaterThan(lastOfFirstRun);
            }
            if (line.has("order_id") && openAtStop.contains(line.get("order_id").asLong()))
            {
                // Mostly the quotes' resting limits; a market order of "quick" still in flight at the stop is open too.
                final String before = byOrder.get(line.get("order_id").asLong()).get(0).get("strategy_name").asText();
                assertThat(line.get("strategy_name").asText()).as("recovered order's strategy").isEqualTo(before);
            }
        }
    }

    @Test
    void theDemoKeepsItsHumanOutputAndLogsOrdersToAFileOnRequest() throws Exception
    {
        final Path orders = temp.resolve("orders.jsonl");
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final int code = PeregrineCli.run(new String[] {"demo", "--duration", "4s", "--journal",
            temp.resolve("demo-journal").toString(), "--strategy", "ma-crossover:name=quick,fast=2,slow=4,min-hold=0s",
            "--log-orders", orders.toString(), "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking"},
            new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertThat(code).as("stderr %s", err.lines()).isZero();
        assertThat(out.lines()).as("the demo's own output stays human").noneMatch(l -> l.startsWith("{"))
            .anyMatch(l -> l.startsWith("output-digest: "));
        final List<JsonNode> lines = read(orders);
        assertThat(events(lines)).startsWith("recovery_completed", "engine_started", "feed_connected")
            .endsWith("engine_stopping", "engine_stopped");
        final Set<Long> filled = filledOrderIds(lines);
        assertThat(filled).as("filled orders in %s", lines).isNotEmpty();
        for (final JsonNode line : lines)
        {
            if (ORDER_EVENTS.contains(line.get("event").asText()))
            {
                assertThat(line.get("order_id").asLong()).isPositive();
                assertThat(line.get("strategy_name").asText()).isEqualTo("quick");
            }
        }
        assertThat(lines.get(lines.size() - 1).get("output_digest").asText()).isEqualTo(out.valueOf("output-digest:"));
    }

    /** The admin base URL once the run has printed it (on stderr, with the human lines). */
    private static String base(final Process process, final Path err) throws Exception
    {
        assertThat(DaemonProcess.awaitOutput(process, err, "admin: http", 60)).as(DaemonProcess.read(err)).isTrue();
        final Matcher m = HEALTH.matcher(DaemonProcess.read(err));
        assertThat(m.find()).isTrue();
        return "http://127.0.0.1:" + m.group(1);
    }

    /** The open-order count the core itself last published (peregrine_open_orders), as /admin/status shows it. */
    private long coreOpen(final String base) throws Exception
    {
        return JSON.readTree(TestHttp.get(base + "/admin/status", TOKEN).body()).get("openOrders").asLong();
    }

    private boolean quotesResting(final String base) throws Exception
    {
        final JsonNode orders = JSON.readTree(TestHttp.get(base + "/admin/orders", TOKEN).body());
        int quotes = 0;
        for (final JsonNode order : orders.get("open"))
        {
            if (order.get("strategy_name").asText().startsWith("quotes-") && order.get("state").asText().equals("accepted"))
            {
                quotes++;
            }
        }
        return quotes >= 2;
    }

    private static int count(final JsonNode orders, final String field, final String value)
    {
        int n = 0;
        for (final JsonNode order : orders.get("open"))
        {
            n += order.get(field).asText().equals(value) ? 1 : 0;
        }
        return n;
    }

    /** The stdout lines written so far, each parsed (a half-written last line is left for the next read). */
    private static List<JsonNode> read(final Path stdout) throws Exception
    {
        final String text = Files.readString(stdout, StandardCharsets.UTF_8);
        final List<JsonNode> lines = new ArrayList<>();
        final int end = text.lastIndexOf('\n');
        if (end < 0)
        {
            return lines;
        }
        for (final String line : text.substring(0, end).split("\n"))
        {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> events(final List<JsonNode> lines)
    {
        final List<String> events = new ArrayList<>();
        for (final JsonNode line : lines)
        {
            if (!ORDER_EVENTS.contains(line.get("event").asText()))
            {
                events.add(line.get("event").asText());
            }
        }
        return events;
    }

    private static Set<Long> filledOrderIds(final List<JsonNode> lines)
    {
        final Set<Long> submitted = new TreeSet<>();
        final Set<Long> filled = new TreeSet<>();
        for (final JsonNode line : lines)
        {
            final String event = line.get("event").asText();
            if (event.equals("order_submitted"))
            {
                submitted.add(line.get("order_id").asLong());
            }
            else if (event.equals("order_filled") && line.get("leaves").decimalValue().signum() == 0)
            {
                filled.add(line.get("order_id").asLong());
            }
        }
        filled.retainAll(submitted);
        return filled;
    }

    /** Orders submitted and not yet filled, cancelled, rejected or expired, by the log's lines. */
    private static Set<Long> openFromLog(final List<JsonNode> lines)
    {
        final Set<Long> open = new TreeSet<>();
        for (final JsonNode line : lines)
        {
            final String event = line.get("event").asText();
            if (!ORDER_EVENTS.contains(event))
            {
                continue;
            }
            final long id = line.get("order_id").asLong();
            if (event.equals("order_submitted"))
            {
                open.add(id);
            }
            else if (event.equals("order_cancelled") || event.equals("order_rejected") || event.equals("order_expired") ||
                (event.equals("order_filled") && line.get("leaves").decimalValue().signum() == 0))
            {
                open.remove(id);
            }
        }
        return open;
    }

    private static Set<Long> ids(final JsonNode open)
    {
        final Set<Long> ids = new TreeSet<>();
        for (final JsonNode order : open)
        {
            ids.add(order.get("order_id").asLong());
        }
        return ids;
    }

}
