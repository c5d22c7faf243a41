package dev.peregrine.ops;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.intx.IntxPositionCheck;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LiveCrashRecoveryKillTest} on an INTX perpetual: a live engine trading BTC-PERP-INTX (orders with leverage
 * and margin type, marks and funding from the product answers) against the Coinbase emulator, SIGKILLed at seeded
 * moments and restarted, each restart reconciling its orders with the venue. Then a clean run, and: replay equals
 * live; no client order id reached the venue twice; the engine's position equals the venue's INTX position (what
 * {@code /intx/positions} reports, the fills of every order that reached the venue), and the live venue's position
 * check, reading that endpoint as it does after a restart's reconciliation, finds the replayed engine's equal. One kill and a short clean run keep it quick; {@link LiveCrashRecoveryKillTest} covers the kill moments more widely on spot.
 */
class IntxLiveCrashRecoveryKillTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/intx-kill";
    private static final String PRODUCT = "BTC-PERP-INTX";
    private static final int KILLS = 1;
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
            final String output = kills.cleanRun(1_500);

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
            // and the check the live venue runs, over the INTX positions endpoint, agrees with the replayed engine
            final int instrument = core.instruments().idOf(PRODUCT);
            final long enginePosition = core.positions().quantity(instrument);
            final CoinbaseOrderClient client = new CoinbaseOrderClient(venue.baseUri(), venue.baseUri().getHost(),
                new CoinbaseJwtSigner(CoinbaseCredentials.of(KEY_NAME, coinbase.privateKeyPem(), "test")),
                Duration.ofSeconds(10), Duration.ofSeconds(5));
            final SingleWriterCounter mismatches = new SingleWriterCounter("mismatches");
            final List<String> lines = new ArrayList<>();
            assertThat(new IntxPositionCheck(client, List.of(new IntxPositionCheck.Perpetual(instrument, PRODUCT)),
                id -> enginePosition,
                () -> 0, mismatches, null, lines::add, 0).check()).as("%s", lines).isZero();
            assertThat(lines).singleElement().asString().contains("equal the engine's");
        }
    }
}
