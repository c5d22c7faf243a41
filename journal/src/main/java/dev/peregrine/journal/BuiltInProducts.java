package dev.peregrine.journal;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;

import java.util.List;

/**
 * Transitional: the venues' product lists as the journal still reaches them (replay, recovery, backtest, import)
 * while its entry points are not yet handed the catalog the composition root builds. Core holds no list: it is
 * handed a {@link ProductCatalog}. The lists belong to the venues ({@code gateway/coinbase/CoinbaseProducts},
 * {@code gateway/binance/BinanceProducts}); an ops test holds this copy equal to
 * {@code VenueRegistry.standard().catalog()}, so the two cannot drift (ids, increments and reference prices
 * shape every digest). Goes away once the journal's entry points take the catalog too.
 */
public final class BuiltInProducts
{
    /** Coinbase's products, then Binance spot's, in the order Peregrine has always listed them. */
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
        Product.parse("ETH-BTC", "0.00001", "0.00000001", "0.03"),
        Product.parse("BTCUSDT", "0.01", "0.00001", "60000"),
        Product.parse("ETHUSDT", "0.01", "0.0001", "2600")));

    private BuiltInProducts()
    {
    }
}
