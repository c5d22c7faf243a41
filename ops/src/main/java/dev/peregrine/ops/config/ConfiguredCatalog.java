package dev.peregrine.ops.config;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.venue.VenueCatalogLoader;
import dev.peregrine.gateway.venue.VenueRegistry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The product catalog a configuration runs on and the lines saying where it came from. A run against a real venue
 * (a REST URL to ask) loads the venue's listing once, before the settings are built, so the configured products are
 * checked against what the venue lists and orders are sized from its prices; the same catalog then goes to the
 * engine, which does not load it again. Every other run (the simulated exchange, a simulated market without a REST
 * URL) keeps the built-in lists, which are the simulated venues' own catalogs.
 *
 * @param catalog the catalog: the built-in lists, with the venue's products in place of (or beside) their own.
 * @param lines   where it came from ({@code catalog: ...}), then any warning the load gave (the cached copy used).
 */
public record ConfiguredCatalog(ProductCatalog catalog, List<String> lines)
{
    /** How long the venue's product listing may take before the cached copy is used. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    public ConfiguredCatalog
    {
        lines = List.copyOf(lines);
    }

    /** The built-in lists, with the reason (one line). */
    static ConfiguredCatalog builtIn(final String why)
    {
        return new ConfiguredCatalog(VenueRegistry.standard().catalog(), List.of("catalog: the built-in lists (" + why + ")"));
    }

    /**
     * The built-in lists as a run on {@code venue} sees them: that venue's products in place of another venue's of the
     * same symbol (a {@code binance-usdm} run's {@code BTCUSDT} is the perpetual, not Binance spot's pair).
     */
    static ConfiguredCatalog builtIn(final String venue, final String why)
    {
        if (VenueRegistry.standard().find(venue) == null)
        {
            return builtIn(why);
        }
        return new ConfiguredCatalog(VenueRegistry.standard().catalog(venue), List.of("catalog: the built-in lists (" + why + ")"));
    }

    /**
     * The venue's catalog from {@code restUrl}, or from the cached copy with a warning line.
     *
     * @throws IllegalStateException naming the URL and the cache path when neither works, or the products not listed.
     */
    static ConfiguredCatalog fromVenue(final String venue, final URI restUrl, final List<String> products, final Path cache)
    {
        final List<String> warnings = new ArrayList<>();
        final ProductCatalog catalog = VenueRegistry.standard().loadCatalog(venue, restUrl, products, cache, TIMEOUT,
            warnings::add);
        final List<String> lines = new ArrayList<>();
        final boolean cached = warnings.stream().anyMatch(w -> w.contains(VenueCatalogLoader.FROM_CACHED_COPY));
        lines.add("catalog: " + venue + "'s " + (cached ? "cached copy " + cache : "listing at " +
            VenueRegistry.standard().venue(venue).catalogSource().listingUrl(restUrl, products)));
        lines.addAll(warnings);
        return new ConfiguredCatalog(catalog, lines);
    }

    /**
     * For a cluster member: this catalog with each configured product's reference price taken from the built-in lists,
     * so that every member, whenever it loads the venue's listing (at a different moment, at another price), builds the
     * same core settings: the reference price sizes the default limits and centres the sanity band, so members that
     * loaded different prices would decide differently on the same log. The venue's increments, minimum notionals and
     * status stay. A product the built-in lists lack has no such price: it is named in {@code missing}.
     */
    ConfiguredCatalog withAgreedReferencePrices(final String venue, final List<String> products, final List<String> missing)
    {
        final ProductCatalog builtIn = VenueRegistry.standard().find(venue) != null ?
            VenueRegistry.standard().catalog(venue) : VenueRegistry.standard().catalog();
        final List<ProductCatalog.Product> agreed = new ArrayList<>();
        for (final ProductCatalog.Product product : catalog.products())
        {
            final ProductCatalog.Product fixed = builtIn.find(product.symbol());
            if (fixed == null && products.contains(product.symbol()))
            {
                missing.add(product.symbol());
            }
            agreed.add(fixed == null || !products.contains(product.symbol()) ? product :
                new ProductCatalog.Product(product.symbol(), product.priceIncrement(), product.sizeIncrement(),
                    fixed.referencePrice(), product.minNotional(), product.status(), product.perpetual()));
        }
        final List<String> agreedLines = new ArrayList<>(lines);
        agreedLines.add("catalog: reference prices from the built-in lists, the same on every cluster member (the " +
            "venue's price moves between the members' starts)");
        return new ConfiguredCatalog(new ProductCatalog(agreed), agreedLines);
    }

    /** The cached copy of a run's venue catalog: beside its journal, {@code <journal>.<venue>-catalog}. */
    public static Path cachePath(final Path journalDir, final String venue)
    {
        final Path absolute = journalDir.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "." + venue + "-catalog");
    }
}
