package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.Instrument;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VenueCatalogTest
{
    @Test
    void eachVenueLoadsOnlyItsOwnProducts()
    {
        final ProductCatalog coinbase = VenueRegistry.standard().venue("coinbase").catalog().load();
        final ProductCatalog binance = VenueRegistry.standard().venue("binance").catalog().load();

        assertThat(coinbase.symbols()).startsWith("BTC-USD", "ETH-USD").doesNotContain("BTCUSDT", "ETHUSDT");
        assertThat(binance.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(binance.find("BTCUSDT").sizeIncrement()).isEqualTo(FixedPoint.parse("0.00001"));
        assertThat(coinbase.find("BTCUSDT")).isNull();
    }

    @Test
    void theRegistryCatalogIsEveryVenueInRegistrationOrder()
    {
        final ProductCatalog all = VenueRegistry.standard().catalog();

        assertThat(all.symbols()).startsWith("BTC-USD", "ETH-USD").endsWith("BTCUSDT", "ETHUSDT").hasSize(16); // Coinbase 12 spot + 2 INTX perpetuals, Binance 2
        final Instrument eth = all.registryFor(List.of("ETHUSDT", "BTC-USD")).get(0);
        assertThat(eth.symbol()).isEqualTo("ETHUSDT");
        assertThat(eth.priceIncrement()).isEqualTo(FixedPoint.parse("0.01"));
    }

    @Test
    void aCatalogRefusesUnknownAndTwiceListedProducts()
    {
        final ProductCatalog one = new ProductCatalog(List.of(ProductCatalog.Product.parse("X-Y", "0.1", "1", "5")));

        assertThatThrownBy(() -> one.registryFor(List.of("Z-Y"))).hasMessage("unknown product 'Z-Y' (known: X-Y)");
        assertThatThrownBy(() -> one.plus(one)).hasMessageContaining("'X-Y' is listed twice");
    }
}
