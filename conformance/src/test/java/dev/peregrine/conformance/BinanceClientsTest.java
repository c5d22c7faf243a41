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
 * Third-party clients against the simulated Binance of {@code peregrine sim --venue binance} (market data and the
 * spot trading API on one port): Binance's own Node connector and ccxt (REST and its WebSocket methods), pointed at
 * it by their base URLs only, with each kind of key (HMAC-SHA256 and Ed25519); each call a trading bot makes is a
 * PASS or FAIL line (see {@link ConformanceVerdict}).
 */
class BinanceClientsTest
{
    @TempDir
    static Path credentials;

    @BeforeAll
    static void clients()
    {
        ClientScript.requireClients();
    }

    @ParameterizedTest(name = "{0} with an {1} key")
    @CsvSource({"binance-connector, hmac", "binance-connector, ed25519", "binance-ccxt, hmac", "binance-ccxt, ed25519"})
    void clientTradesAgainstTheSimulator(final String script, final String keyKind)
    {
        try (RunningSimulator sim = RunningSimulator.start("binance", List.of("BTCUSDT", "ETHUSDT"),
            credentials.resolve(script + "-" + keyKind), keyKind))
        {
            final Map<String, String> env = new LinkedHashMap<>();
            env.put("BINANCE_REST_URL", sim.simulator().restUrl().toString());
            env.put("BINANCE_WS_URL", sim.simulator().marketDataUrl().toString());
            env.put("BINANCE_API_KEY", sim.keyName());
            env.put("BINANCE_API_SECRET", sim.privateKey());
            env.put("BINANCE_KEY_KIND", keyKind);
            ConformanceVerdict.assertConforms(ClientScript.run(script, keyKind, env));
        }
    }
}
