package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /admin/decisions} on a running engine: the newest decisions with their strategy, signal and
 * risk verdict, behind the bearer token, with bad queries answered 400 with a reason; and what it served
 * is what the decision journal holds once the run is over.
 */
class AdminDecisionsTest
{
    @TempDir
    Path temp;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decisions(final String body)
    {
        return (List<Map<String, Object>>)TestJson.object(body).get("decisions");
    }

    @Test
    void servesTheNewestDecisionsOfTheRunningEngine() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final BackgroundDemo demo = new BackgroundDemo("--duration", "6s", "--trades-per-second", "200",
            "--journal", journal.toString(), "--strategy", "ma-crossover:name=quick,fast=3,slow=8,min-hold=0s",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");

        // Bounded wait until the strategy has decided something.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> response = demo.admin("GET", "decisions?limit=3");
        // A non-200 answer ends the wait: the engine must never fail to read its own live decision journal.
        while (response.statusCode() == 200 && decisions(response.body()).size() < 3 && System.nanoTime() < deadline)
        {
            response = demo.admin("GET", "decisions?limit=3");
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
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

        assertThat(demo.call("GET", demo.admin() + "decisions", null).statusCode()).isEqualTo(401);
        assertThat(demo.admin("POST", "decisions").statusCode()).isEqualTo(405);
        final HttpResponse<String> badLimit = demo.admin("GET", "decisions?limit=lots");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).isEqualTo("{\"error\":\"limit must be an integer from 1 to 10000, got 'lots'\"}");
        assertThat(demo.admin("GET", "decisions?colour=blue").body())
            .isEqualTo("{\"error\":\"unknown parameter 'colour' (use limit, strategy, rejected)\"}");
        final HttpResponse<String> engineOnly = demo.admin("GET", "decisions?strategy=engine&limit=10");
        assertThat(decisions(engineOnly.body())).allSatisfy(d -> assertThat(d.get("strategy")).isEqualTo("engine"));

        demo.awaitCleanExit();
        // What the endpoint served during the run is in the decision journal, byte for byte.
        final LineCapture listed = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"decisions", "--journal", journal.toString(), "--json"},
            new PrintWriter(listed, true), new PrintWriter(demo.err, true))).isZero();
        final String firstServed = response.body().substring(response.body().indexOf("[{") + 1);
        assertThat(listed.lines()).contains(firstServed.substring(0, firstServed.indexOf("},{") + 1));
    }
}
