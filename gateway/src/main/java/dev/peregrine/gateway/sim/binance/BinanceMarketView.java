package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;
import java.util.List;

/**
 * The simulated market as the trading side sees it: what an order fills against. Prices are null while a symbol
 * has none yet (a replay before its first frame).
 */
public interface BinanceMarketView
{
    /** The symbols served, upper case ({@code BTCUSDT}). */
    List<String> symbols();

    BigDecimal bestBid(String symbol);

    BigDecimal bestAsk(String symbol);

    BigDecimal lastPrice(String symbol);
}
