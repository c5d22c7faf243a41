package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The market streams of the simulated Binance beyond what the market source sends itself: it keeps the
 * {@link BinanceMarketTape}, sends {@code <symbol>@aggTrade} for each trade (one aggregate per trade: the simulated
 * market has no multi-fill taker orders), once a second the {@code kline_<interval>}, {@code miniTicker} and
 * {@code ticker} events of the streams someone listens to, and tells the trading API of every trade and book change.
 * Loop thread only.
 */
final class BinanceStreamPublisher implements BinanceMarketListener
{
    private final Set<BinanceSimSession> sessions = new LinkedHashSet<>();
    private final BinanceMarketTape tape;
    private final BinanceTickers tickers;
    private final BinanceApiExtension extension;
    private final LongSupplier epochMillis;

    /** @param extension told of every market move; null for a market-data-only exchange. */
    BinanceStreamPublisher(final BinanceMarketTape tape, final BinanceApiExtension extension, final LongSupplier epochMillis)
    {
        this.tape = tape;
        this.tickers = new BinanceTickers(tape);
        this.extension = extension;
        this.epochMillis = epochMillis;
    }

    void add(final BinanceSimSession session)
    {
        sessions.add(session);
    }

    void remove(final BinanceSimSession session)
    {
        sessions.remove(session);
    }

    Set<BinanceSimSession> sessions()
    {
        return sessions;
    }

    @Override
    public void publish(final String stream, final String data)
    {
        for (final BinanceSimSession session : sessions)
        {
            session.send(stream, data);
        }
    }

    @Override
    public void onTrade(final String symbol, final BinanceMarketTape.Trade trade)
    {
        if (!tape.onTrade(symbol, trade))
        {
            return;
        }
        publish(symbol.toLowerCase(Locale.ROOT) + "@aggTrade", "{\"e\":\"aggTrade\",\"E\":" + epochMillis.getAsLong() +
            ",\"s\":\"" + symbol + "\",\"a\":" + trade.id() + ",\"p\":\"" + BinanceAmounts.format(trade.price()) +
            "\",\"q\":\"" + BinanceAmounts.format(trade.quantity()) + "\",\"f\":" + trade.id() + ",\"l\":" + trade.id() +
            ",\"T\":" + trade.time() + ",\"m\":" + trade.buyerIsMaker() + ",\"M\":true}");
        if (extension != null)
        {
            extension.onMarket(symbol, tape);
        }
    }

    @Override
    public void onBook(final String symbol, final long updateId, final BigDecimal bid, final BigDecimal bidQuantity,
        final BigDecimal ask, final BigDecimal askQuantity)
    {
        if (tape.onBook(symbol, updateId, bid, bidQuantity, ask, askQuantity) && extension != null)
        {
            extension.onMarket(symbol, tape);
        }
    }

    /** The documented {@code serverShutdown} event, to every market-stream client, raw or wrapped as it takes events. */
    void serverShutdown()
    {
        final String event = "{\"e\":\"serverShutdown\",\"E\":" + epochMillis.getAsLong() + "}";
        for (final BinanceSimSession session : sessions)
        {
            if (session.userStream == null && !session.api)
            {
                session.deliver("!serverShutdown", event);
            }
        }
    }

    /** Once a second: the kline and ticker events of every such stream some client listens to. */
    void everySecond()
    {
        final long now = epochMillis.getAsLong();
        final Map<String, String> events = new HashMap<>();
        for (final BinanceSimSession session : new ArrayList<>(sessions))
        {
            for (final String stream : session.subscriptions())
            {
                if (!events.containsKey(stream))
                {
                    events.put(stream, periodicEvent(stream, now));
                }
            }
        }
        for (final Map.Entry<String, String> event : events.entrySet())
        {
            if (event.getValue() != null)
            {
                publish(event.getKey(), event.getValue());
            }
        }
    }

    /** The event of a once-a-second stream, or null if {@code stream} is none (or its symbol has no trade yet). */
    private String periodicEvent(final String stream, final long now)
    {
        final int at = stream.indexOf('@');
        if (at <= 0)
        {
            return null;
        }
        final String symbol = stream.substring(0, at).toUpperCase(Locale.ROOT);
        final String kind = stream.substring(at + 1);
        if (!tape.serves(symbol))
        {
            return null;
        }
        if ("ticker".equals(kind))
        {
            return tickers.tickerEvent(symbol, now);
        }
        if ("miniTicker".equals(kind))
        {
            return tickers.miniTickerEvent(symbol, now);
        }
        final KlineInterval interval = kind.startsWith("kline_") ? KlineInterval.parse(kind.substring("kline_".length())) : null;
        final Kline kline = interval == null ? null : tape.currentKline(symbol, interval);
        if (kline == null)
        {
            return null;
        }
        return "{\"e\":\"kline\",\"E\":" + now + ",\"s\":\"" + symbol + "\",\"k\":" +
            kline.streamObject(symbol, interval.name(), now > kline.closeTime) + "}";
    }

}
