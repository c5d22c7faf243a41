package dev.peregrine.ops;

import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine config check} and {@code run} on real files in child JVMs with their own environment:
 * the shipped examples pass, a bad file lists every problem at once with exit 2, and no secret value ever
 * reaches the output.
 */
class ConfigCheckTest
{
    /** Fake, but what a real one looks like: long, random, no placeholder. */
    private static final String STRONG_TOKEN = "9f3c1a7e5b2d4086c1e9a7f3b5d20c48e6a1f9b3";
    private static final String FAKE_KEY_NAME = "organizations/1d5e7c9a/apiKeys/7b3f2e10";
    /** A real P-256 key made for the test: the validation parses it as the order adapter will. */
    private static final String FAKE_PEM = generatedPem();
    /** The example API key and HMAC secret key of Binance's API documentation: the shapes the check reads. */
    private static final String FAKE_BINANCE_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String FAKE_BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @TempDir
    Path temp;

    /** Free ports for the examples' 8080/9090: another program on the machine may hold those. */
    private static Map<String, String> anyPorts()
    {
        final Map<String, String> env = new HashMap<>();
        env.put("PEREGRINE_PORTS_HEALTH", "0");
        env.put("PEREGRINE_PORTS_METRICS", "0");
        return env;
    }

    @Test
    void everyShippedExamplePassesConfigCheck() throws Exception
    {
        final List<Path> examples;
        try (Stream<Path> files = Files.list(DaemonProcess.repositoryRoot().resolve("ops/config")))
        {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertThat(examples).extracting(p -> p.getFileName().toString())
            .contains("paper.yaml", "live.yaml", "live-binance.yaml");
        // The live examples name the real venues, whose catalog config check loads: the emulators stand in for them.
        try (CoinbaseVenueEmulator coinbase = new CoinbaseVenueEmulator((ECPublicKey)TestKeys.p256().getPublic(),
                TestKeys.KEY_NAME, "127.0.0.1").start();
             BinanceSimulatedExchange binance = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 7).start();
             UsdmSimulatedExchange usdm = UsdmSimulatedExchange.generated(List.of("BTCUSDT"), 7,
                 VenueRegistry.standard().catalog("binance-usdm"), UsdmSimulatedExchange.VENUE_FUNDING_INTERVAL, 0).start())
        {
            for (final Path example : examples)
            {
                // The USD-M example names the futures venue, whose exchangeInfo the simulated USD-M market serves.
                if (Files.readString(example).contains("name: binance-usdm"))
                {
                    checkExample(example, usdm.restBase().toString(), "catalog: binance-usdm's listing at " + usdm.restBase());
                    continue;
                }
                final boolean onBinance = Files.readString(example).contains("name: binance");
                checkExample(example, (onBinance ? binance.restBase() : coinbase.baseUri()).toString(),
                    onBinance ? "catalog: binance's listing at " + binance.restBase() :
                        Files.readString(example).contains("name: simulated") ? "catalog: the built-in lists" :
                        "catalog: coinbase's listing at " + coinbase.baseUri());
            }
        }
    }

    private void checkExample(final Path example, final String restUrl, final String catalogLine) throws Exception
    {
        {
            final Map<String, String> env = anyPorts();
            env.put("PEREGRINE_VENUE_REST_URL", restUrl);
            env.put("PEREGRINE_ADMIN_TOKEN", STRONG_TOKEN);
            env.put("COINBASE_API_KEY", FAKE_KEY_NAME);
            env.put("COINBASE_API_SECRET", FAKE_PEM);
            env.put("BINANCE_API_KEY", FAKE_BINANCE_KEY);
            env.put("BINANCE_API_SECRET", FAKE_BINANCE_SECRET);
            final Path log = temp.resolve(example.getFileName() + ".log");
            final int code = DaemonProcess.run(temp, env, log, "config", "check", "--config", example.toString());
            final String output = DaemonProcess.read(log);
            assertThat(code).as(output).isZero();
            assertThat(output).startsWith("OK: ").contains(catalogLine).doesNotContain(STRONG_TOKEN)
                .doesNotContain(FAKE_PEM.substring(28, 60)).doesNotContain(FAKE_BINANCE_SECRET);
        }
    }

