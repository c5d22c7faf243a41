package dev.peregrine.gateway.venue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each venue's documented base-tier fee, the paper default; Coinbase's follows spot or perpetual products. */
class BaseTierFeesTest
{
    private static BaseTierFees fees(final String venue, final String... products)
    {
        return VenueRegistry.standard().venue(venue).baseTierFees(List.of(products));
    }

    @Test
    void eachVenueDefaultsToItsBaseTier()
    {
        // Coinbase Advanced Trade spot: 0.40% / 0.60%, the fees Peregrine's recorded spot runs were made with.
        assertThat(fees("coinbase", "BTC-USD", "ETH-USD")).isEqualTo(new BaseTierFees(40, 60));
        // Coinbase International perpetuals, public tier without balance or volume: 0.02% / 0.04%.
        assertThat(fees("coinbase", "BTC-PERP-INTX", "ETH-PERP-INTX")).isEqualTo(new BaseTierFees(2, 4));
        // Binance spot regular: 0.1% both sides; USD-M futures regular: 0.02% / 0.05%.
        assertThat(fees("binance", "BTCUSDT")).isEqualTo(new BaseTierFees(10, 10));
        assertThat(fees("binance-usdm", "BTCUSDT")).isEqualTo(new BaseTierFees(2, 5));
    }

    @Test
    void aCoinbaseRunWithAnySpotProductPaysSpotFees()
    {
        assertThat(fees("coinbase", "BTC-USD", "BTC-PERP-INTX")).isEqualTo(new BaseTierFees(40, 60));
        assertThat(fees("coinbase")).isEqualTo(new BaseTierFees(40, 60));
    }
}
