package dev.peregrine.gateway.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Venue#simulator} and {@link Venue#verifyKeys} through the registry, as {@code sim} and {@code verify-keys} use them. */
class VenueSimulatorAndKeysTest
{
    private static final URI REST = URI.create("http://127.0.0.1:1");
    private static final String KEY_NAME = "organizations/test/apiKeys/sim";

    @TempDir
    Path dir;

    @Test
    void coinbaseSimulatorMakesItsThrowawayKeyAndServesOnFreePorts()
    {
        final SimulatorSettings settings = new SimulatorSettings(null, List.of("BTC-USD"), "127.0.0.1", 0, 7, 10,
            KEY_NAME, null, dir.resolve("keys"), "127.0.0.1", null);
        try (VenueSimulator simulator = VenueRegistry.standard().venue("coinbase").simulator(settings))
        {
            assertThat(simulator.key().generated()).isTrue();
            assertThat(simulator.key().reused()).isFalse();
            assertThat(simulator.key().keyName()).isEqualTo(KEY_NAME);
            assertThat(Files.exists(simulator.key().privateKeyFile())).isTrue();
            simulator.start(0);
            assertThat(simulator.restUrl().getPort()).isPositive();
            assertThat(simulator.userChannelUrl().getPort()).isEqualTo(simulator.restUrl().getPort());
            assertThat(simulator.authFailures()).isZero();
            assertThat(simulator.lastAuthFailure()).isNull();
            assertThat(simulator.framesReplayed()).isZero();
            assertThat(simulator.summary()).startsWith("frames sent ").endsWith("; net filled BTC-USD=0");
        }
    }

    @Test
    void aMissingKeyFileIsABadKeyAndNoStepPasses()
    {
        final List<String> passed = new ArrayList<>();
        final KeyVerification verdict = VenueRegistry.standard().venue("coinbase")
            .verifyKeys(dir.resolve("missing.json"), Map.of(), REST, Duration.ofSeconds(1), passed::add);

        assertThat(verdict.verdict()).isEqualTo(KeyVerification.Verdict.BAD_KEY);
        assertThat(verdict.line()).contains("does not exist");
        assertThat(passed).isEmpty();
    }
}
