package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.engine.CommandPublication;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live order path over real sockets: simulated Coinbase market data in, the strategy's orders out
 * through the outbound stage (after their cause is journaled) to the Coinbase order adapter, which signs
 * each request with an ES256 JWT for a local emulator of the documented API that verifies it; the
 * emulator's answers and user-channel fills come back as VENUE_* inbound events. Then the journal, with
 * no venue at all, replays to the same digest and state, and no order reached the venue twice.
 */
class LiveVenueEndToEndTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/e2e";

    @TempDir
    Path temp;

    /** One live session on {@code journal}: runs until {@code fills} fills (bounded), then stops cleanly. */
    private static LiveEngine session(final CoinbaseLiveVenue live, final Path journal, final long seed, final long fills)
        throws Exception
    {
        final List<String> products = List.of("BTC-USD", "ETH-USD");
        return EmulatedCoinbase.session(products, seed, 100, market -> EmulatedCoinbase.engine(market, products, journal, live),
            engine ->
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (engine.coreMetrics().fills.get() < fills && System.nanoTime() < deadline)
                {
                    TimeUnit.MILLISECONDS.sleep(20); // polling a counter, bounded by the deadline above
                }
            });
    }

    @Test
    void ordersGoToTheVenueAndItsFillsComeBackJournaled() throws Exception
    {

        final Path journal = temp.resolve("journal");
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            final CoinbaseLiveVenue live = coinbase.liveVenue();
            final LiveEngine engine = session(live, journal, 7, 3);
            final long orders = engine.coreMetrics().orders.get();
            assertThat(engine.coreMetrics().fills.get()).as("fills back from the venue").isGreaterThanOrEqualTo(3);
            assertThat(engine.coreMetrics().venueReports.get()).isGreaterThan(engine.coreMetrics().fills.get());
            assertThat(venue.authFailures()).as("every JWT verified").isZero();
            assertThat(venue.requests("/api/v3/brokerage/orders")).isGreaterThanOrEqualTo(3);
            for (long id = 1; id <= engine.core().execution().lastOrderId(); id++)
            {
                assertThat(venue.createsFor(live.clientOrderId(id))).as("creates of order %d", id).isLessThanOrEqualTo(1);
            }
            assertThat(engine.coreMetrics().ordersReleased.get()).isEqualTo(orders);
            assertThat(engine.publishCommand(dev.peregrine.core.event.CommandCode.KILL)).as("after stop nothing is accepted")
                .isEqualTo(CommandPublication.NOT_RUNNING);

            // The adapter's breaker, limiter and requests are visible in /metrics' text format.
            final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            final io.prometheus.metrics.model.registry.PrometheusRegistry registry =
                new io.prometheus.metrics.model.registry.PrometheusRegistry();
            dev.peregrine.ops.metrics.PeregrineCollector.register(registry, engine,
                new dev.peregrine.ops.metrics.LatencySidecar(1000), engine.agentErrors());
            io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create().write(text, registry.scrape(),
                io.prometheus.metrics.config.EscapingScheme.DEFAULT);
            final String exposition = text.toString(java.nio.charset.StandardCharsets.UTF_8);
            final List<PrometheusTextParser.Sample> samples = PrometheusTextParser.parse(exposition);
            assertThat(samples).anySatisfy(sample ->
            {
                assertThat(sample.name()).isEqualTo("peregrine_venue_requests_total");
                assertThat(sample.labels()).containsEntry("endpoint", "create").containsEntry("outcome", "ok");
                assertThat(sample.value()).isPositive();
            });
            assertThat(samples).anySatisfy(sample -> assertThat(sample.name()).isEqualTo("peregrine_venue_breaker_state"));
            DemoEndToEndTest.checkWithPromtool(exposition);

            final ReplayResult replay = Replay.run(VenueRegistry.standard().catalog(), journal);
            assertThat(replay.outputDigestHex()).isEqualTo(engine.results().outputDigestHex());
            assertThat(replay.stateHashHex()).isEqualTo(engine.results().stateHashHex());

            // A restart on the same journal recovers the first session into the core, so order ids (and
            // with the journal's prefix, client order ids) continue: none is ever reused at the venue.
            final long firstSessionOrders = engine.core().execution().lastOrderId();
            final CoinbaseLiveVenue again = coinbase.liveVenue();
            final LiveEngine restarted = session(again, journal, 8, engine.coreMetrics().fills.get() + 2);
            assertThat(restarted.recoveredEvents()).isEqualTo(replay.events());
            assertThat(restarted.core().execution().lastOrderId()).isGreaterThan(firstSessionOrders);
            assertThat(again.clientOrderId(1)).isEqualTo(live.clientOrderId(1));
            for (long id = 1; id <= restarted.core().execution().lastOrderId(); id++)
            {
                assertThat(venue.createsFor(again.clientOrderId(id))).as("creates of order %d", id).isLessThanOrEqualTo(1);
            }
            final ReplayResult both = Replay.run(VenueRegistry.standard().catalog(), journal);
            assertThat(both.outputDigestHex()).isEqualTo(restarted.results().outputDigestHex());
            assertThat(both.stateHashHex()).isEqualTo(restarted.results().stateHashHex());
        }
    }
}