    @Test
    void everyProblemIsListedAtOnceWithPathValueAndExpectationAndNothingStarts() throws Exception
    {
        try (ServerSocket taken = new ServerSocket())
        {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final Path notAFolder = Files.writeString(temp.resolve("journal-is-a-file"), "x");
            final Path config = Files.writeString(temp.resolve("bad.yaml"), String.join("\n",
                "profile: paper",
                "venue: {name: simulated, simulted: {seed: 1}}",
                "products: [BTC-USD, ETH-USD]",
                "strategies:",
                "  - {type: ma-crossover, params: {fast: 40, slow: 30}}",
                "  - {type: no-such-strategy}",
                "risk:",
                "  products:",
                "    BTC-USD: {max_order: 0.5, max_position: 0.1}",
                "    SOL-EUR: {max_order: 1}",
                "  daily_loss_limit: -5",
                "  max_orders_per_second: lots",
                "ports: {bind: 127.0.0.1, health: " + taken.getLocalPort() + ", metrics: 0}",
                "journal: {dir: " + notAFolder + "}",
                "ring: {size: 1000, wait_strategy: spin}",
                "secrets: {admin_token: hunter2-in-the-file}",
                ""));
            final Path checkLog = temp.resolve("check.log");
            assertThat(DaemonProcess.run(temp, Map.of(), checkLog, "config", "check", "--config", config.toString())).isEqualTo(2);
            final String check = DaemonProcess.read(checkLog);
            assertThat(check).contains(
                "venue.simulted: was an unknown key; expected a known key (did you mean 'simulated'?)",
                "risk.products.BTC-USD.max_order: was '0.5'; expected at most max_position (0.1)",
                "risk.products.SOL-EUR: was 'SOL-EUR'; expected one of the configured products (BTC-USD, ETH-USD)",
                "risk.daily_loss_limit: was '-5'; expected a number >= 0",
                "risk.max_orders_per_second: was 'lots'; expected a whole number",
                "strategies[0]: was strategy 'ma-crossover' (ma-crossover): fast (40) must be below slow (30)",
                "strategies[1]: was strategy 'no-such-strategy': unknown type 'no-such-strategy'",
                "ports.health: was '" + taken.getLocalPort() + "'; expected a free port on 127.0.0.1",
                "journal.dir: was '" + notAFolder + "'; expected a folder (it is a file)",
                "ring.size: was '1000'; expected a power of two",
                "ring.wait_strategy: was 'spin'; expected one of busy-spin, yielding, sleeping, blocking",
                "secrets.admin_token: was an unknown key");
            assertThat(check).contains("12 problems").doesNotContain("hunter2").doesNotContain("Exception\n\tat ");

            // run does exactly the same validation, and starts nothing: no journal, exit 2.
            final Path runLog = temp.resolve("run.log");
            assertThat(DaemonProcess.run(temp, Map.of(), runLog, "run", "--config", config.toString())).isEqualTo(2);
            assertThat(DaemonProcess.read(runLog)).contains("12 configuration problems", "nothing was started")
                .doesNotContain("hunter2").doesNotContain("summary");
            assertThat(Files.isRegularFile(notAFolder)).isTrue();
        }
    }

    @Test
    void theLiveProfileRefusesMissingPlaceholderAndWeakSecretsNamingThemButNotTheirValues() throws Exception
    {
        final Path live = DaemonProcess.repositoryRoot().resolve("ops/config/live.yaml");
        final Path secretFile = Files.writeString(temp.resolve("coinbase-secret.pem"), "<your private key here>\n");
        final Path config = Files.writeString(temp.resolve("live.yaml"), Files.readString(live)
            .replace("secrets:", "secrets:\n  coinbase_api_secret_file: " + secretFile));
        final Map<String, String> env = anyPorts();
        final String weakToken = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        env.put("PEREGRINE_ADMIN_TOKEN", weakToken);
        final Path log = temp.resolve("live.log");
        assertThat(DaemonProcess.run(temp, env, log, "run", "--config", config.toString())).isEqualTo(2);
        final String output = DaemonProcess.read(log);
        assertThat(output).contains(
            "secrets.admin_token_file or PEREGRINE_ADMIN_TOKEN: was a weak token (from environment PEREGRINE_ADMIN_TOKEN, 40 characters)",
            "secrets.coinbase_api_key_file or COINBASE_API_KEY: missing",
            "secrets.coinbase_api_secret_file or COINBASE_API_SECRET: was a placeholder",
            "nothing was started");
        assertThat(output).doesNotContain(weakToken).doesNotContain("your private key");

        // The same file with --profile paper needs none of them.
        final Path paperLog = temp.resolve("paper.log");
        final Map<String, String> paperEnv = anyPorts();
        paperEnv.put("PEREGRINE_VENUE_NAME", "simulated");
        assertThat(DaemonProcess.run(temp, paperEnv, paperLog, "config", "check", "--config", config.toString(),
            "--profile", "paper")).as(DaemonProcess.read(paperLog)).isZero();
        assertThat(DaemonProcess.read(paperLog)).contains("overridden: venue.name (PEREGRINE_VENUE_NAME)");
    }

    private static String generatedPem()
    {
        try
        {
            final java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
