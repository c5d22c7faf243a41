package dev.peregrine.ops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader on real files with an environment given as a map: overrides, defaults, mapping to the engine settings. */
class DaemonConfigLoaderTest
{
    @TempDir
    Path temp;

    private Path file(final String yaml) throws Exception
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), yaml.replace("JOURNAL", temp.resolve("journal").toString()));
    }

    @Test
    void environmentOverridesReachKeysWithUnderscoresAndDashesAndCreateMissingSections() throws Exception
    {
        final Path config = file(String.join("\n",
            "products: [BTC-USD, ETH-USD]",
            "risk:",
            "  products:",
            "    BTC-USD: {max_order: 0.04, max_position: 0.08}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}",
            ""));
        final DaemonConfig cfg = DaemonConfigLoader.load(config, null, Map.of(
            "PEREGRINE_RISK_PRODUCTS_BTC_USD_MAX_POSITION", "0.1",
            "PEREGRINE_RISK_DAILY_LOSS_LIMIT", "250",
            "PEREGRINE_SHUTDOWN_TIMEOUT", "3s",
            "PEREGRINE_RING_SIZE", "1024",
            "PEREGRINE_ADMIN_TOKEN", "not-a-path-but-a-secret-0123456789"));
        assertThat(cfg.settings().maxPosition()[0]).isEqualTo(10_000_000L); // 0.1 in 1e-8 units
        assertThat(cfg.settings().maxOrderQuantity()[0]).isEqualTo(4_000_000L);
        assertThat(cfg.settings().risk().dailyLossLimit).isEqualTo(250.0);
        assertThat(cfg.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(cfg.ringSize()).isEqualTo(1024);
        assertThat(cfg.overrides()).containsExactly(
            "ring.size (PEREGRINE_RING_SIZE)",
            "risk.daily_loss_limit (PEREGRINE_RISK_DAILY_LOSS_LIMIT)",
            "risk.products.BTC-USD.max_position (PEREGRINE_RISK_PRODUCTS_BTC_USD_MAX_POSITION)",
            "shutdown.timeout (PEREGRINE_SHUTDOWN_TIMEOUT)");
        assertThat(cfg.adminTokenSource()).isEqualTo("environment PEREGRINE_ADMIN_TOKEN");
        assertThat(cfg.toString()).doesNotContain("not-a-path-but-a-secret");
    }

    @Test
    void anOverrideIsValidatedLikeTheFileAndAnUnknownOneIsNamed() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of(
            "PEREGRINE_PORTS_METRICS", "ninety", "PEREGRINE_RING_WAIT", "blocking")))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "ports.metrics: was 'ninety'; expected a whole number in [0, 65535]",
                    "ring.wait: was an unknown key; expected one of: size, wait_strategy"));
    }

    @Test
    void theVariablesThatAreNoConfigurationPathsAreNotReadAsOverrides() throws Exception
    {
        // CI exports PEREGRINE_REQUIRE_EXTERNAL for the test suite: a config check run in that shell must not fail on it.
        final Path config = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_REQUIRE_EXTERNAL", "true",
            "PEREGRINE_JAVA_OPTS", "-Xmx1g")).jsonLogs()).isTrue();
        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_REQUIRE_EXTRA", "true")))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .anySatisfy(line -> assertThat(line).contains("require_extra")));
    }

    @Test
    void loggingFormatIsJsonByDefaultTextOnRequestAndCheckedLikeEveryKey() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(config, null, Map.of()).jsonLogs()).isTrue();
        assertThat(DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_LOGGING_FORMAT", "text")).jsonLogs()).isFalse();
        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\nlogging: {format: xml, level: debug}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "logging.format: was 'xml'; expected one of json, text",
                    "logging.level: was an unknown key; expected one of: format"));
    }

    @Test
    void snapshotsDefaultToAMillionEventsOrTenMinutesAndCanBeTunedOrTurnedOff() throws Exception
    {
        final Path plain = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(plain, null, Map.of()).snapshots())
            .isEqualTo(dev.peregrine.journal.snapshot.SnapshotPolicy.DEFAULT);
        final Path tuned = file("ports: {health: 0, metrics: 0}\n" +
            "journal: {dir: JOURNAL, snapshot_every_events: 250000, snapshot_every: 2m, snapshots_kept: 5}\n");
        final dev.peregrine.journal.snapshot.SnapshotPolicy policy = DaemonConfigLoader.load(tuned, null, Map.of()).snapshots();
        assertThat(policy.everyEvents()).isEqualTo(250_000);
        assertThat(policy.everyEventNanos()).isEqualTo(java.time.Duration.ofMinutes(2).toNanos());
        assertThat(policy.keep()).isEqualTo(5);
        final Path off = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL, snapshot_every_events: 0, snapshot_every: 0}\n");
        assertThat(DaemonConfigLoader.load(off, null, Map.of()).snapshots().enabled()).isFalse();
        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL, snapshots_kept: 0, snapshot_every: soon}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).startsWith("journal.snapshot_every: was 'soon'"))
                .anySatisfy(p -> assertThat(p).startsWith("journal.snapshots_kept: was '0'")));
    }

    @Test
    void thePaperFillModelIsTouchByDefaultAndItsParametersAreChecked() throws Exception
    {
        final Path plain = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(plain, null, Map.of()).settings().paperVenue().fillModel())
            .isEqualTo(dev.peregrine.core.execution.FillModel.TOUCH);
        final Path volume = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n" +
            "paper: {fill_model: volume, participation: 0.1, fill_window: 30s}\n");
        final var venue = DaemonConfigLoader.load(volume, null, Map.of()).settings().paperVenue();
        assertThat(venue.fillModel()).isEqualTo(dev.peregrine.core.execution.FillModel.VOLUME);
        assertThat(venue.participation()).isEqualTo(0.1);
        assertThat(venue.fillWindowNanos()).isEqualTo(Duration.ofSeconds(30).toNanos());
        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n" +
            "paper: {fill_model: infinite, participation: 2, slippage_bps: 5000}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "paper.fill_model: was 'infinite'; expected one of touch, volume, unlimited",
                    "paper.participation: was '2.0'; expected a share of the traded volume above 0 and at most 1, e.g. 0.25",
                    "paper.slippage_bps: was '5000.0'; expected a slippage in bps >= 0 and under 1000, e.g. 5"));
    }

    @Test
    void thePriceBandAndMarketDataSanityAreOnByDefaultAndConfigurable() throws Exception
    {
        final Path plain = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        final var risk = DaemonConfigLoader.load(plain, null, Map.of()).settings().risk();
        assertThat(risk.priceBand).containsOnly(dev.peregrine.core.risk.RiskLimits.DEFAULT_PRICE_BAND);
        assertThat(risk.sanity.toString()).isEqualTo(dev.peregrine.core.market.MarketSanitySettings.DEFAULTS.toString());

        final Path tuned = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n" +
            "risk:\n  products: {BTC-USD: {price_band: 0}}\n" +
            "  market_data: {band: 0.2, max_move: 0.08, range_factor: 50, reanchor_updates: 5, reanchor_after: 3s, silence: 2m}\n");
        final var tunedRisk = DaemonConfigLoader.load(tuned, null, Map.of()).settings().risk();
        assertThat(tunedRisk.priceBand[0]).isZero();
        assertThat(tunedRisk.sanity.toString()).isEqualTo(new dev.peregrine.core.market.MarketSanitySettings(true, 0.2, 0.08,
            50, 5, Duration.ofSeconds(3).toNanos(), Duration.ofMinutes(2).toNanos()).toString());

        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n" +
            "risk: {market_data: {band: 0.05, max_move: 0.1, width: 3}}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "risk.market_data.max_move: was '0.1'; expected a fraction in (0, band], e.g. 0.05",
                    "risk.market_data.width: was an unknown key; expected one of: enabled, band, max_move, range_factor, " +
                        "reanchor_updates, reanchor_after, silence"));
    }

    @Test
    void theOrderPathWarmupRunsTheDefaultCountUnlessConfiguredAndZeroTurnsItOff() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(config, null, Map.of()).warmupOrders())
            .isEqualTo(dev.peregrine.core.engine.OrderPathWarmup.DEFAULT_ORDERS);
        assertThat(DaemonConfigLoader.load(file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n"
            + "startup: {warmup_orders: 0}\n"), null, Map.of()).warmupOrders()).isZero();
        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\nstartup: {warmup_orders: -1}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .singleElement().asString().startsWith("startup.warmup_orders: was '-1'"));
    }

    @Test
    void stageSampleIntervalIsEveryInputByDefaultAndAPowerOfTwo() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(config, null, Map.of()).stageSampleEvery()).isEqualTo(1);
        assertThat(DaemonConfigLoader.load(config, null, Map.of("PEREGRINE_METRICS_STAGE_SAMPLE_EVERY", "8"))
            .stageSampleEvery()).isEqualTo(8);
        final Path bad = file("ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\nmetrics: {stage_sample_every: 6, port: 1}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "metrics.stage_sample_every: was '6'; expected a power of two from 1 to 1024 (1 times every input)",
                    "metrics.port: was an unknown key; expected one of: stage_sample_every"));
    }

    @Test
    void theLiveProfileTalksPlainTextToLoopbackOnly() throws Exception
    {
        final Path remote = file("profile: live\nvenue: {name: coinbase, market_data_url: 'ws://md.example.net/ws', " +
            "rest_url: 'http://api.example.net', user_channel_url: 'wss://user.example.net'}\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(remote, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .contains(
                    "venue.market_data_url: was 'ws://md.example.net/ws'; expected wss:// with the live profile (plain ws " +
                        "only to a loopback host such as 127.0.0.1, e.g. peregrine sim)",
                    "venue.rest_url: was 'http://api.example.net'; expected https:// with the live profile (plain http " +
                        "only to a loopback host such as 127.0.0.1, e.g. peregrine sim)")
                .noneMatch(problem -> problem.startsWith("venue.user_channel_url")));

        final Path loopback = file("profile: live\nvenue: {name: coinbase, market_data_url: 'ws://127.0.0.1:8765', " +
            "rest_url: 'http://localhost:8766', user_channel_url: 'ws://[::1]:8766/ws/user'}\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(loopback, null, Map.of()))
            .as("only the missing secrets are wrong")
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .isNotEmpty().allMatch(problem -> problem.startsWith("secrets.")));
        // a paper run reading remote market data in plain text is the user's choice: nothing signed goes out
        final Path paper = file("venue: {name: coinbase, market_data_url: 'ws://md.example.net/ws'}\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: JOURNAL}\n");
        assertThat(DaemonConfigLoader.load(paper, null, Map.of()).marketDataUrl()).hasToString("ws://md.example.net/ws");
    }

    @Test
    void adminTokenStrength() throws Exception
    {
        assertThat(SecretSource.isPlaceholder("changeme")).isTrue();
        assertThat(SecretSource.isPlaceholder("<admin token>")).isTrue();
        assertThat(SecretSource.isPlaceholder("xxxxxxxx")).isTrue();
        assertThat(SecretSource.isPlaceholder("your-token-here")).isTrue();
        assertThat(SecretSource.isPlaceholder("9f3c1a7e5b2d4086c1e9a7f3b5d20c48")).isFalse();
        assertThat(SecretSource.bitsPerChar("abababababababababababababababab")).isLessThan(SecretSource.MIN_TOKEN_BITS_PER_CHAR);
        assertThat(SecretSource.bitsPerChar("9f3c1a7e5b2d4086c1e9a7f3b5d20c48")).isGreaterThan(SecretSource.MIN_TOKEN_BITS_PER_CHAR);
    }
}
