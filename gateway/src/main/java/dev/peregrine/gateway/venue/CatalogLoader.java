package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.ProductCatalog;

/**
 * Where a venue's product catalog comes from: the products it trades, their increments and reference prices.
 * Each venue lists its built-in products in its own package ({@code CoinbaseProducts}, {@code BinanceProducts});
 * {@link VenueCatalogLoader} asks the venue's REST API (and caches the answer) for a run against the venue.
 * Loaded once, before the engine starts: never on the hot path.
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
