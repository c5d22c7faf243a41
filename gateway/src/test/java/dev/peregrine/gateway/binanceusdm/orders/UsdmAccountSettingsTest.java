package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.PerpetualAccountTerms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account settings the live path sets at start, from the engine's per-product leverage. */
class UsdmAccountSettingsTest
{
    @Test
    void theEnginesLeverageBecomesTheVenuesWholeMultiples()
    {
        final UsdmAccountSettings settings = UsdmAccountSettings.of(List.of("BTCUSDT", "ETHUSDT"),
            new long[] {FixedPoint.parse("5"), FixedPoint.parse("2.5")}, "CROSSED");
        assertThat(settings.leverageOf("BTCUSDT")).isEqualTo(5);
        assertThat(settings.leverageOf("ETHUSDT")).isEqualTo(2);
        assertThat(settings.leverageOf("SOLUSDT")).isEqualTo(1);
    }

    @Test
    void theConfiguredTermsGiveEachSymbolItsLeverageAndMarginAsBinanceSpellsIt()
    {
        final UsdmAccountSettings settings = UsdmAccountSettings.of(List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"),
            new PerpetualAccountTerms(new long[] {FixedPoint.parse("5"), FixedPoint.parse("3.7")}, new boolean[] {true}));
        assertThat(settings.leverageOf("BTCUSDT")).isEqualTo(5);
        assertThat(settings.marginTypeOf("BTCUSDT")).isEqualTo("ISOLATED");
        // 3.7x: whole multiples down; not isolated: cross
        assertThat(settings.leverageOf("ETHUSDT")).isEqualTo(3);
        assertThat(settings.marginTypeOf("ETHUSDT")).isEqualTo("CROSSED");
        // past the terms: 1x cross
        assertThat(settings.leverageOf("SOLUSDT")).isEqualTo(1);
        assertThat(settings.marginTypeOf("SOLUSDT")).isEqualTo("CROSSED");
    }

    @Test
    void badSettingsAreRefusedNamingWhat()
    {
        assertThatThrownBy(() -> new UsdmAccountSettings(Map.of("BTCUSDT", 0), 1, "CROSSED"))
            .hasMessageContaining("leverage must be at least 1");
        assertThatThrownBy(() -> new UsdmAccountSettings(Map.of(), 1, "PORTFOLIO"))
            .hasMessageContaining("margin type must be CROSSED or ISOLATED, was PORTFOLIO");
        assertThatThrownBy(() -> new UsdmAccountSettings(Map.of(), 1, "CROSSED", Map.of("BTCUSDT", "CROSS")))
            .hasMessageContaining("margin type must be CROSSED or ISOLATED, was CROSSED {BTCUSDT=CROSS}");
        assertThatThrownBy(() -> UsdmAccountSettings.of(List.of("BTCUSDT"), new long[0], "CROSSED"))
            .hasMessageContaining("leverage for 0 products, but 1 products");
    }
}
