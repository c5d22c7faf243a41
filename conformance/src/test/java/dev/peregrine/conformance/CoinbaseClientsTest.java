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
 * Third-party clients against the Coinbase Advanced Trade simulator of {@code peregrine sim}: Coinbase's own
 * TypeScript SDK and ccxt (REST and its WebSocket methods), each pointed at the simulator by its base URLs only,
 * with each kind of key the venue issues (Ed25519, the default now, and ECDSA P-256); each call a trading bot
 * makes is a PASS or FAIL line (see {@link ConformanceVerdict}).
 */
class CoinbaseClientsTest
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
    void clientTradesAgainstTheSimulator(final String script, final String keyAlgorithm)
    {
        try (RunningSimulator sim = RunningSimulator.start("coinbase", List.of("BTC-USD", "ETH-USD"),
            credentials.resolve(script + "-" + keyAlgorithm), keyAlgorithm))
        {
            ConformanceVerdict.assertConforms(ClientScript.run(script, keyAlgorithm, environment(sim, keyAlgorithm)));
        }
    }

    private static Map<String, String> environment(final RunningSimulator sim, final String keyAlgorithm)
    {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("COINBASE_REST_URL", sim.simulator().restUrl().toString());
        env.put("COINBASE_WS_URL", sim.simulator().marketDataUrl().toString());
        env.put("COINBASE_USER_WS_URL", sim.simulator().userChannelUrl().toString());
        env.put("COINBASE_KEY_NAME", sim.keyName());
        env.put("COINBASE_PRIVATE_KEY", sim.privateKey());
        env.put("COINBASE_KEY_LABEL", keyAlgorithm);
        env.put("COINBASE_PRODUCT", "BTC-USD");
        return env;
    }
}
