package dev.peregrine.ops;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery with real money's plumbing: a live engine in its own JVM sends market orders over real
 * sockets to a Coinbase venue emulator that lives in this JVM, and is killed with SIGKILL at twenty seeded
 * random moments, each restart recovering the journal and reconciling its open orders with the venue's
 * order list. Then a clean run ends it, and:
 * <ul>
 *   <li>its digest and state hash equal an uninterrupted replay of the journal (the same inputs);</li>
 *   <li>no client order id reached the venue twice (none sent twice);</li>
 *   <li>the engine's position in each product equals what the venue filled (no order lost: a fill made
 *       while the engine was dead is found and journaled, an order that died before it left is rejected).</li>
 * </ul>
 * The kills and checks are {@link LiveCrashKills}, shared with Binance's {@link BinanceLiveCrashRecoveryKillTest}.
 */
class LiveCrashRecoveryKillTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/kill";
    private static final int KILLS = 20;
    private static final long SEED = 1123L;

    @TempDir
    Path temp;

    @Test
    void killedTwentyTimesTheEngineLosesNoOrderSendsNoneTwiceAndAgreesWithTheVenue() throws Exception
    {
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            final Path pem = Files.writeString(temp.resolve("key.pem"), coinbase.privateKeyPem());
            venue.listPageSize(50);
            final LiveCrashKills kills = new LiveCrashKills("coinbase", venue.baseUri(), venue.userChannelUri(), KEY_NAME,
                pem, temp.resolve("journal"), temp);

            kills.killRepeatedly(KILLS, SEED, () -> venue.orderCount() > 0);
            assertThat(venue.orderCount()).as("orders the venue received across the kills").isPositive();
            final String output = kills.cleanRun(4_000);

            kills.replayEqualsLive(output);
            for (final String clientOrderId : kills.clientOrderIds(output))
            {
                assertThat(venue.createsFor(clientOrderId)).as("creates of %s", clientOrderId).isLessThanOrEqualTo(1);
            }
            final List<String> engineOrders = new ArrayList<>();
            final TradingCore core = kills.replayed(engineOrders);
            for (final String product : List.of("BTC-USD", "ETH-USD"))
            {
                assertThat(new BigDecimal(LiveCrashKills.position(core, product)))
                    .as("the engine's %s position against the venue's fills\nvenue (client id, side, type, status, filled):\n%s" +
                        "\nengine (instrument %d is %s; outputs of the replayed journal):\n%s", product,
                        String.join("\n", venue.describeOrders(product)), core.instruments().idOf(product), product,
                        String.join("\n", engineOrders))
                    .isEqualByComparingTo(new BigDecimal(venue.netFilled(product)));
            }
        }
    }
}
