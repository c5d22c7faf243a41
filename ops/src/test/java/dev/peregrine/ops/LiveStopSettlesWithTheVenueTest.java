package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful stop with an order in flight: the venue is slow (every request waits 800 ms before the emulator
 * reads it) and the engine is stopped the moment its first order leaves. The stop must wait for the venue's
 * answer and fill, journal them, and only then close: the engine's position at the stop equals what the
 * venue filled, and the journal replays to the same state. (Closing at once lost that fill until a restart
 * reconciled it; LiveCrashRecoveryKillTest's final clean run caught it once.)
 */
class LiveStopSettlesWithTheVenueTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/stop";

    @TempDir
    Path temp;

    @Test
    void aStopWaitsForTheAnswersToOrdersInFlight() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final List<String> products = List.of("BTC-USD", "ETH-USD");
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME);
             CoinbaseDemoExchange market = CoinbaseDemoExchange.generated(products, 7, 100))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            market.start();
            final CoinbaseLiveVenue live = coinbase.liveVenue();
            final LiveEngine engine = EmulatedCoinbase.engine(market, products, journal, live);
            engine.start();
            try
            {
                // The user channel is up (its first requests answered promptly); from now on the venue is slow.
                final long connected = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (venue.userSubscribers() == 0 && System.nanoTime() < connected)
                {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                venue.processingDelayMillis(800);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (engine.coreMetrics().ordersReleased.get() == 0 && System.nanoTime() < deadline)
                {
                    TimeUnit.MILLISECONDS.sleep(1); // polling a counter, bounded by the deadline above
                }
                assertThat(engine.coreMetrics().ordersReleased.get()).as("an order left within 30 s").isPositive();
            }
            finally
            {
                engine.stop();
            }

            // the request left before the stop: the slow venue places it whatever the engine does meanwhile
            final long placed = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (venue.orderCount() == 0 && System.nanoTime() < placed)
            {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(venue.orderCount()).as("the venue placed the order").isPositive();
            assertThat(engine.coreMetrics().awaitingVenue.get()).as("nothing left waiting for the venue").isZero();
            for (final String product : products)
            {
                final int id = engine.core().instruments().idOf(product);
                assertThat(new BigDecimal(FixedPoint.toString(engine.core().positions().quantity(id))))
                    .as("the engine's %s position at the stop against the venue's fills: %s", product,
                        venue.describeOrders(product))
                    .isEqualByComparingTo(new BigDecimal(venue.netFilled(product)));
            }
            assertThat(engine.coreMetrics().fills.get()).as("the fill was heard before the stop").isPositive();
            final ReplayResult replay = Replay.run(VenueRegistry.standard().catalog(), journal);
            assertThat(replay.stateHashHex()).isEqualTo(engine.results().stateHashHex());
            assertThat(replay.outputDigestHex()).isEqualTo(engine.results().outputDigestHex());
        }
    }
}
