package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.gateway.venue.VenueUsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code peregrine sim --venue binance-usdm} and {@code verify-keys --venue binance-usdm} through the registry, on loopback. */
class UsdmSimulatorTest
{
    private static final String KEY_NAME = "peregrine-usdm-sim";

    @TempDir
    Path dir;

    private final Venue venue = VenueRegistry.standard().venue("binance-usdm");

    @Test
    void theSimulatorServesTheFuturesTradingApiThatVerifyKeysReadsWithItsThrowawayKey() throws Exception
    {
        final SimulatorSettings settings = new SimulatorSettings(null, List.of("BTCUSDT"), "127.0.0.1", 0, 7, 10,
            KEY_NAME, null, dir.resolve("keys"), "127.0.0.1", null);
        try (VenueSimulator simulator = venue.simulator(settings))
        {
            simulator.start(0);
            final List<String> passed = new ArrayList<>();
            final KeyVerification verdict = venue.verifyKeys(null, Map.of("BINANCE_API_KEY", simulator.key().keyName(),
                "BINANCE_API_SECRET", Files.readString(simulator.key().privateKeyFile())), simulator.restUrl(),
                Duration.ofSeconds(5), passed::add);

            assertThat(passed).hasSize(2);
            assertThat(verdict).isEqualTo(KeyVerification.usable("read-only call: ok (GET /fapi/v2/account answered 200)"));
            assertThat(simulator.userChannelUrl()).isEqualTo(simulator.marketDataUrl());
            assertThat(simulator.authFailures()).isZero();
            assertThat(simulator.summary()).startsWith("orders received 0, signed requests refused 0, liquidations 0");
        }
    }

    @Test
    void anUnknownContractIsRefusedNamingTheOption()
    {
        final SimulatorSettings unknown = new SimulatorSettings(null, List.of("DOGEUSDT"), "127.0.0.1", 0, 7, 10,
            KEY_NAME, null, dir.resolve("keys"), "127.0.0.1", null);

        assertThatThrownBy(() -> venue.simulator(unknown)).isInstanceOf(VenueUsageException.class)
            .hasMessage("--products: 'DOGEUSDT' is no USD-M contract the simulator serves (known: BTCUSDT,ETHUSDT)");
    }
}
