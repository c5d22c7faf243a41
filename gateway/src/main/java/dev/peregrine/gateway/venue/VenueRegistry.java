package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.binance.BinanceVenue;
import dev.peregrine.gateway.binanceusdm.BinanceUsdmVenue;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.coinbase.CoinbaseVenue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place venues are registered. Ops finds a venue here by the name its configuration gives, or by
 * the format of a capture to replay, and from then on sees only {@link Venue} and the types it returns.
 * Adding a venue is one new gateway package and one line in {@link #standard()}.
 */
public final class VenueRegistry
{
    private static final VenueRegistry STANDARD = new VenueRegistry(List.of(new CoinbaseVenue(), new BinanceVenue(),
        new BinanceUsdmVenue()));

    private final Map<String, Venue> byName = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if two venues share a name or a capture format. */
    public VenueRegistry(final List<Venue> venues)
    {
        for (final Venue venue : venues)
        {
            if (byName.putIfAbsent(venue.name(), venue) != null)
            {
                throw new IllegalArgumentException("two venues are named " + venue.name() + ": give each its own name");
            }
            for (final Venue other : byName.values())
            {
                if (other != venue && other.captureFormat() == venue.captureFormat())
                {
                    throw new IllegalArgumentException(other.name() + " and " + venue.name() + " both replay " +
                        venue.captureFormat() + ": a capture format belongs to one venue");
                }
            }
        }
    }

    /** The venues Peregrine ships: Coinbase Advanced Trade, Binance spot and Binance USD-M futures. */
    public static VenueRegistry standard()
    {
        return STANDARD;
    }

    /**
     * Every registered venue's products as one catalog, venue after venue in registration order (Coinbase's,
     * then Binance's): what the engine, the journal and the configuration check know. A symbol two venues list
     * (Binance spot's and USD-M's {@code BTCUSDT}) is the first venue's here; a run on the later venue uses
     * {@link #catalog(String)}. Each call asks the venues' loaders again; a loader that reads over the network caches
     * its own answer.
     */
    public ProductCatalog catalog()
    {
        final List<ProductCatalog.Product> all = new ArrayList<>();
        final Set<String> listed = new HashSet<>();
        for (final Venue venue : byName.values())
        {
            for (final ProductCatalog.Product product : venue.catalog().load().products())
            {
                if (listed.add(product.symbol()))
                {
                    all.add(product);
                }
            }
        }
        return new ProductCatalog(all);
    }

    /**
     * The catalog of a run on {@code venue}: {@link #catalog()} with that venue's own products in place of another
     * venue's of the same symbol (a USD-M run's {@code BTCUSDT} is the perpetual, not the spot pair).
     *
     * @throws IllegalArgumentException naming the known venues if none is called {@code venue}.
     */
    public ProductCatalog catalog(final String venue)
    {
        return catalog().overlaidWith(venue(venue).catalog().load());
    }

    /**
     * The catalog of a live or paper run against {@code venue}: {@link #catalog()} with the venue's products as its
     * REST API lists them today in place of the built-in ones (increments, minimum notional, status, price), loaded
     * by a {@link VenueCatalogLoader} with its cached copy at {@code cache} for an offline start.
     *
     * @param products the symbols the run trades: each must be listed by the venue (or its cached copy).
     * @throws IllegalStateException naming the URL and the cache path when neither can be read, or the missing product.
     */
    public ProductCatalog loadCatalog(final String venue, final URI restUrl, final List<String> products,
        final Path cache, final Duration timeout, final Consumer<String> warnings)
    {
        final Venue found = venue(venue);
        final ProductCatalog loaded = new VenueCatalogLoader(found.name(), found.catalogSource(), restUrl, products, cache,
            timeout, warnings).load();
        return catalog().overlaidWith(loaded);
    }

    /** The registered names, in registration order. */
    public List<String> names()
    {
        return new ArrayList<>(byName.keySet());
    }

    /** The venue of that name, or null. */
    public Venue find(final String name)
    {
        return byName.get(name);
    }

    /** @throws IllegalArgumentException naming the known venues if none is called {@code name}. */
    public Venue venue(final String name)
    {
        final Venue venue = byName.get(name);
        if (venue == null)
        {
            throw new IllegalArgumentException("unknown venue '" + name + "': known are " + String.join(", ", names()));
        }
        return venue;
    }

    /** The venue whose simulator replays captures of {@code format}, or null if none does. */
    public Venue forCapture(final CaptureFormat format)
    {
        for (final Venue venue : byName.values())
        {
            if (venue.captureFormat() == format)
            {
                return venue;
            }
        }
        return null;
    }
}
