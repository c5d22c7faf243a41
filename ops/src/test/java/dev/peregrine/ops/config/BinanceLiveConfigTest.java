package dev.peregrine.ops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live profile on Binance: its secrets, where its user data stream is subscribed, and what is refused. */
class BinanceLiveConfigTest
{
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String TOKEN = "9f3c1a7e5b2d4086c1e9a7f3b5d20c48";

    @TempDir
    Path temp;

    private Path file(final String yaml) throws Exception
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), yaml.replace("JOURNAL", temp.resolve("journal").toString()));
    }

    @Test
    void aBinanceLiveProfileReadsItsKeyFromFilesAndDefaultsTheUserStreamToTheStreamHost() throws Exception
    {
        final Path key = Files.writeString(temp.resolve("key"), "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n");
        final Path secret = Files.writeString(temp.resolve("secret"), SECRET + "\n");
        final Path config = file("profile: live\nproducts: [BTCUSDT]\nvenue: {name: binance, market_data_url: " +
            "'ws://127.0.0.1:9443', rest_url: 'http://127.0.0.1:9444'}\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL}\nsecrets: {binance_api_key_file: " + key + ", binance_api_secret_file: " + secret + "}\n");

        final DaemonConfig cfg = DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN));

        assertThat(cfg.venue()).isEqualTo("binance");
        assertThat(cfg.live()).isTrue();
        assertThat(cfg.restUrl()).hasToString("http://127.0.0.1:9444");
        assertThat(cfg.userChannelUrl()).as("the simulated Binance's host, whose WebSocket API carries the user data stream")
            .hasToString("ws://127.0.0.1:9443");
        assertThat(cfg.apiKey()).startsWith("vmPUZE6");
        assertThat(cfg.apiSecret()).isEqualTo(SECRET);
        assertThat(cfg.toString()).doesNotContain(SECRET);
    }

    @Test
    void theVenuesOwnMarketDataMeansItsWebSocketApiForTheUserDataStream() throws Exception
    {
        final Path config = file("venue: {name: binance}\nproducts: [BTCUSDT]\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL}\n");
        final DaemonConfig cfg = DaemonConfigLoader.load(config, "live", Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN,
            "BINANCE_API_KEY", "k3y", "BINANCE_API_SECRET", SECRET));

        assertThat(cfg.userChannelUrl()).hasToString("wss://ws-api.binance.com:443/ws-api/v3");
        assertThat(cfg.restUrl()).hasToString("https://api.binance.com");
    }

    @Test
    void missingOrUnusableBinanceSecretsAreNamedWithTheirKeysAndVariables() throws Exception
    {
        final Path config = file("profile: live\nproducts: [BTCUSDT]\nvenue: {name: binance}\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");

        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN)))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .anyMatch(p -> p.startsWith("secrets.binance_api_key_file or BINANCE_API_KEY"))
                .anyMatch(p -> p.startsWith("secrets.binance_api_secret_file or BINANCE_API_SECRET"))
                .noneMatch(p -> p.contains("coinbase")));
        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN,
            "BINANCE_API_KEY", "k3y", "BINANCE_API_SECRET", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----")))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .singleElement().asString()
                .startsWith("secrets.binance_api_key_file/binance_api_secret_file or BINANCE_API_KEY/BINANCE_API_SECRET: " +
                    "was unusable binance credentials")
                .contains("RSA and encrypted keys are not supported").doesNotContain("MIIB"));
    }

    @Test
    void theSimulatedVenueCannotBeLiveAndAPaperFileMayNameEitherVenuesKeyFiles() throws Exception
    {
        final Path simulated = file("profile: live\nvenue: {name: simulated}\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(simulated, null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN)))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .contains("venue.name: was 'simulated'; expected a venue that trades live (coinbase, binance, binance-usdm): the live " +
                    "profile sends orders to a venue's API"));

        final Path paper = file("venue: {name: binance}\nproducts: [BTCUSDT]\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL}\nsecrets: {binance_api_key_file: /k, binance_api_secret_file: /s, " +
            "coinbase_api_key_file: /k, coinbase_api_secret_file: /s}\n");
        assertThat(DaemonConfigLoader.load(paper, null, Map.of()).apiKey()).isNull();
    }

    @Test
    void theKeyFilesAreHandedToTheLiveVenueToReReadUnlessTurnedOff() throws Exception
    {
        final Path key = Files.writeString(temp.resolve("key"), "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n");
        final Path secret = Files.writeString(temp.resolve("secret"), SECRET + "\n");
        final String yaml = "profile: live\nproducts: [BTCUSDT]\nvenue: {name: binance, market_data_url: " +
            "'ws://127.0.0.1:9443', rest_url: 'http://127.0.0.1:9444'}\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL}\nsecrets: {binance_api_key_file: " + key + ", binance_api_secret_file: " + secret;

        final DaemonConfig fromFiles = DaemonConfigLoader.load(file(yaml + "}\n"), null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN));
        final DaemonConfig off = DaemonConfigLoader.load(file(yaml + ", reload_key_files: false}\n"), null,
            Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN));
        final DaemonConfig fromEnvironment = DaemonConfigLoader.load(file("profile: live\nproducts: [BTCUSDT]\n" +
            "venue: {name: binance}\nports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\nsecrets: {binance_api_secret_file: " +
            secret + "}\n"), null, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN, "BINANCE_API_KEY", "k3y"));

        assertThat(fromFiles.keyFiles()).isEqualTo(new dev.peregrine.gateway.orders.KeyFiles(key, secret));
        assertThat(off.keyFiles()).isEqualTo(dev.peregrine.gateway.orders.KeyFiles.NONE);
        // The key from the environment stays as it is; the secret's file is still watched.
        assertThat(fromEnvironment.keyFiles()).isEqualTo(new dev.peregrine.gateway.orders.KeyFiles(null, secret));
        assertThatThrownBy(() -> DaemonConfigLoader.load(file(yaml + ", reload_key_files: sometimes}\n"), null,
            Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN)))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .singleElement().asString().startsWith("secrets.reload_key_files"));
    }
}
