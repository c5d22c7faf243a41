package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;

/** What a {@link BinanceMarketSource} tells the exchange as its market moves. Loop thread only. */
public interface BinanceMarketListener
{
    /** An event of {@code stream} ({@code btcusdt@trade}) for every client listening to it. */
    void publish(String stream, String data);

    /** A trade printed: the tape, the streams derived from trades and the trading API hear of it. */
    void onTrade(String symbol, BinanceMarketTape.Trade trade);

    /** The best bid or ask changed. */
    void onBook(String symbol, long updateId, BigDecimal bid, BigDecimal bidQuantity, BigDecimal ask, BigDecimal askQuantity);
}
