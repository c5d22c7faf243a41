package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;

import java.math.BigDecimal;
import java.util.List;

/**
 * One symbol's trading rules as the emulated venue enforces them: its assets and the {@code PRICE_FILTER},
 * {@code LOT_SIZE} and {@code NOTIONAL} filters, the tick and step from the venue's catalog
 * ({@code BinanceProducts}), the bounds as the venue publishes them for its large spot markets. A failing check
 * answers -1013 naming the filter.
 */
record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal stepSize,
    BigDecimal maxPrice, BigDecimal maxQty, BigDecimal minNotional)
{
    /** Quote assets recognised at the end of a symbol, longest first so {@code FDUSD} is not read as {@code USD}. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "BTC", "ETH", "BNB", "EUR", "TRY");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    static final BigDecimal MAX_QTY = new BigDecimal("9000");
    static final BigDecimal MIN_NOTIONAL = new BigDecimal("5");

    static SymbolRules of(final ProductCatalog.Product product)
    {
        final String symbol = product.symbol();
        for (final String quote : QUOTES)
        {
            if (symbol.endsWith(quote) && symbol.length() > quote.length())
            {
                return new SymbolRules(symbol, symbol.substring(0, symbol.length() - quote.length()), quote,
                    decimal(product.priceIncrement()), decimal(product.sizeIncrement()), MAX_PRICE, MAX_QTY, MIN_NOTIONAL);
            }
        }
        throw new IllegalArgumentException("Binance symbol '" + symbol + "': no known quote asset at its end " + QUOTES);
    }

    private static BigDecimal decimal(final long scaled)
    {
        return BigDecimal.valueOf(scaled, FixedPoint.DECIMALS).stripTrailingZeros();
    }

    void checkPrice(final BigDecimal price)
    {
        if (price.compareTo(tickSize) < 0 || price.compareTo(maxPrice) > 0 || price.remainder(tickSize).signum() != 0)
        {
            throw BinanceRejection.filter("PRICE_FILTER");
        }
    }

    void checkQuantity(final BigDecimal quantity)
    {
        if (quantity.compareTo(stepSize) < 0 || quantity.compareTo(maxQty) > 0 || quantity.remainder(stepSize).signum() != 0)
        {
            throw BinanceRejection.filter("LOT_SIZE");
        }
    }

    void checkNotional(final BigDecimal price, final BigDecimal quantity)
    {
        if (price.multiply(quantity).compareTo(minNotional) < 0)
        {
            throw BinanceRejection.filter("NOTIONAL");
        }
    }

    /** The largest quantity on the step grid at or under {@code quantity}. */
    BigDecimal floorToStep(final BigDecimal quantity)
    {
        return quantity.divideToIntegralValue(stepSize).multiply(stepSize);
    }
}
