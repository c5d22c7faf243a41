package dev.peregrine.core.instrument;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogTextTest
{
    private static final ProductCatalog LOADED = new ProductCatalog(List.of(
        new Product("BTC-USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"), FixedPoint.parse("65012.34"),
            FixedPoint.parse("1"), "online"),
        new Product("DOGE-USD", FixedPoint.parse("0.00001"), FixedPoint.parse("0.1"), FixedPoint.parse("0.12"), 0, "")));

    @Test
    void aCatalogReadsBackAsItWasWritten()
    {
        final String text = CatalogText.encode(LOADED);

        assertThat(text).startsWith(CatalogText.FIRST_LINE + "\n")
            .contains("BTC-USD 0.01 0.00000001 65012.34 1 online\n", "DOGE-USD 0.00001 0.1 0.12 0 -\n");
        assertThat(CatalogText.decode(text, "test").products()).isEqualTo(LOADED.products());
    }

    @Test
    void aPerpetualReadsBackWithItsTermsAndSpotLinesStayAsTheyWere()
    {
        final PerpetualTerms terms = new PerpetualTerms(FixedPoint.parse("1"), FixedPoint.parse("125"), List.of(
            new MarginTier(0, FixedPoint.parse("50000"), FixedPoint.parse("125"), FixedPoint.parse("0.004"), 0),
            new MarginTier(FixedPoint.parse("50000"), Long.MAX_VALUE, FixedPoint.parse("100"), FixedPoint.parse("0.005"),
                FixedPoint.parse("50"))),
            PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");
        final ProductCatalog catalog = new ProductCatalog(List.of(
            new Product("BTCUSDT", FixedPoint.parse("0.1"), FixedPoint.parse("0.001"), FixedPoint.parse("32000"),
                FixedPoint.parse("5"), "TRADING").withPerpetual(terms),
            LOADED.find("DOGE-USD")));

        final String text = CatalogText.encode(catalog);

        assertThat(text).startsWith(CatalogText.FIRST_LINE_PERPETUAL + "\n").contains(
            "BTCUSDT 0.1 0.001 32000 5 TRADING 1 125 28800000000000 USDT 0:50000:125:0.004:0,50000:max:100:0.005:50\n",
            "DOGE-USD 0.00001 0.1 0.12 0 -\n");
        final ProductCatalog read = CatalogText.decode(text, "test");
        assertThat(read.products()).isEqualTo(catalog.products());
        assertThat(read.find("BTCUSDT").perpetual()).isEqualTo(terms);
        assertThat(read.find("DOGE-USD").isPerpetual()).isFalse();
        // the registry hands the terms to the core; a spot catalog is written as version 1, as before
        assertThat(read.registryFor(List.of("DOGE-USD", "BTCUSDT")).perpetual(1)).isEqualTo(terms);
        assertThat(read.registryFor(List.of("DOGE-USD", "BTCUSDT")).perpetual(0)).isNull();
        assertThat(CatalogText.encode(LOADED)).startsWith(CatalogText.FIRST_LINE + "\n");
    }

    @Test
    void perpetualTermsThatChangedAreNamed()
    {
        final PerpetualTerms was = new PerpetualTerms(FixedPoint.parse("1"), FixedPoint.parse("125"),
            List.of(MarginTier.single(FixedPoint.parse("125"), FixedPoint.parse("0.004"))), PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");
        final PerpetualTerms now = new PerpetualTerms(FixedPoint.parse("1"), FixedPoint.parse("75"),
            List.of(MarginTier.single(FixedPoint.parse("75"), FixedPoint.parse("0.005"))), 4L * 3600 * 1_000_000_000L, "USDT");
        final Product spot = new Product("BTCUSDT", FixedPoint.parse("0.1"), FixedPoint.parse("0.001"), FixedPoint.parse("32000"));

        assertThat(CatalogDifferences.between(new ProductCatalog(List.of(spot.withPerpetual(was))),
            new ProductCatalog(List.of(spot.withPerpetual(now))), List.of("BTCUSDT"))).containsExactly(
            "BTCUSDT maximum leverage 125 -> 75",
            "BTCUSDT funding interval 28800 s -> 14400 s",
            "BTCUSDT margin brackets changed (1 -> 1)");
        assertThat(CatalogDifferences.between(new ProductCatalog(List.of(spot)),
            new ProductCatalog(List.of(spot.withPerpetual(now))), List.of("BTCUSDT"))).containsExactly(
            "BTCUSDT was spot, is a perpetual");
    }

    @Test
    void aBadPerpetualLineIsNamedWithItsSourceNumberAndField()
    {
        assertThatThrownBy(() -> CatalogText.decode(CatalogText.FIRST_LINE_PERPETUAL + "\ncolumns\n" +
            "BTCUSDT 0.1 0.001 32000 5 TRADING 1 125 28800000000000 USDT 0:50000:125:x:0\n", "cache.txt"))
            .hasMessageContaining("cache.txt line 3").hasMessageContaining("BTCUSDT margin tier 1 maintenance rate");
        // a version-1 text never holds perpetual lines
        assertThatThrownBy(() -> CatalogText.decode(CatalogText.FIRST_LINE + "\ncolumns\n" +
            "BTCUSDT 0.1 0.001 32000 5 TRADING 1 125 28800000000000 USDT 0:max:125:0.004:0\n", "cache.txt"))
            .hasMessageContaining("cache.txt line 3: expected 6 fields");
    }

    @Test
    void aBadLineIsNamedWithItsSourceAndNumber()
    {
        assertThatThrownBy(() -> CatalogText.decode(CatalogText.FIRST_LINE + "\ncolumns\nBTC-USD 0.01 x 1 0 online\n",
            "cache.txt"))
            .hasMessageContaining("cache.txt line 3").hasMessageContaining("BTC-USD size increment");
        assertThatThrownBy(() -> CatalogText.decode("{\"products\":[]}", "cache.txt"))
            .hasMessageContaining("cache.txt: not a Peregrine catalog");
    }

    @Test
    void differencesNameTheProductTheFieldAndBothValuesButNotTheReferencePrice()
    {
        final ProductCatalog changed = new ProductCatalog(List.of(
            new Product("BTC-USD", FixedPoint.parse("0.1"), FixedPoint.parse("0.00000001"), FixedPoint.parse("70000"),
                FixedPoint.parse("5"), "cancel_only")));

        assertThat(CatalogDifferences.between(LOADED, changed, List.of("BTC-USD", "DOGE-USD"))).containsExactly(
            "BTC-USD price increment 0.01 -> 0.1",
            "BTC-USD minimum notional 1 -> 5",
            "BTC-USD status online -> cancel_only",
            "DOGE-USD was listed, is no longer");
        assertThat(CatalogDifferences.between(LOADED, LOADED, List.of("BTC-USD", "DOGE-USD"))).isEmpty();
    }

    @Test
    void anOverlayReplacesProductsOfTheSameSymbolAndAddsTheRest()
    {
        final ProductCatalog builtIn = new ProductCatalog(List.of(
            Product.parse("BTC-USD", "0.01", "0.00000001", "65000"),
            Product.parse("ETH-USD", "0.01", "0.00000001", "1900")));

        final ProductCatalog overlaid = builtIn.overlaidWith(LOADED);

        assertThat(overlaid.symbols()).containsExactly("BTC-USD", "ETH-USD", "DOGE-USD");
        assertThat(overlaid.find("BTC-USD").status()).isEqualTo("online");
        assertThat(overlaid.only(List.of("DOGE-USD", "BTC-USD")).symbols()).containsExactly("DOGE-USD", "BTC-USD");
        assertThatThrownBy(() -> overlaid.only(List.of("PEPE-USD"))).hasMessageContaining("unknown product 'PEPE-USD'");
    }
}
