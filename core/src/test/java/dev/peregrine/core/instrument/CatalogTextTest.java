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
