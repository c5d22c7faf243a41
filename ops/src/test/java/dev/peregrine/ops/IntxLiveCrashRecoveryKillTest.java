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
 * {@link LiveCrashRecoveryKillTest} on an INTX perpetual: a live engine trading BTC-PERP-INTX (orders with leverage
 * and margin type, marks and funding from the product answers) against the Coinbase emulator, SIGKILLed at seeded
 * moments and restarted, each restart reconciling its orders with the venue. Then a clean run, and: replay equals
 * live; no client order id reached the venue twice; the engine's position equals the venue's INTX position (what
 * {@code /intx/positions} reports, the fills of every order that reached the venue).
 */
class IntxLiveCrashRecoveryKillTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/intx-kill";
    private static final String PRODUCT = "BTC-PERP-INTX";
    private static final int KILLS = 4;
    private static final long SEED = 1601L;

    @TempDir
    Path temp;

    @Test
    void killedRepeatedlyTheEnginesPerpetualPositionAgreesWithTheVenues() throws Exception
    {
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            venue.fillPrice(PRODUCT, "65000");
            final Path pem = Files.writeString(temp.resolve("key.pem"), coinbase.privateKeyPem());
            venue.listPageSize(50);
            final LiveCrashKills kills = new LiveCrashKills("coinbase", venue.baseUri(), venue.userChannelUri(), KEY_NAME,
                pem, temp.resolve("journal"), temp, List.of(PRODUCT));

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
            assertThat(new BigDecimal(LiveCrashKills.position(core, PRODUCT)))
                .as("the engine's position against the venue's INTX position\nvenue orders:\n%s\nengine outputs:\n%s",
                    String.join("\n", venue.describeOrders(PRODUCT)), String.join("\n", engineOrders))
                .isEqualByComparingTo(new BigDecimal(venue.intxNetSize(PRODUCT)))
                .isEqualByComparingTo(new BigDecimal(venue.netFilled(PRODUCT)));
        }
    }
}
