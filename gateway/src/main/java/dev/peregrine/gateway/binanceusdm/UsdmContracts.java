package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

import java.util.List;

/**
 * A Binance USD-M perpetual as a catalog product: the spot-shaped product (symbol, tick, lot, reference price) with
 * the contract's minimum notional and its perpetual terms. Binance USD-M contracts are linear, one contract is one
 * unit of the base asset (contract size 1), funding settles every 8 hours in the margin asset. Where the venue gives
 * only {@code maintMarginPercent} and {@code requiredMarginPercent}, the margin is one tier: maintenance rate the
 * first over 100, maximum leverage 100 over the second.
 */
final class UsdmContracts
{
    private UsdmContracts()
    {
    }

    /**
     * @param minNotional      the {@code MIN_NOTIONAL} filter's {@code notional}.
     * @param maintPercent     {@code maintMarginPercent}, e.g. {@code 2.5000}.
     * @param requiredPercent  {@code requiredMarginPercent}, e.g. {@code 5.0000}.
     * @param marginAsset      {@code marginAsset}, the settlement currency.
     */
    static Product perpetual(final Product base, final String minNotional, final String maintPercent,
        final String requiredPercent, final String marginAsset)
    {
        final String symbol = base.symbol();
        return perpetual(base, FixedPoint.parseOrThrow(symbol + " minimum notional", minNotional),
            FixedPoint.parseOrThrow(symbol + " maintMarginPercent", maintPercent),
            FixedPoint.parseOrThrow(symbol + " requiredMarginPercent", requiredPercent), marginAsset);
    }

    /** As {@link #perpetual(Product, String, String, String, String)}, the figures already scaled. */
    static Product perpetual(final Product base, final long minNotional, final long maintPercent,
        final long requiredPercent, final String marginAsset)
    {
        if (requiredPercent <= 0 || maintPercent <= 0)
        {
            throw new IllegalArgumentException(base.symbol() + ": maintMarginPercent and requiredMarginPercent must be > 0");
        }
        // 100 / requiredMarginPercent: 5% initial margin is 20x; the rate is the percent over 100.
        final long maxLeverage = Math.floorDiv(100 * FixedPoint.SCALE * FixedPoint.SCALE, requiredPercent);
        final MarginTier tier = MarginTier.single(maxLeverage, maintPercent / 100);
        return withTerms(new Product(base.symbol(), base.priceIncrement(), base.sizeIncrement(), base.referencePrice(),
            minNotional, base.status()), maxLeverage, List.of(tier), marginAsset);
    }

    /** {@code product} with perpetual terms of these brackets: contract size 1, funding every 8 hours. */
    static Product withTerms(final Product product, final long maxLeverage, final List<MarginTier> tiers,
        final String marginAsset)
    {
        return new Product(product.symbol(), product.priceIncrement(), product.sizeIncrement(), product.referencePrice(),
            product.minNotional(), product.status(), new PerpetualTerms(FixedPoint.SCALE, maxLeverage, tiers,
            PerpetualTerms.EIGHT_HOURS_NANOS, marginAsset));
    }

    /** {@code product} with another reference price, its terms kept. */
    static Product priced(final Product product, final long referencePrice)
    {
        return new Product(product.symbol(), product.priceIncrement(), product.sizeIncrement(), referencePrice,
            product.minNotional(), product.status(), product.perpetual());
    }
}
