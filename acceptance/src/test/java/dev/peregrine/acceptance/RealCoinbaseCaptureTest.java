package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.Http;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import dev.peregrine.core.testing.ExternalResources;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The real Coinbase Advanced Trade capture in {@code ../shared/data/real} through {@code demo --replay}: the run
 * ends by itself with exit 0, its {@code --summary-json} counts per product the trades that happened after the
 * subscription (the snapshot's history beside them, not among them), as this test reads them from the capture
 * itself, and the journal replays to the printed hashes. Skipped with a message where the capture is absent
 * (a failure under {@code PEREGRINE_REQUIRE_EXTERNAL=true}).
 */
class RealCoinbaseCaptureTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";

    @Test
    void theRealCaptureReplaysThroughTheDemoAndCountsLiveTradesOnly()
    {
        final Path capture = ExternalResources.sharedDataFile(CAPTURE);
        final Path dir = Workspace.caseDir("real-coinbase-capture");
        final Path journal = dir.resolve("journal");
        final Path summaryJson = dir.resolve("summary.json");

        final Peregrine.Result demo = Peregrine.run(dir, Map.of(), Duration.ofMinutes(2), "demo", "--replay",
            capture.toString(), "--speed", "max", "--journal", journal.toString(), "--summary-json", summaryJson.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");

        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(demo.exitCode()).as("demo --replay exit code\n%s", demo.describe()).isZero();
        final TradeIds trades = TradeIds.read(capture);
        soft.assertThat(summaryJson).as("--summary-json written").exists();
        if (Files.isRegularFile(summaryJson))
        {
            final JsonNode products = Http.readJson(summaryJson).path("products");
            final Set<String> captured = new TreeSet<>(trades.snapshots().keySet());
            captured.addAll(trades.live().keySet());
            soft.assertThat(captured).as("products with trades in the capture").isNotEmpty();
            for (final String product : captured)
            {
                final JsonNode counts = products.path(product);
                soft.assertThat(counts.path("trades").asLong(-1)).as("%s trades in the summary JSON: live trades only " +
                    "(the capture has %d after the subscription, %d in snapshots): %s", product, trades.live(product),
                    trades.snapshot(product), counts).isEqualTo(trades.live(product));
                soft.assertThat(snapshotCount(counts)).as("%s snapshot trades shown beside the live ones: %s", product, counts)
                    .isEqualTo(trades.snapshot(product));
            }
        }
        UserChecks.replayEqualsLive(soft, dir, journal, new Summary(demo.output()));
        soft.assertAll();
    }

    /** The count of a field of the product's summary whose name says snapshot (however it is spelled), or -1. */
    private static long snapshotCount(final JsonNode counts)
    {
        for (final Map.Entry<String, JsonNode> field : counts.properties())
        {
            if (field.getKey().toLowerCase(java.util.Locale.ROOT).contains("snapshot") && field.getValue().isNumber())
            {
                return field.getValue().asLong();
            }
        }
        return -1;
    }

    /**
     * The capture read independently of the engine: per product the distinct trade ids of {@code market_trades}
     * snapshot events (history sent on subscribe) and of update events that no snapshot held (trades that
     * happened while subscribed).
     */
    private record TradeIds(Map<String, Set<String>> snapshots, Map<String, Set<String>> live)
    {
        long live(final String product)
        {
            return live.getOrDefault(product, Set.of()).size();
        }

        long snapshot(final String product)
        {
            return snapshots.getOrDefault(product, Set.of()).size();
        }

        static TradeIds read(final Path capture)
        {
            final Map<String, Set<String>> snapshots = new TreeMap<>();
            final Map<String, Set<String>> updates = new TreeMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(capture)), StandardCharsets.UTF_8)))
            {
                for (String line = in.readLine(); line != null; line = in.readLine())
                {
                    final JsonNode envelope = Http.parseJson(line);
                    if (!"recv".equals(envelope.path("t").asText()))
                    {
                        continue;
                    }
                    final JsonNode frame = Http.parseJson(envelope.path("data").asText());
                    if (!"market_trades".equals(frame.path("channel").asText()))
                    {
                        continue;
                    }
                    for (final JsonNode event : frame.path("events"))
                    {
                        final Map<String, Set<String>> into = "snapshot".equals(event.path("type").asText()) ? snapshots : updates;
                        for (final JsonNode trade : event.path("trades"))
                        {
                            into.computeIfAbsent(trade.path("product_id").asText(), p -> new TreeSet<>())
                                .add(trade.path("trade_id").asText());
                        }
                    }
                }
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot read " + capture, e);
            }
            final Map<String, Set<String>> live = new TreeMap<>();
            updates.forEach((product, ids) ->
            {
                final Set<String> after = new TreeSet<>(ids);
                after.removeAll(snapshots.getOrDefault(product, Set.of()));
                live.put(product, after);
            });
            return new TradeIds(snapshots, live);
        }
    }
}
