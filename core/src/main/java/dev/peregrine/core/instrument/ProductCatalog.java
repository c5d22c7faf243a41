package dev.peregrine.core.instrument;

import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products a venue (or several) trades, with their increments and a reference price the simulated
 * exchange starts its random walk from and the market-data sanity band centres on. Core does not know any
 * venue's products: each venue package loads its own list (its {@code CatalogLoader} in the gateway) and
 * the composition root hands the catalog in. The symbols are the venue's own ({@code BTC-USD} on Coinbase,
 * {@code BTCUSDT} on Binance spot); the order of the list is the order {@link #symbols()} names them in.
 * Immutable.
 */
public final class ProductCatalog
{
    /**
     * One known product. Prices, increments and notionals are scaled longs.
     *
     * @param referencePrice where the simulated exchange starts its random walk, and the centre of the sanity band:
     *                       a built-in list's fixed figure, or the venue's price when its catalog was loaded.
     * @param minNotional    the smallest order value (price x size, in the quote currency) the venue accepts; 0 when
     *                       the list does not say.
     * @param status         the venue's own word for the product's state ({@code online}, {@code TRADING}, ...); empty
     *                       when the list does not say (the built-in lists).
     * @param perpetual      the terms of a perpetual future; null for spot.
     */
    public record Product(String symbol, long priceIncrement, long sizeIncrement, long referencePrice, long minNotional,
                          String status, PerpetualTerms perpetual)
    {
        public Product
        {
            if (symbol == null || symbol.isEmpty() || symbol.indexOf(' ') >= 0 || symbol.indexOf('\n') >= 0)
            {
                throw new IllegalArgumentException("a product symbol must be one word, was '" + symbol + "'");
            }
            if (priceIncrement <= 0 || sizeIncrement <= 0)
            {
                throw new IllegalArgumentException(symbol + ": price and size increments must be > 0");
            }
            if (referencePrice < 0 || minNotional < 0)
            {
                throw new IllegalArgumentException(symbol + ": reference price and minimum notional must be >= 0");
            }
            status = status == null ? "" : status;
            if (status.indexOf(' ') >= 0 || status.indexOf('\n') >= 0)
            {
                throw new IllegalArgumentException(symbol + ": a status must be one word, was '" + status + "'");
            }
        }

        /** A spot product. */
        public Product(final String symbol, final long priceIncrement, final long sizeIncrement, final long referencePrice,
            final long minNotional, final String status)
        {
            this(symbol, priceIncrement, sizeIncrement, referencePrice, minNotional, status, null);
        }

        /** This product as a perpetual future on {@code terms}. */
        public Product withPerpetual(final PerpetualTerms terms)
        {
            return new Product(symbol, priceIncrement, sizeIncrement, referencePrice, minNotional, status, terms);
        }

        /** Whether this is a perpetual future (it has terms), not spot. */
        public boolean isPerpetual()
        {
            return perpetual != null;
        }

        /** A built-in list's product: no minimum notional, no status. */
        public Product(final String symbol, final long priceIncrement, final long sizeIncrement, final long referencePrice)
        {
            this(symbol, priceIncrement, sizeIncrement, referencePrice, 0, "");
        }

        /** Parses the decimal strings a catalog lists; throws naming the product and the field when one is off. */
        public static Product parse(final String symbol, final String priceIncrement, final String sizeIncrement,
            final String referencePrice)
        {
            return new Product(symbol, FixedPoint.parseOrThrow(symbol + " price increment", priceIncrement),
                FixedPoint.parseOrThrow(symbol + " size increment", sizeIncrement),
                FixedPoint.parseOrThrow(symbol + " reference price", referencePrice));
        }
    }

    private final Map<String, Product> products = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if two products share a symbol. */
    public ProductCatalog(final List<Product> products)
    {
        for (final Product product : products)
        {
            if (this.products.putIfAbsent(product.symbol(), product) != null)
            {
                throw new IllegalArgumentException("product '" + product.symbol() + "' is listed twice");
            }
        }
    }

    /** This catalog's products followed by {@code other}'s, as one catalog (several venues' lists). */
    public ProductCatalog plus(final ProductCatalog other)
    {
        final List<Product> all = new ArrayList<>(products.values());
        all.addAll(other.products.values());
        return new ProductCatalog(all);
    }

    /**
     * The products named, in the order named, as a catalog of their own (what one run trades).
     *
     * @throws IllegalArgumentException naming the first symbol this catalog does not list.
     */
    public ProductCatalog only(final List<String> symbols)
    {
        final List<Product> chosen = new ArrayList<>(symbols.size());
        for (final String symbol : symbols)
        {
            final Product product = find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + symbol + "' (known: " +
                    String.join(",", products.keySet()) + ")");
            }
            chosen.add(product);
        }
        return new ProductCatalog(chosen);
    }

    /**
     * This catalog with {@code overlay}'s products in place of its own of the same symbol, and overlay's others
     * after them: a loaded venue catalog over the built-in lists.
     */
    public ProductCatalog overlaidWith(final ProductCatalog overlay)
    {
        final List<Product> all = new ArrayList<>(products.size() + overlay.products.size());
        for (final Product product : products.values())
        {
            final Product replaced = overlay.find(product.symbol());
            all.add(replaced != null ? replaced : product);
        }
        for (final Product product : overlay.products.values())
        {
            if (!products.containsKey(product.symbol()))
            {
                all.add(product);
            }
        }
        return new ProductCatalog(all);
    }

    /** The products, in listing order. */
    public List<Product> products()
    {
        return List.copyOf(products.values());
    }

    /** The product, or null if the catalog does not list it. */
    public Product find(final String symbol)
    {
        return products.get(symbol);
    }

    public List<String> symbols()
    {
        return Collections.unmodifiableList(new ArrayList<>(products.keySet()));
    }

    /**
     * Registers the given symbols in order, or throws an {@link IllegalArgumentException} whose message
     * names the unknown symbol and lists the known ones.
     */
    public InstrumentRegistry registryFor(final List<String> symbols)
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final String symbol : symbols)
        {
            final Product product = find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + symbol + "' (known: " +
                    String.join(",", products.keySet()) + ")");
            }
            registry.register(symbol, product.priceIncrement(), product.sizeIncrement(), product.perpetual());
        }
        return registry;
    }
}
