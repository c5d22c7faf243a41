package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon's HTTP surface over real sockets: {@code /ready} turns 200 once the feed is connected and
 * every book has a price, admin {@code GET positions|orders} answer JSON, and bad admin requests (a body
 * that is not JSON, an unknown command) get 400 with a reason and never a stack trace.
 */
class RunHttpTest
{
    private static final String TOKEN = DaemonProcess.PAPER_RUN_TOKEN;

    @TempDir
    Path temp;

    @Test
    void readinessPositionsOrdersAndBadAdminRequests() throws Exception
    {
        final Path log = temp.resolve("run.log");
        final Process process = DaemonProcess.startPaperRun(temp, log);
        try
        {
            final DaemonProcess.Endpoints ports = DaemonProcess.awaitStarted(process, log);
            final String base = ports.url(ports.health(), "");

            HttpResponse<String> ready = TestHttp.get(base + "/ready", null);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ready.statusCode() != 200 && System.nanoTime() < deadline)
            {
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"ready\":false");
                Thread.sleep(100);
                ready = TestHttp.get(base + "/ready", null);
            }
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"ready\":true", "\"connected\":true", "\"booksSynced\":true",
                "\"halted\":false");

            final HttpResponse<String> positions = TestHttp.get(base + "/admin/positions", TOKEN);
            assertThat(positions.statusCode()).isEqualTo(200);
            assertThat(positions.body()).startsWith("{\"positions\":[{\"product\":\"BTC-USD\",\"quantity\":")
                .contains("{\"product\":\"ETH-USD\"", "\"markPrice\":", "\"realizedPnl\":");
            // The open orders themselves (OrderLogDaemonTest checks their content against the order log).
            final HttpResponse<String> orders = TestHttp.get(base + "/admin/orders?limit=5", TOKEN);
            assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
            assertThat(orders.body()).startsWith("{\"open\":[").contains("\"count\":", "\"core_open_orders\":");
            assertThat(TestHttp.get(base + "/admin/orders?limit=lots", TOKEN).statusCode()).isEqualTo(400);
            assertThat(TestHttp.get(base + "/admin/orders", null).statusCode()).isEqualTo(401);
            assertThat(TestHttp.get(base + "/admin/positions", "wrong-token-wrong-token").statusCode()).isEqualTo(401);

            final HttpResponse<String> badJson = TestHttp.post(base + "/admin/pause", TOKEN, "{\"reason\": oops}");
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(badJson.body()).isEqualTo("{\"error\":\"invalid JSON: expected a value at offset 11\"}");
            final HttpResponse<String> notObject = TestHttp.post(base + "/admin/pause", TOKEN, "[1,2]");
            assertThat(notObject.statusCode()).isEqualTo(400);
            assertThat(notObject.body()).contains("must be a JSON object");
            final HttpResponse<String> unknown = TestHttp.post(base + "/admin/explode", TOKEN, "{}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("unknown admin command 'explode'").doesNotContain("Exception");
            final HttpResponse<String> good = TestHttp.post(base + "/admin/pause", TOKEN, "{\"reason\":\"test\"}");
            assertThat(good.statusCode()).isEqualTo(202);
            assertThat(good.body()).isEqualTo("{\"command\":\"pause\",\"accepted\":true}");

            DaemonProcess.sigterm(process); // SIGTERM
        }
        finally
        {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(DaemonProcess.read(log)).isZero();
        assertThat(DaemonProcess.read(log)).doesNotContain(TOKEN).doesNotContain("\tat ");
    }


}
