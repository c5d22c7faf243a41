package dev.peregrine.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Third-party clients against the simulators of {@code peregrine sim}, each pointed at its simulator by base URLs
 * only, with each kind of key the venue issues; each call a trading bot makes is a PASS or FAIL line (see
 * {@link ConformanceVerdict}). Coinbase Advanced Trade: Coinbase's own TypeScript SDK and ccxt (REST and its
 * WebSocket methods), Ed25519 (the venue's default now) and ECDSA P-256 keys. Binance spot ({@code sim --venue
 * binance}: market data and the trading API on one port): Binance's own Node connector and ccxt, HMAC-SHA256 and
 * Ed25519 keys.
 */
class ThirdPartyClientsTest
{
    @TempDir
    static Path credentials;

    @BeforeAll
    static void clients()
    {
        ClientScript.requireClients();
    }

    @ParameterizedTest(name = "{0} with an {1} key")
    @CsvSource({"coinbase-sdk, ed25519", "coinbase-sdk, ecdsa", "coinbase-ccxt, ed25519", "coinbase-ccxt, ecdsa"})
    void coinbaseClientTrades(final String script, final String keyAlgorithm)
    {
        ConformanceVerdict.assertClientConforms("coinbase", List.of("BTC-USD", "ETH-USD"), credentials, script, keyAlgorithm, sim -> {
            final Map<String, String> env = new LinkedHashMap<>();
            env.put("COINBASE_REST_URL", sim.simulator().restUrl().toString());
            env.put("COINBASE_WS_URL", sim.simulator().marketDataUrl().toString());
            env.put("COINBASE_USER_WS_URL", sim.simulator().userChannelUrl().toString());
            env.put("COINBASE_KEY_NAME", sim.keyName());
            env.put("COINBASE_PRIVATE_KEY", sim.privateKey());
            env.put("COINBASE_KEY_LABEL", keyAlgorithm);
            env.put("COINBASE_PRODUCT", "BTC-USD");
            return env;
        });
    }

    @ParameterizedTest(name = "{0} with an {1} key")
    @CsvSource({"binance-connector, hmac", "binance-connector, ed25519", "binance-ccxt, hmac", "binance-ccxt, ed25519"})
    void binanceClientTrades(final String script, final String keyKind)
    {
        ConformanceVerdict.assertClientConforms("binance", List.of("BTCUSDT", "ETHUSDT"), credentials, script, keyKind, sim -> {
            final Map<String, String> env = new LinkedHashMap<>();
            env.put("BINANCE_REST_URL", sim.simulator().restUrl().toString());
            env.put("BINANCE_WS_URL", sim.simulator().marketDataUrl().toString());
            env.put("BINANCE_API_KEY", sim.keyName());
            env.put("BINANCE_API_SECRET", sim.privateKey());
            env.put("BINANCE_KEY_KIND", keyKind);
            return env;
        });
    }
}
