package dev.peregrine.core.instrument;

import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products Peregrine knows how to trade out of the box, with Coinbase's increments and a reference
 * price the simulated exchange starts its random walk from. A later venue-metadata feed (Coinbase
 * {@code status} channel) can replace the increments; the symbols are the venue's own ({@code BTC-USD} on
 * Coinbase, {@code BTCUSDT} on Binance spot).
 */
public final class ProductCatalog
{
    /**
     * One known product. Prices and increments are scaled longs.
     *
     * @param referencePrice where the simulated exchange starts its random walk, and the centre of the sanity band.
     */
    public record Product(String symbol, long priceIncrement, long sizeIncrement, long referencePrice)
    {
        /** Parses the decimal strings a catalog lists; throws naming the product and the field when one is off. */
        static Product parse(final String symbol, final String priceIncrement, final String sizeIncrement,
            final String referencePrice)
        {
            return new Product(symbol, FixedPoint.parseOrThrow(symbol + " price increment", priceIncrement),
                FixedPoint.parseOrThrow(symbol + " size increment", sizeIncrement),
                FixedPoint.parseOrThrow(symbol + " reference price", referencePrice));
        }
    }

    private static final Map<String, Product> PRODUCTS = new LinkedHashMap<>();

    static
    {
        add("BTC-USD", "0.01", "0.00000001", "65000");
        add("ETH-USD", "0.01", "0.00000001", "1900");
        add("SOL-USD", "0.01", "0.00000001", "150");
        add("XRP-USD", "0.0001", "0.000001", "0.55");
        add("DOGE-USD", "0.00001", "0.1", "0.12");
        add("ADA-USD", "0.0001", "0.00000001", "0.40");
        add("AVAX-USD", "0.01", "0.00000001", "28");
        add("LTC-USD", "0.01", "0.00000001", "70");
        add("LINK-USD", "0.001", "0.01", "13");
        add("DOT-USD", "0.001", "0.00000001", "5.5");
        add("BTC-EUR", "0.01", "0.00000001", "60000");
        add("ETH-BTC", "0.00001", "0.00000001", "0.03");
        // Binance spot: the symbols are Binance's (upper case, no separator), increments its tick and lot sizes.
        add("BTCUSDT", "0.01", "0.00001", "60000");
        add("ETHUSDT", "0.01", "0.0001", "2600");
    }

    private ProductCatalog()
    {
    }

    private static void add(final String symbol, final String priceIncrement, final String sizeIncrement, final String referencePrice)
    {
        PRODUCTS.put(symbol, Product.parse(symbol, priceIncrement, sizeIncrement, referencePrice));
    }

    /** The product, or null if Peregrine does not know it. */
    public static Product find(final String symbol)
    {
        return PRODUCTS.get(symbol);
    }

    public static List<String> symbols()
    {
        return Collections.unmodifiableList(new ArrayList<>(PRODUCTS.keySet()));
    }

    /**
     * Registers the given symbols in order, or throws an {@link IllegalArgumentException} whose message
     * names the unknown symbol and lists the known ones.
     */
    public static InstrumentRegistry registryFor(final List<String> symbols)
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final String symbol : symbols)
        {
            final Product product = find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + symbol + "' (known: " +
                    String.join(",", PRODUCTS.keySet()) + ")");
            }
            registry.register(symbol, product.priceIncrement(), product.sizeIncrement());
        }
        return registry;
    }
}
