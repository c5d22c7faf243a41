package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.sim.binance.BinanceSymbolRules;

import java.math.BigDecimal;

/**
 * One symbol's filters as the emulated venue enforces them on orders: the assets, tick, step and minimum notional
 * the simulated exchange's {@code exchangeInfo} lists ({@link BinanceSymbolRules}, one source for both), with the
 * upper bounds it publishes: {@code PRICE_FILTER}, {@code LOT_SIZE} and {@code NOTIONAL} (its maximum not applied
 * to market orders). A failing check answers -1013 naming the filter.
 */
record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal stepSize,
    BigDecimal minNotional)
{
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    static final BigDecimal MAX_QTY = new BigDecimal("9000");
    static final BigDecimal MAX_NOTIONAL = new BigDecimal("9000000");

    static SymbolRules of(final ProductCatalog.Product product)
    {
        final BinanceSymbolRules listed = BinanceSymbolRules.of(product);
        return new SymbolRules(listed.symbol(), listed.baseAsset(), listed.quoteAsset(), listed.tickSize().stripTrailingZeros(),
            listed.stepSize().stripTrailingZeros(), listed.minNotional());
    }

    void checkPrice(final BigDecimal price)
    {
        if (price.compareTo(tickSize) < 0 || price.compareTo(MAX_PRICE) > 0 || price.remainder(tickSize).signum() != 0)
        {
            throw BinanceRejection.filter("PRICE_FILTER");
        }
    }

    void checkQuantity(final BigDecimal quantity)
    {
        if (quantity.compareTo(stepSize) < 0 || quantity.compareTo(MAX_QTY) > 0 || quantity.remainder(stepSize).signum() != 0)
        {
            throw BinanceRejection.filter("LOT_SIZE");
        }
    }

    /** {@code NOTIONAL}: the minimum for every order, the maximum for limit orders only ({@code applyMaxToMarket} false). */
    void checkNotional(final BigDecimal price, final BigDecimal quantity, final boolean market)
    {
        final BigDecimal notional = price.multiply(quantity);
        if (notional.compareTo(minNotional) < 0 || !market && notional.compareTo(MAX_NOTIONAL) > 0)
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
