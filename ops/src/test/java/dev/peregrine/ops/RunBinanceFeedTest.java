package dev.peregrine.ops;

import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine run} with {@code venue.name: binance}: the daemon takes Binance market data (combined
 * streams, books synced from the REST depth snapshot) from a local simulator of the documented protocol,
 * trades on the paper venue, becomes ready, stops on SIGTERM with exit 0, and its journal replays to the
 * digest and state hash it printed.
 */
class RunBinanceFeedTest
{
    private static final String TOKEN = "8c2e4a6f1b3d5e7a9c0b2d4f6a8e1c3b5d7f9a2c";

    @TempDir
    Path temp;

    @Test
    void theDaemonTradesOnBinanceMarketData() throws Exception
    {
        try (BinanceSimulatedExchange binance = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 42))
        {
            binance.start();
            final Path config = DaemonProcess.runConfig(temp, "binance.yaml",
                "profile: paper",
                "venue:",
                "  name: binance",
                "  market_data_url: " + binance.streamBase(),
                "  rest_url: " + binance.restBase(),
                "products: [BTCUSDT, ETHUSDT]",
                "ring: {wait_strategy: blocking}");
            final DaemonProcess.SplitRun run = DaemonProcess.startRun(temp, TOKEN, config);
            final Process process = run.process();
            try
            {
                final DaemonProcess.Endpoints ports = DaemonProcess.awaitStarted(process, run.stderr());

                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                final HttpResponse<String> ready = TestHttp.await(ports.url(ports.health(), "/ready"), r -> r.statusCode() == 200);
                assertThat(ready.body()).contains("\"connected\":true", "\"booksSynced\":true");

                // /ready needs a price per product (trades and tickers give one); the L2 book follows its REST
                // snapshot, so wait (bounded) for the first book level rather than race it.
                List<PrometheusTextParser.Sample> samples =
                    PrometheusTextParser.parse(TestHttp.get(ports.url(ports.metrics(), "/metrics"), null).body());
                while (bookLevels(samples) == 0 && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(15))
                {
                    TimeUnit.MILLISECONDS.sleep(200);
                    samples = PrometheusTextParser.parse(TestHttp.get(ports.url(ports.metrics(), "/metrics"), null).body());
                }
                assertThat(samples).anySatisfy(s ->
                {
                    assertThat(s.name()).isEqualTo("peregrine_events_total");
                    assertThat(s.labels()).containsEntry("type", "book_level");
                    assertThat(s.value()).isPositive();
                });
                assertThat(samples).anySatisfy(s ->
                {
                    assertThat(s.labels()).containsEntry("venue", "binance");
                    assertThat(s.value()).isPositive();
                });

                DaemonProcess.sigterm(process); // SIGTERM
            }
            finally
            {
                process.destroyForcibly();
            }
            final String err = DaemonProcess.read(run.stderr());
            assertThat(process.exitValue()).as(err).isZero();
            final String digest = DaemonProcess.hexAfter(err, "output-digest:");
            assertThat(DaemonProcess.read(run.stdout())).as("the JSON log's stop line").contains("\"event\":\"engine_stopped\"")
                .contains(digest);

            DaemonProcess.replayPrintsTheHashesOf(temp.resolve("journal"), err);
        }
    }


    private static double bookLevels(final List<PrometheusTextParser.Sample> samples)
    {
        return samples.stream().filter(s -> s.name().equals("peregrine_events_total") &&
            "book_level".equals(s.labels().get("type"))).mapToDouble(PrometheusTextParser.Sample::value).sum();
    }
}
