package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
    private static final Pattern OPEN = Pattern.compile("\"openOrders\":(\\d+)");

    @TempDir
    Path temp;

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
        // Orders take 2 s to reach the paper venue and cancels none: the kill is at the venue before
        // the orders it cancels, so none of them can fill first and the test cannot race a fill.
        final BackgroundDemo demo = new BackgroundDemo("--duration", "15s", "--order-type", "limit",
            "--journal", journal.toString(), "--paper-order-latency", "2s", "--paper-cancel-latency", "0",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        final String base = demo.admin();
        assertThat(demo.adminLine()).doesNotContain(demo.token());

        // Wait, bounded, until the strategy has limit orders resting at the venue.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status = demo.admin("GET", "status").body();
        while (openOrders(status) == 0 && System.nanoTime() < deadline)
        {
            status = demo.admin("GET", "status").body();
        }
        assertThat(openOrders(status)).as("resting orders to kill").isPositive();

        assertThat(demo.call("POST", base + "kill", null).statusCode()).isEqualTo(401);
        assertThat(demo.call("POST", base + "kill", "not-the-token-at-all").statusCode()).isEqualTo(401);
        assertThat(demo.admin("POST", "launch-rockets").statusCode()).isEqualTo(400);
        assertThat(demo.admin("GET", "kill").statusCode()).isEqualTo(405);
        final HttpResponse<String> kill = demo.admin("POST", "kill");
        assertThat(kill.statusCode()).isEqualTo(202);
        assertThat(kill.body()).isEqualTo("{\"command\":\"kill\",\"accepted\":true}");

        final long killed = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        status = demo.admin("GET", "status").body();
        while ((openOrders(status) > 0 || !status.contains("\"tradingState\":\"HALTED\"")) && System.nanoTime() < killed)
        {
            status = demo.admin("GET", "status").body();
        }
        assertThat(status).contains("\"tradingState\":\"HALTED\"", "\"openOrders\":0", "\"commands\":1");
        // /health, on the same server, tells the same story without a token.
        final String health = demo.call("GET", base.replace("/admin/", "/health"), null).body();
        assertThat(health).contains("\"tradingState\":\"HALTED\"", "\"halted\":true", "\"strategyEnabled\":true");

        demo.awaitCleanExit();
        final Matcher cancels = Pattern.compile("orders (\\d+), fills (\\d+), cancels (\\d+)")
            .matcher(demo.out.find(l -> l.startsWith("orders ")).orElseThrow());
        assertThat(cancels.find()).isTrue();
        assertThat(Long.parseLong(cancels.group(3))).as("orders cancelled by the kill").isPositive();

        final LineCapture replay = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"replay", "--journal", journal.toString()},
            new PrintWriter(replay, true), new PrintWriter(demo.err, true))).isZero();
        assertThat(replay.valueOf("output-digest:")).isEqualTo(demo.out.valueOf("output-digest:"));
        assertThat(replay.valueOf("state-hash:")).isEqualTo(demo.out.valueOf("state-hash:"));
    }
}
