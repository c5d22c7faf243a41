package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The INTX perpetuals Peregrine knows out of the box, as Advanced Trade lists them ({@code BTC-PERP-INTX}: tick 0.1,
 * lot 0.0001; {@code ETH-PERP-INTX}: tick 0.01, lot 0.001), with a contract of one base unit, INTX's 10 USDC
 * minimum order value for perpetuals, a maximum leverage of 10x and hourly funding (margin rates as
 * {@link IntxMarginRates} derives them). Part of {@code CoinbaseProducts}' built-in list: the demo's, backtests' and
 * the simulated venues' catalog; a run against the venue loads its listing instead.
 */
public final class IntxProducts
{
    /** Advanced Trade's suffix of an INTX perpetual's product id. */
    public static final String SUFFIX = "-PERP-INTX";
    /** INTX's smallest perpetual order value, USDC. */
    public static final String MIN_NOTIONAL = "10";
    /** The maximum leverage the built-in perpetuals allow. */
    public static final String MAX_LEVERAGE = "10";

    private IntxProducts()
    {
    }

    /** The built-in perpetuals, in listing order. */
    public static List<Product> perpetuals()
    {
        return List.of(
            perpetual("BTC-PERP-INTX", "0.1", "0.0001", "65000"),
            perpetual("ETH-PERP-INTX", "0.01", "0.001", "1900"));
    }

    /** Whether {@code symbol} names an INTX perpetual (Advanced Trade ids end in {@value #SUFFIX}). */
    public static boolean isPerpetual(final String symbol)
    {
        return symbol.endsWith(SUFFIX);
    }

    /** The perpetuals among {@code products}, in their order. */
    public static List<String> perpetualsAmong(final List<String> products)
    {
        final List<String> perpetuals = new ArrayList<>();
        for (final String product : products)
        {
            if (isPerpetual(product))
            {
                perpetuals.add(product);
            }
        }
        return perpetuals;
    }

    private static Product perpetual(final String symbol, final String tick, final String lot, final String reference)
    {
        final Product spotShape = Product.parse(symbol, tick, lot, reference);
        return new Product(symbol, spotShape.priceIncrement(), spotShape.sizeIncrement(), spotShape.referencePrice(),
            FixedPoint.parseOrThrow(symbol + " minimum notional", MIN_NOTIONAL), "",
            IntxMarginRates.terms(FixedPoint.SCALE, FixedPoint.parseOrThrow(symbol + " max leverage", MAX_LEVERAGE),
                IntxMarginRates.HOURLY_NANOS));
    }
}
