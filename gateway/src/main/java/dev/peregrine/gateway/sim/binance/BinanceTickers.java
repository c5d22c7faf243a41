package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rolling 24-hour statistics and the book ticker of a symbol in Binance's shapes: the REST
 * {@code ticker/24hr} (FULL and MINI), {@code ticker/bookTicker} and {@code ticker/price} objects, and the
 * {@code <symbol>@ticker} and {@code <symbol>@miniTicker} stream events.
 */
final class BinanceTickers
{
    static final long DAY_MILLIS = 86_400_000L;

    private final BinanceMarketTape tape;

    BinanceTickers(final BinanceMarketTape tape)
    {
        this.tape = tape;
    }

    /** {@code ticker/24hr}. */
    ObjectNode dayStatistics(final String symbol, final long now, final boolean full)
    {
        return statistics(symbol, now, DAY_MILLIS, full, false);
    }

    /**
     * The statistics of the {@code windowMillis} before {@code now}: {@code ticker/24hr}'s, or those of the rolling
     * window {@code ticker} (no previous close, last quantity or book: the venue's rolling answer has none).
     */
    ObjectNode statistics(final String symbol, final long now, final long windowMillis, final boolean full, final boolean rolling)
    {
        final Kline day = tape.window(symbol, now, windowMillis);
        final BinanceMarketTape.Trade last = tape.lastTrade(symbol);
        final ObjectNode node = BinanceAnswers.JSON.createObjectNode();
        node.put("symbol", symbol);
        if (full)
        {
            node.put("priceChange", amount(change(day)));
            node.put("priceChangePercent", percent(day));
            node.put("weightedAvgPrice", amount(average(day)));
            if (!rolling)
            {
                node.put("prevClosePrice", amount(day.open));
            }
        }
        node.put("lastPrice", amount(day.close));
        if (full && !rolling)
        {
            node.put("lastQty", amount(last == null ? null : last.quantity()));
            node.put("bidPrice", amount(tape.bestBid(symbol)));
            node.put("bidQty", amount(tape.bidQuantity(symbol)));
            node.put("askPrice", amount(tape.bestAsk(symbol)));
            node.put("askQty", amount(tape.askQuantity(symbol)));
        }
        node.put("openPrice", amount(day.open));
        node.put("highPrice", amount(day.high));
        node.put("lowPrice", amount(day.low));
        node.put("volume", amount(day.volume));
        node.put("quoteVolume", amount(day.quoteVolume));
        node.put("openTime", now - windowMillis);
        node.put("closeTime", now);
        node.put("firstId", day.firstTradeId);
        node.put("lastId", day.lastTradeId);
        node.put("count", day.trades);
        return node;
    }

    ObjectNode bookTicker(final String symbol)
    {
        return BinanceAnswers.JSON.createObjectNode().put("symbol", symbol)
            .put("bidPrice", amount(tape.bestBid(symbol))).put("bidQty", amount(tape.bidQuantity(symbol)))
            .put("askPrice", amount(tape.bestAsk(symbol))).put("askQty", amount(tape.askQuantity(symbol)));
    }

    ObjectNode price(final String symbol)
    {
        return BinanceAnswers.JSON.createObjectNode().put("symbol", symbol).put("price", amount(tape.lastPrice(symbol)));
    }

    /** {@code <symbol>@ticker}: the 24-hour statistics as an event; null before the symbol's first trade. */
    String tickerEvent(final String symbol, final long now)
    {
        final Kline day = tape.window(symbol, now, DAY_MILLIS);
        final BinanceMarketTape.Trade last = tape.lastTrade(symbol);
        if (day.open == null || last == null)
        {
            return null;
        }
        return "{\"e\":\"24hrTicker\",\"E\":" + now + ",\"s\":\"" + symbol + "\",\"p\":\"" + amount(change(day)) +
            "\",\"P\":\"" + percent(day) + "\",\"w\":\"" + amount(average(day)) + "\",\"x\":\"" + amount(day.open) +
            "\",\"c\":\"" + amount(day.close) + "\",\"Q\":\"" + amount(last.quantity()) + "\",\"b\":\"" +
            amount(tape.bestBid(symbol)) + "\",\"B\":\"" + amount(tape.bidQuantity(symbol)) + "\",\"a\":\"" +
            amount(tape.bestAsk(symbol)) + "\",\"A\":\"" + amount(tape.askQuantity(symbol)) + "\",\"o\":\"" +
            amount(day.open) + "\",\"h\":\"" + amount(day.high) + "\",\"l\":\"" + amount(day.low) + "\",\"v\":\"" +
            amount(day.volume) + "\",\"q\":\"" + amount(day.quoteVolume) + "\",\"O\":" + (now - DAY_MILLIS) + ",\"C\":" +
            now + ",\"F\":" + day.firstTradeId + ",\"L\":" + day.lastTradeId + ",\"n\":" + day.trades + "}";
    }

    /** {@code <symbol>@miniTicker}; null before the symbol's first trade. */
    String miniTickerEvent(final String symbol, final long now)
    {
        final Kline day = tape.window(symbol, now, DAY_MILLIS);
        if (day.open == null)
        {
            return null;
        }
        return "{\"e\":\"24hrMiniTicker\",\"E\":" + now + ",\"s\":\"" + symbol + "\",\"c\":\"" + amount(day.close) +
            "\",\"o\":\"" + amount(day.open) + "\",\"h\":\"" + amount(day.high) + "\",\"l\":\"" + amount(day.low) +
            "\",\"v\":\"" + amount(day.volume) + "\",\"q\":\"" + amount(day.quoteVolume) + "\"}";
    }

    private static BigDecimal change(final Kline day)
    {
        return day.open == null ? BigDecimal.ZERO : day.close.subtract(day.open);
    }

    private static String percent(final Kline day)
    {
        if (day.open == null || day.open.signum() == 0)
        {
            return "0.000";
        }
        return day.close.subtract(day.open).multiply(BigDecimal.valueOf(100)).divide(day.open, 3, RoundingMode.HALF_UP)
            .toPlainString();
    }

    private static BigDecimal average(final Kline day)
    {
        return day.volume.signum() == 0 ? BigDecimal.ZERO : day.quoteVolume.divide(day.volume, 8, RoundingMode.HALF_UP);
    }

    private static String amount(final BigDecimal value)
    {
        return BinanceAmounts.format(value);
    }
}
