package dev.peregrine.gateway.binance;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.venue.CatalogLoader;

import java.util.List;

/**
 * The Binance spot symbols Peregrine knows out of the box: upper case, no separator, increments its tick and lot
 * sizes, and a reference price for the simulated exchange and the sanity band: the catalog of the demo, backtests and
 * the simulated venues. A run against the venue itself loads its {@code exchangeInfo} instead
 * ({@link BinanceCatalogSource}), over this list.
 */
public final class BinanceProducts implements CatalogLoader
{
    /** The list, in the order Peregrine has always named them. */
    public static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        Product.parse("BTCUSDT", "0.01", "0.00001", "60000"),
        Product.parse("ETHUSDT", "0.01", "0.0001", "2600")));

    @Override
    public ProductCatalog load()
    {
        return CATALOG;
    }
}
