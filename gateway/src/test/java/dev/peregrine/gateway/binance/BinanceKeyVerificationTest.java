package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.VenueRegistry;
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

/** {@code verify-keys --venue binance} through the registry, against the emulated Binance on loopback. */
class BinanceKeyVerificationTest
{
    private static final String API_KEY = "peregrine-verify-key";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aGoodKeyPassesEachStepAndAWrongSecretIsTheKeysFault() throws Exception
    {
        try (BinanceSimulatedExchange binance = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 3)
            .withTradingApi(new BinanceSpotEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET), System::currentTimeMillis))
            .start())
        {
            final List<String> passed = new ArrayList<>();
            final KeyVerification good = verify(null, Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_API_SECRET", SECRET),
                binance.restBase(), passed);
            final Path wrongFile = Files.writeString(dir.resolve("key.json"),
                "{\"apiKey\":\"" + API_KEY + "\",\"secretKey\":\"" + SECRET.toLowerCase() + "\"}");
            final KeyVerification wrong = verify(wrongFile, Map.of(), binance.restBase(), new ArrayList<>());

            assertThat(passed).containsExactly("key format: ok (HMAC secret key)", "request signing: ok (HMAC-SHA256, hex)");
            assertThat(good).isEqualTo(KeyVerification.usable("read-only call: ok (GET /api/v3/account answered 200)"));
            assertThat(wrong.verdict()).isEqualTo(KeyVerification.Verdict.BAD_KEY);
            assertThat(wrong.line()).startsWith(binance.restBase() + " refused the key (HTTP ").doesNotContain(SECRET);
        }
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnyCallAndAnUnreachableVenueIsNoVerdict()
    {
        final KeyVerification missing = verify(null, Map.of("BINANCE_API_KEY", API_KEY), URI.create("http://127.0.0.1:1"),
            new ArrayList<>());
        final KeyVerification unreachable = verify(null, Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_API_SECRET", SECRET),
            URI.create("http://127.0.0.1:1"), new ArrayList<>());

        assertThat(missing.verdict()).isEqualTo(KeyVerification.Verdict.BAD_KEY);
        assertThat(missing.line()).contains("the Binance API secret is missing (environment BINANCE_API_KEY/BINANCE_API_SECRET)");
        assertThat(unreachable)
            .isEqualTo(KeyVerification.usable("could not reach http://127.0.0.1:1: skipped the read-only check"));
    }

    private static KeyVerification verify(final Path keyFile, final Map<String, String> environment, final URI rest,
        final List<String> passed)
    {
        return VenueRegistry.standard().venue("binance").verifyKeys(keyFile, environment, rest, TIMEOUT, passed::add);
    }
}
