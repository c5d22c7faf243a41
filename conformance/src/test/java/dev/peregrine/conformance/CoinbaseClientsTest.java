package dev.peregrine.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Third-party clients against the Coinbase Advanced Trade emulator of {@code peregrine sim}: Coinbase's own
 * TypeScript SDK and ccxt (REST and its WebSocket methods), each pointed at the simulator by its base URLs
 * only, each call a trading bot makes a PASS or FAIL line (see {@link ConformanceVerdict}).
 */
class CoinbaseClientsTest
{
    @TempDir
    static Path credentials;
    private static RunningSimulator sim;

    @BeforeAll
    static void start()
    {
        ClientScript.requireClients();
        sim = RunningSimulator.start("coinbase", List.of("BTC-USD", "ETH-USD"), credentials);
    }

    @AfterAll
    static void stop()
    {
        if (sim != null)
        {
            sim.close();
        }
    }

    @Test
    void coinbaseSdkTradesWithAnEcdsaKey()
    {
        ConformanceVerdict.assertConforms(ClientScript.run("coinbase-sdk", environment("ecdsa")));
    }

    @Test
    void ccxtTradesWithAnEcdsaKey()
    {
        ConformanceVerdict.assertConforms(ClientScript.run("coinbase-ccxt", environment("ecdsa")));
    }

    private static Map<String, String> environment(final String label)
    {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("COINBASE_REST_URL", sim.simulator().restUrl().toString());
        env.put("COINBASE_WS_URL", sim.simulator().marketDataUrl().toString());
        env.put("COINBASE_USER_WS_URL", sim.simulator().userChannelUrl().toString());
        env.put("COINBASE_KEY_NAME", sim.keyName());
        env.put("COINBASE_PRIVATE_KEY", sim.privateKey());
        env.put("COINBASE_KEY_LABEL", label);
        env.put("COINBASE_PRODUCT", "BTC-USD");
        return env;
    }
}
