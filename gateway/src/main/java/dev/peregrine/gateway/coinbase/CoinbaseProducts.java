package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import dev.peregrine.gateway.venue.CatalogLoader;

import java.util.List;

/**
 * The Coinbase products Peregrine knows out of the box, with Coinbase's increments and a reference price for
 * the simulated exchange and the sanity band: the catalog of the demo, backtests and the simulated venues. A run
 * against the venue itself loads the venue's listing instead ({@link CoinbaseCatalogSource}), over this list.
 */
public final class CoinbaseProducts implements CatalogLoader
{
    /** The list, in the order Peregrine has always named them; the INTX perpetuals ({@link IntxProducts}) last. */
    public static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        Product.parse("BTC-USD", "0.01", "0.00000001", "65000"),
        Product.parse("ETH-USD", "0.01", "0.00000001", "1900"),
        Product.parse("SOL-USD", "0.01", "0.00000001", "150"),
        Product.parse("XRP-USD", "0.0001", "0.000001", "0.55"),
        Product.parse("DOGE-USD", "0.00001", "0.1", "0.12"),
        Product.parse("ADA-USD", "0.0001", "0.00000001", "0.40"),
        Product.parse("AVAX-USD", "0.01", "0.00000001", "28"),
        Product.parse("LTC-USD", "0.01", "0.00000001", "70"),
        Product.parse("LINK-USD", "0.001", "0.01", "13"),
        Product.parse("DOT-USD", "0.001", "0.00000001", "5.5"),
        Product.parse("BTC-EUR", "0.01", "0.00000001", "60000"),
        Product.parse("ETH-BTC", "0.00001", "0.00000001", "0.03"))).plus(new ProductCatalog(IntxProducts.perpetuals()));

    @Override
    public ProductCatalog load()
    {
        return CATALOG;
    }
}
