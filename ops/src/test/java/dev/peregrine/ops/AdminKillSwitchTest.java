package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's kill switch, end to end: the engine rests limit orders on the simulated exchange, an
 * operator POSTs /admin/kill with the bearer token, the command travels the ring and the journal like
 * any input, the core halts and cancels every open order, and the replay of the journal reproduces it.
 */
class AdminKillSwitchTest
{
    private static final Pattern ADMIN = Pattern.compile("admin: (http://\\S+/admin/) .*bearer token from (\\S+)\\)");
    private static final Pattern OPEN = Pattern.compile("\"openOrders\":(\\d+)");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> call(final String method, final String url, final String token) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long openOrders(final String status)
    {
        final Matcher m = OPEN.matcher(status);
        assertThat(m.find()).as("status %s", status).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void killFromHttpHaltsAndCancelsEveryOpenOrderAndIsJournaled() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> PeregrineCli.run(new String[]{
            // Orders take 2 s to reach the paper venue and cancels none: the kill is at the venue before
            // the orders it cancels, so none of them can fill first and the test cannot race a fill.
            "demo", "--duration", "15s", "--order-type", "limit", "--journal", journal.toString(),
            "--paper-order-latency", "2s", "--paper-cancel-latency", "0",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking"},
            new PrintWriter(out, true), new PrintWriter(err, true)));

        final String adminLine = out.await(l -> l.startsWith("admin: "), 60)
            .orElseThrow(() -> new AssertionError("demo did not start: " + err.lines()));
        final Matcher admin = ADMIN.matcher(adminLine);
        assertThat(admin.find()).as(adminLine).isTrue();
        final String base = admin.group(1);
        final String token = Files.readString(Path.of(admin.group(2))).trim();
        assertThat(adminLine).doesNotContain(token);

        // Wait, bounded, until the strategy has limit orders resting at the venue.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status = call("GET", base + "status", token).body();
        while (openOrders(status) == 0 && System.nanoTime() < deadline)
        {
            status = call("GET", base + "status", token).body();
        }
        assertThat(openOrders(status)).as("resting orders to kill").isPositive();

        assertThat(call("POST", base + "kill", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", base + "kill", "not-the-token-at-all").statusCode()).isEqualTo(401);
        assertThat(call("POST", base + "launch-rockets", token).statusCode()).isEqualTo(400);
        assertThat(call("GET", base + "kill", token).statusCode()).isEqualTo(405);
        final HttpResponse<String> kill = call("POST", base + "kill", token);
        assertThat(kill.statusCode()).isEqualTo(202);
        assertThat(kill.body()).isEqualTo("{\"command\":\"kill\",\"accepted\":true}");

        final long killed = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        status = call("GET", base + "status", token).body();
        while ((openOrders(status) > 0 || !status.contains("\"tradingState\":\"HALTED\"")) && System.nanoTime() < killed)
        {
            status = call("GET", base + "status", token).body();
        }
        assertThat(status).contains("\"tradingState\":\"HALTED\"", "\"openOrders\":0", "\"commands\":1");
        // /health, on the same server, tells the same story without a token.
        final String health = call("GET", base.replace("/admin/", "/health"), null).body();
        assertThat(health).contains("\"tradingState\":\"HALTED\"", "\"halted\":true", "\"strategyEnabled\":true");

        assertThat(demo.get(90, TimeUnit.SECONDS)).as("exit code; stderr %s", err.lines()).isZero();
        final Matcher cancels = Pattern.compile("orders (\\d+), fills (\\d+), cancels (\\d+)")
            .matcher(out.find(l -> l.startsWith("orders ")).orElseThrow());
        assertThat(cancels.find()).isTrue();
        assertThat(Long.parseLong(cancels.group(3))).as("orders cancelled by the kill").isPositive();

        final LineCapture replay = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"replay", "--journal", journal.toString()},
            new PrintWriter(replay, true), new PrintWriter(err, true))).isZero();
        assertThat(replay.valueOf("output-digest:")).isEqualTo(out.valueOf("output-digest:"));
        assertThat(replay.valueOf("state-hash:")).isEqualTo(out.valueOf("state-hash:"));
    }
}
