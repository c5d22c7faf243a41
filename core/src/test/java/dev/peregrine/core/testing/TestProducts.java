package dev.peregrine.core.testing;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;

import java.util.List;

/**
 * The products core's and the journal's tests trade and import, as the venues list them (same increments and
 * reference prices): neither module holds a venue's list, each is handed a catalog, and this is the one their tests
 * hand it.
 */
public final class TestProducts
{
    public static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        Product.parse("BTC-USD", "0.01", "0.00000001", "65000"),
        Product.parse("ETH-USD", "0.01", "0.00000001", "1900"),
        Product.parse("ETH-BTC", "0.00001", "0.00000001", "0.03"),
        Product.parse("BTCUSDT", "0.01", "0.00001", "60000"),
        Product.parse("ETHUSDT", "0.01", "0.0001", "2600")));

    private TestProducts()
    {
    }
}
