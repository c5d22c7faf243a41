package dev.peregrine.ops.config;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.PerpetualLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code perpetual:} section and the perpetual risk limits on real files: values reach the engine's settings,
 * every mistake is one line naming the key, and a spot configuration neither needs nor accepts them.
 */
class PerpetualConfigTest
{
    @TempDir
    Path temp;

    private Path file(final String... lines) throws Exception
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), String.join("\n", lines)
            .replace("JOURNAL", temp.resolve("journal").toString()) + "\n");
    }

    @Test
    void collateralLeverageAndMarginTypeReachTheSettings() throws Exception
    {
        final Path config = file(
            "venue: {name: binance-usdm}",
            "products: [BTCUSDT, ETHUSDT]",
            "perpetual:",
            "  collateral: 2500",
            "  products:",
            "    BTCUSDT: {leverage: 5, margin_type: isolated}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        final DaemonConfig cfg = DaemonConfigLoader.load(config, null, Map.of());
        assertThat(cfg.settings().collateral()).isEqualTo(2500 * FixedPoint.SCALE);
        // BTCUSDT as configured, ETHUSDT left out: 1x.
        assertThat(cfg.settings().leverage()).containsExactly(5 * FixedPoint.SCALE, FixedPoint.SCALE);
        assertThat(cfg.perpetual().products().get("BTCUSDT").marginType()).isEqualTo(PerpetualSettings.MarginType.ISOLATED);
        assertThat(cfg.perpetual().products().get("ETHUSDT").marginType()).isEqualTo(PerpetualSettings.MarginType.CROSS);
        assertThat(cfg.perpetual().lines(cfg.settings().products())).containsExactly(
            "perpetual BTCUSDT: leverage 5x, isolated margin (venue maximum 20x)",
            "perpetual ETHUSDT: leverage 1x, cross margin (venue maximum 20x)",
            "perpetual collateral: 2500");
    }

    @Test
    void everyMistakeIsOneLineNamingItsKey() throws Exception
    {
        final Path config = file(
            "venue: {name: binance-usdm}",
            "products: [BTCUSDT]",
            "perpetual:",
            "  collateral: -1",
            "  products:",
            "    BTCUSDT: {leverage: 50, margin_type: portfolio, leverag: 3}",
            "    ETHUSDT: {leverage: 2}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "perpetual.collateral: was '-1'; expected a number > 0",
                    "perpetual.products.BTCUSDT.leverage: was '50'; expected a leverage from 1 to 20 (the venue's maximum for BTCUSDT)",
                    "perpetual.products.BTCUSDT.margin_type: was 'portfolio'; expected one of cross, isolated",
                    "perpetual.products.BTCUSDT.leverag: was an unknown key; expected a known key (did you mean 'leverage'?)",
                    "perpetual.products.ETHUSDT: was 'ETHUSDT'; expected one of the configured products (BTCUSDT)"));
    }

    @Test
    void aSpotConfigurationTakesNoPerpetualSettings() throws Exception
    {
        final Path config = file(
            "products: [BTC-USD]",
            "perpetual:",
            "  collateral: 5000",
            "  products:",
            "    BTC-USD: {leverage: 3}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "perpetual.products.BTC-USD: was 'BTC-USD'; expected a perpetual product: BTC-USD is spot in the " +
                        "catalog",
                    "perpetual.collateral: was '5000'; expected no value here: collateral is for perpetual products, and " +
                        "every configured product is spot"));
    }

    @Test
    void thePerpetualRiskLimitsReachTheSettings() throws Exception
    {
        final Path config = file(
            "venue: {name: binance-usdm}",
            "products: [BTCUSDT, ETHUSDT]",
            "risk:",
            "  products:",
            "    BTCUSDT: {max_leverage: 5, max_funding_rate: 0.001}",
            "  max_account_leverage: 8",
            "  max_margin_ratio: 0.5",
            "  min_liquidation_distance: 10",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        final PerpetualLimits limits = DaemonConfigLoader.load(config, null, Map.of()).settings().risk().perpetual;
        assertThat(limits.maxLeverage()).containsExactly(5.0, 0.0);
        assertThat(limits.maxFundingRate()).containsExactly(0.001, 0.0);
        assertThat(limits.maxAccountLeverage()).isEqualTo(8.0);
        assertThat(limits.maxMarginRatio()).isEqualTo(0.5);
        assertThat(limits.minLiquidationDistance()).isEqualTo(10.0);
    }

    @Test
    void aPerpetualRiskLimitOutOfRangeOrOnSpotIsNamed() throws Exception
    {
        final Path perpetual = file(
            "venue: {name: binance-usdm}",
            "products: [BTCUSDT]",
            "risk: {max_margin_ratio: 1.5, min_liquidation_distance: 100, max_acount_leverage: 3}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        assertThatThrownBy(() -> DaemonConfigLoader.load(perpetual, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "risk.max_margin_ratio: was '1.5'; expected a fraction of the margin balance in [0, 1], e.g. 0.5 " +
                        "(the venue liquidates at 1)",
                    "risk.min_liquidation_distance: was '100.0'; expected a percent of the mark in [0, 100), e.g. 10",
                    "risk.max_acount_leverage: was an unknown key; expected a known key (did you mean 'max_account_leverage'?)"));
        final Path spot = file(
            "products: [BTC-USD]",
            "risk:",
            "  products:",
            "    BTC-USD: {max_leverage: 3}",
            "  max_margin_ratio: 0.5",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}");
        assertThatThrownBy(() -> DaemonConfigLoader.load(spot, null, Map.of()))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly(
                    "risk.products.BTC-USD.max_leverage: was '3.0'; expected no value here: a limit on perpetual products " +
                        "only, and this product is spot",
                    "risk.max_margin_ratio: was '0.5'; expected no value here: a limit on perpetual products only, and " +
                        "no perpetual product is configured"));
    }

    @Test
    void aSpotConfigurationWithoutThemKeepsTheDefaults() throws Exception
    {
        final DaemonConfig cfg = DaemonConfigLoader.load(file("products: [BTC-USD]", "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}"), null, Map.of());
        assertThat(cfg.perpetual().isEmpty()).isTrue();
        assertThat(cfg.perpetual().lines(cfg.settings().products())).isEmpty();
        assertThat(cfg.settings().collateral()).isEqualTo(PerpetualSettings.DEFAULT_COLLATERAL);
    }
}
