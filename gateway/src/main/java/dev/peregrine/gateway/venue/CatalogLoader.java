package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.ProductCatalog;

/**
 * Where a venue's product catalog comes from: the products it trades, their increments and reference prices.
 * Today each venue lists its products in its own package ({@code CoinbaseProducts}, {@code BinanceProducts});
 * a loader that asks the venue's REST API (and caches the answer) can replace a list without any caller
 * changing. Loaded once, before the engine starts: never on the hot path.
 */
public interface CatalogLoader
{
    /**
     * The venue's products, in a stable order (the order people see them listed in).
     *
     * @throws java.io.UncheckedIOException if a loader that reads them from somewhere cannot.
     */
    ProductCatalog load();
}
