package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /admin/decisions} on a running engine: the newest decisions with their strategy, signal and
 * risk verdict, behind the bearer token, with bad queries answered 400 with a reason; and what it served
 * is what the decision journal holds once the run is over.
 */
class AdminDecisionsTest
{
    private static final Pattern ADMIN = Pattern.compile("admin: (http://\\S+/admin/) .*bearer token from (\\S+)\\)");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> call(final String method, final String url, final String token) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decisions(final String body)
    {
        return (List<Map<String, Object>>)TestJson.object(body).get("decisions");
    }

    @Test
    void servesTheNewestDecisionsOfTheRunningEngine() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> PeregrineCli.run(new String[]{
            "demo", "--duration", "6s", "--trades-per-second", "200", "--journal", journal.toString(),
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8,min-hold=0s",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking"},
            new PrintWriter(out, true), new PrintWriter(err, true)));
        final String adminLine = out.await(l -> l.startsWith("admin: "), 60)
            .orElseThrow(() -> new AssertionError("demo did not start: " + err.lines()));
        final Matcher admin = ADMIN.matcher(adminLine);
        assertThat(admin.find()).as(adminLine).isTrue();
        final String base = admin.group(1);
        final String token = Files.readString(Path.of(admin.group(2))).trim();

        // Bounded wait until the strategy has decided something.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> response = call("GET", base + "decisions?limit=3", token);
        while (decisions(response.body()).size() < 3 && System.nanoTime() < deadline)
        {
            response = call("GET", base + "decisions?limit=3", token);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        final List<Map<String, Object>> newest = decisions(response.body());
        assertThat(newest).hasSize(3).allSatisfy(d ->
        {
            assertThat(d.get("strategy")).isIn("quick", "engine");
            assertThat(d).containsKeys("orderId", "signal", "values", "book", "position", "risk");
        });
        final long read = ((BigDecimal)TestJson.object(response.body()).get("read")).longValueExact();
        assertThat(read).isGreaterThanOrEqualTo(3);
        assertThat(((BigDecimal)newest.get(2).get("orderId")).longValueExact())
            .as("the newest come last").isGreaterThan(((BigDecimal)newest.get(0).get("orderId")).longValueExact());

        assertThat(call("GET", base + "decisions", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", base + "decisions", token).statusCode()).isEqualTo(405);
        final HttpResponse<String> badLimit = call("GET", base + "decisions?limit=lots", token);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).isEqualTo("{\"error\":\"limit must be an integer from 1 to 10000, got 'lots'\"}");
        assertThat(call("GET", base + "decisions?colour=blue", token).body())
            .isEqualTo("{\"error\":\"unknown parameter 'colour' (use limit, strategy, rejected)\"}");
        final HttpResponse<String> engineOnly = call("GET", base + "decisions?strategy=engine&limit=10", token);
        assertThat(decisions(engineOnly.body())).allSatisfy(d -> assertThat(d.get("strategy")).isEqualTo("engine"));

        assertThat(demo.get(90, TimeUnit.SECONDS)).as("exit code; stderr %s", err.lines()).isZero();
        // What the endpoint served during the run is in the decision journal, byte for byte.
        final LineCapture listed = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"decisions", "--journal", journal.toString(), "--json"},
            new PrintWriter(listed, true), new PrintWriter(err, true))).isZero();
        final String firstServed = response.body().substring(response.body().indexOf("[{") + 1);
        assertThat(listed.lines()).contains(firstServed.substring(0, firstServed.indexOf("},{") + 1));
    }
}
