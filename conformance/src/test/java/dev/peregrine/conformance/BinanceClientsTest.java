package dev.peregrine.conformance;

import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Third-party clients against the simulated Binance with its spot trading API plugged in: Binance's own Node
 * connector and ccxt (REST and its WebSocket methods), pointed at it by their base URLs only, with an HMAC-SHA256 key
 * and an Ed25519 key; each call a trading bot makes is a PASS or FAIL line (see {@link ConformanceVerdict}).
 */
class BinanceClientsTest
{
    private static final String API_KEY = "conformance0api0key0made0for0the0simulated0binance0000000000000";

    @BeforeAll
    static void clients()
    {
        ClientScript.requireClients();
    }

    @ParameterizedTest(name = "{0} with an {1} key")
    @CsvSource({"binance-connector, hmac", "binance-connector, ed25519", "binance-ccxt, hmac", "binance-ccxt, ed25519"})
    void clientTradesAgainstTheSimulator(final String script, final String keyKind) throws GeneralSecurityException
    {
        final String secret;
        final BinanceEmulatorKey key;
        if ("ed25519".equals(keyKind))
        {
            final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            key = BinanceEmulatorKey.ed25519(API_KEY, pair.getPublic());
            secret = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        }
        else
        {
            final byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            secret = HexFormat.of().formatHex(bytes);
            key = BinanceEmulatorKey.hmac(API_KEY, secret);
        }
        try (BinanceSimulatedExchange exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 42, 0)
            .withTradingApi(new BinanceSpotEmulator(key, System::currentTimeMillis)).start())
        {
            final Map<String, String> env = new LinkedHashMap<>();
            env.put("BINANCE_REST_URL", exchange.restBase().toString());
            env.put("BINANCE_WS_URL", exchange.streamBase().toString());
            env.put("BINANCE_API_KEY", API_KEY);
            env.put("BINANCE_API_SECRET", secret);
            env.put("BINANCE_KEY_KIND", keyKind);
            ConformanceVerdict.assertConforms(ClientScript.run(script, keyKind, env));
        }
    }
}
