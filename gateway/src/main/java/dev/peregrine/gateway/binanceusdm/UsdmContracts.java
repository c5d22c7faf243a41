package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

/**
 * A Binance USD-M perpetual as a catalog product: the spot-shaped product (symbol, tick, lot, reference price) with
 * the contract's minimum notional and its perpetual terms. Binance USD-M contracts are linear, one contract is one
 * unit of the base asset (contract size 1), funding settles every 8 hours in the margin asset. Where the venue gives
 * only {@code maintMarginPercent} and {@code requiredMarginPercent}, the margin is one tier: maintenance rate the
 * first over 100, maximum leverage 100 over the second.
 */
final class UsdmContracts
{
    /** Binance USD-M funds every 8 hours (00:00, 08:00, 16:00 UTC). */
    static final long FUNDING_INTERVAL_NANOS = 8L * 3600 * 1_000_000_000L;

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
        return new Product(base.symbol(), base.priceIncrement(), base.sizeIncrement(), base.referencePrice(), minNotional,
            base.status());
    }
}
