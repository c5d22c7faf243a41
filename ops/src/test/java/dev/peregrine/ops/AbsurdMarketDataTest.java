package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, section 4: the daemon ({@code peregrine run}, a child JVM) runs the market maker on Coinbase market
 * data from a fuzzing venue on a real loopback WebSocket. Into a calm market near 60,000 the venue injects
 * well-formed frames with absurd values: BTC at 0.01, 9,999,999 and 92,233,720,368, crossed and absurd tickers,
 * book levels that would set an absurd touch, a crossed book and a 20,000-entry ticker frame. Asserted as an
 * operator would see it: every fill stays near the real price, {@code /metrics} counts each drop by reason,
 * the feed is unhealthy and {@code /ready} false while the book is crossed (the only product is then not
 * tradeable), ready again once it uncrosses, and the journal replays to the digest the run printed.
 */
class AbsurdMarketDataTest
{
    private static final String TOKEN = "3f9a1c5e7b2d4068a1c3e5f7b9d2f4a6c8e0b1d3";
    private static final Pattern FILL_PRICE = Pattern.compile("\"fill_price\":([0-9.]+)");

    @TempDir
    Path temp;

    @Test
    void absurdPricesAreDroppedAndCountedNeverFilledAndACrossedBookMakesTheEngineUnready() throws Exception
    {
        try (FuzzingCoinbaseServer venue = new FuzzingCoinbaseServer())
        {
            venue.start();
            final Path config = DaemonProcess.runConfig(temp, "fuzz.yaml",
                "profile: paper",
                "venue:",
                "  name: coinbase",
                "  market_data_url: " + venue.url(),
                "products: [BTC-USD]",
                "strategies:",
                "  - type: market-maker",
                "    name: mm",
                "    params: {instrument: BTC-USD, quantity: 0.001, spread-bps: 10}",
                "risk:",
                "  products:",
                "    BTC-USD: {max_order: 0.01, max_position: 0.05}",
                "ring: {wait_strategy: blocking}");
            final DaemonProcess.SplitRun run = DaemonProcess.startRun(temp, TOKEN, config);
            final Process process = run.process();
            try
            {
                final DaemonProcess.Endpoints ports = DaemonProcess.awaitStarted(process, run.stderr());
                final String ready = ports.url(ports.health(), "/ready");
                final String metricsUrl = ports.url(ports.metrics(), "/metrics");

                assertThat(TestHttp.await(ready, r -> r.statusCode() == 200).body()).contains("\"tradeable\":true");
                // The market maker trades on the calm market first.
                awaitMetric(metricsUrl, "peregrine_fills_total", Map.of(), v -> v >= 2);

                // Each absurd value exactly once; the calm market goes on around them.
                // Prints through the market maker's quotes (the side is the maker's): believed, they would fill them.
                venue.send("market_trades", venue.trade("0.01", "BUY"));             // out_of_range
                venue.send("market_trades", venue.trade("9999999", "SELL"));         // outside_band
                venue.send("market_trades", venue.trade("92233720368", "SELL"));     // out_of_range
                venue.send("ticker", FuzzingCoinbaseServer.ticker("update", "60020", "60000", "60010")); // crossed_quote
                venue.send("ticker", FuzzingCoinbaseServer.ticker("update", "0.01", "0.02", "0.01"));   // out_of_range
                venue.send("ticker", FuzzingCoinbaseServer.ticker("update", "9999990", "10000010", "9999999")); // outside_band
                venue.send("l2_data", FuzzingCoinbaseServer.level2("update", "offer 0.01 5"));       // out_of_range
                venue.send("l2_data", FuzzingCoinbaseServer.level2("update", "bid 9999999 5"));      // outside_band
                venue.send("ticker", "{\"type\":\"update\",\"tickers\":[" + String.join(",", Collections.nCopies(20_000,
                    FuzzingCoinbaseServer.tickerEntry("59990", "60010", "60000"))) + "]}"); // too many entries

                awaitMetric(metricsUrl, "peregrine_market_data_dropped_total", Map.of("reason", "out_of_range"), v -> v == 4);
                awaitMetric(metricsUrl, "peregrine_market_data_dropped_total", Map.of("reason", "outside_band"), v -> v == 3);
                awaitMetric(metricsUrl, "peregrine_market_data_dropped_total", Map.of("reason", "crossed_quote"), v -> v == 1);
                awaitMetric(metricsUrl, "peregrine_market_data_dropped_total", Map.of("reason", "max_move"), v -> v == 0);
                awaitMetric(metricsUrl, "peregrine_gateway_dropped_total",
                    Map.of("venue", "coinbase", "scope", "frame", "reason", "too_many_entries"), v -> v == 1);

                // A crossed book: the feed is unhealthy, the only product untradeable, the engine not ready.
                venue.send("l2_data", FuzzingCoinbaseServer.level2("update", "bid 60015 1"));
                final HttpResponse<String> crossed = TestHttp.await(ready, r -> r.statusCode() == 503);
                assertThat(crossed.body()).contains("\"ready\":false", "\"connected\":true", "\"tradeable\":false",
                    "\"unhealthyProducts\":[\"BTC-USD\"]");
                awaitMetric(metricsUrl, "peregrine_feed_unhealthy", Map.of("product", "BTC-USD"), v -> v == 1);
                assertThat(TestHttp.get(ready, null).statusCode()).as("still crossed").isEqualTo(503);

                venue.send("l2_data", FuzzingCoinbaseServer.level2("update", "bid 60015 0"));
                assertThat(TestHttp.await(ready, r -> r.statusCode() == 200).body()).contains("\"tradeable\":true");
                awaitMetric(metricsUrl, "peregrine_feed_unhealthy", Map.of("product", "BTC-USD"), v -> v == 0);

                DaemonProcess.sigterm(process); // SIGTERM
            }
            finally
            {
                process.destroyForcibly();
            }
            final String err = DaemonProcess.read(run.stderr());
            assertThat(process.exitValue()).as(err).isZero();
            assertThat(err).as("the summary says what was dropped, as /metrics counted it")
                .contains("market data dropped as impossible: 8 (out_of_range 4, outside_band 3, crossed_quote 1)");

            final List<Double> fills = new ArrayList<>();
            final Matcher fill = FILL_PRICE.matcher(DaemonProcess.read(run.stdout()));
            while (fill.find())
            {
                fills.add(Double.parseDouble(fill.group(1)));
            }
            assertThat(fills).as("fills of the market maker").isNotEmpty()
                .allSatisfy(price -> assertThat(price).isBetween(59_000.0, 61_000.0));
            assertThat(err).doesNotContain("\tat ");

            // The absurd input is in the journal for audit, and replay drops it exactly as the run did.
            DaemonProcess.replayPrintsTheHashesOf(temp.resolve("journal"), err);
        }
    }

    private void awaitMetric(final String url, final String name, final Map<String, String> labels,
        final Predicate<Double> condition) throws Exception
    {
        double value = Double.NaN;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do
        {
            for (final PrometheusTextParser.Sample s : PrometheusTextParser.parse(TestHttp.get(url, null).body()))
            {
                if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                {
                    value = s.value();
                }
            }
            if (condition.test(value))
            {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling, bounded by the deadline
        }
        while (System.nanoTime() < deadline);
        assertThat(value).as("%s%s\n%s", name, labels, logTails()).matches(condition::test);
    }

    /** The end of the daemon's logs, for a failure message. */
    private String logTails() throws java.io.IOException
    {
        final StringBuilder sb = new StringBuilder();
        for (final String name : new String[]{"run.err", "run.out"})
        {
            final String text = DaemonProcess.read(temp.resolve(name));
            sb.append("--- ").append(name).append(" ---\n").append(text.substring(Math.max(0, text.length() - 6000)));
        }
        return sb.toString();
    }

}
