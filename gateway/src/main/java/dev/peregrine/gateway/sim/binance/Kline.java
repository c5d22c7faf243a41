package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;

/**
 * One candle of trades, as Binance's klines and kline streams carry it: open, high, low, close, base and quote
 * volume, trade count and the taker-buy volumes (trades whose buyer was the taker). Event loop only.
 */
final class Kline
{
    final long openTime;
    final long closeTime;
    BigDecimal open;
    BigDecimal high;
    BigDecimal low;
    BigDecimal close;
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal quoteVolume = BigDecimal.ZERO;
    BigDecimal takerBuyVolume = BigDecimal.ZERO;
    BigDecimal takerBuyQuoteVolume = BigDecimal.ZERO;
    long trades;
    long firstTradeId = -1;
    long lastTradeId = -1;

    Kline(final long openTime, final long closeTime)
    {
        this.openTime = openTime;
        this.closeTime = closeTime;
    }

    void add(final BinanceMarketTape.Trade trade)
    {
        if (open == null)
        {
            open = trade.price();
            high = trade.price();
            low = trade.price();
            firstTradeId = trade.id();
        }
        high = high.max(trade.price());
        low = low.min(trade.price());
        close = trade.price();
        lastTradeId = trade.id();
        final BigDecimal quote = trade.price().multiply(trade.quantity());
        volume = volume.add(trade.quantity());
        quoteVolume = quoteVolume.add(quote);
        if (!trade.buyerIsMaker())
        {
            takerBuyVolume = takerBuyVolume.add(trade.quantity());
            takerBuyQuoteVolume = takerBuyQuoteVolume.add(quote);
        }
        trades++;
    }

    /** Adds a finer candle of the same span into this one (a 1m candle into an hour). */
    void merge(final Kline finer)
    {
        if (finer.open == null)
        {
            return;
        }
        if (open == null)
        {
            open = finer.open;
            high = finer.high;
            low = finer.low;
            firstTradeId = finer.firstTradeId;
        }
        high = high.max(finer.high);
        low = low.min(finer.low);
        close = finer.close;
        lastTradeId = finer.lastTradeId;
        volume = volume.add(finer.volume);
        quoteVolume = quoteVolume.add(finer.quoteVolume);
        takerBuyVolume = takerBuyVolume.add(finer.takerBuyVolume);
        takerBuyQuoteVolume = takerBuyQuoteVolume.add(finer.takerBuyQuoteVolume);
        trades += finer.trades;
    }

    /** The REST form: {@code [openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades, ...]}. */
    String restArray()
    {
        return "[" + openTime + ",\"" + amount(open) + "\",\"" + amount(high) + "\",\"" + amount(low) + "\",\"" +
            amount(close) + "\",\"" + amount(volume) + "\"," + closeTime + ",\"" + amount(quoteVolume) + "\"," + trades +
            ",\"" + amount(takerBuyVolume) + "\",\"" + amount(takerBuyQuoteVolume) + "\",\"0\"]";
    }

    /** The {@code k} object of a kline stream event. */
    String streamObject(final String symbol, final String interval, final boolean closed)
    {
        return "{\"t\":" + openTime + ",\"T\":" + closeTime + ",\"s\":\"" + symbol + "\",\"i\":\"" + interval +
            "\",\"f\":" + firstTradeId + ",\"L\":" + lastTradeId + ",\"o\":\"" + amount(open) + "\",\"c\":\"" +
            amount(close) + "\",\"h\":\"" + amount(high) + "\",\"l\":\"" + amount(low) + "\",\"v\":\"" + amount(volume) +
            "\",\"n\":" + trades + ",\"x\":" + closed + ",\"q\":\"" + amount(quoteVolume) + "\",\"V\":\"" +
            amount(takerBuyVolume) + "\",\"Q\":\"" + amount(takerBuyQuoteVolume) + "\",\"B\":\"0\"}";
    }

    private static String amount(final BigDecimal value)
    {
        return BinanceAmounts.format(value);
    }
}
