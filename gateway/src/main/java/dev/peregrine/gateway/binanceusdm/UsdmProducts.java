package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.gateway.venue.CatalogLoader;

import java.util.List;

/**
 * The Binance USD-M perpetual contracts Peregrine knows out of the box, the catalog of the demo, backtests and the
 * simulated USD-M market. Increments are those the venue's {@code exchangeInfo} lists today
 * ({@code PRICE_FILTER tickSize} 0.10 for BTCUSDT and 0.01 for ETHUSDT, {@code LOT_SIZE stepSize} 0.001 for both),
 * minimum notional 5 as in the shared 2021 capture; margin is a single tier from its
 * {@code maintMarginPercent} 2.5 and {@code requiredMarginPercent} 5 (20x), contract size 1, funding every 8 hours,
 * settled in USDT. A run against the venue itself loads its {@code exchangeInfo} instead ({@link UsdmCatalogSource}).
 */
public final class UsdmProducts implements CatalogLoader
{
    /** The list, in the order the demo names them. */
    public static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        UsdmContracts.perpetual(Product.parse("BTCUSDT", "0.10", "0.001", "60000"), "5", "2.5", "5", "USDT"),
        UsdmContracts.perpetual(Product.parse("ETHUSDT", "0.01", "0.001", "2600"), "5", "2.5", "5", "USDT")));

    @Override
    public ProductCatalog load()
    {
        return CATALOG;
    }
}
