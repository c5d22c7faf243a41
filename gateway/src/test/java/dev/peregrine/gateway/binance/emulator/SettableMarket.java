package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceMarketView;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A market view whose prices a test sets: best bid, best ask and last price per symbol. */
public final class SettableMarket implements BinanceMarketView
{
    private final Map<String, BigDecimal[]> prices = new HashMap<>();

    public SettableMarket set(final String symbol, final String bid, final String ask, final String last)
    {
        prices.put(symbol, new BigDecimal[] {decimal(bid), decimal(ask), decimal(last)});
        return this;
    }

    private static BigDecimal decimal(final String text)
    {
        return text == null ? null : new BigDecimal(text);
    }

    private BigDecimal price(final String symbol, final int which)
    {
        final BigDecimal[] p = prices.get(symbol);
        return p == null ? null : p[which];
    }

    @Override
    public List<String> symbols()
    {
        return List.copyOf(prices.keySet());
    }

    @Override
    public BigDecimal bestBid(final String symbol)
    {
        return price(symbol, 0);
    }

    @Override
    public BigDecimal bestAsk(final String symbol)
    {
        return price(symbol, 1);
    }

    @Override
    public BigDecimal lastPrice(final String symbol)
    {
        return price(symbol, 2);
    }
}
