package dev.peregrine.gateway.sim.binance;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the simulated Binance remembers of its market, per symbol, for the REST market endpoints and the derived
 * streams: the last {@value #RECENT_TRADES} trades, the best bid and ask, and candles of one second (the last
 * {@value #SECONDS_KEPT}) and one minute (the last {@value #MINUTES_KEPT}, a day and a bit), from which klines of
 * every interval and the rolling 24-hour statistics are merged. Fed by the generated market or the replayed
 * capture; a trade or book ticker no newer than the last (by id) is ignored, since a replay sends the same capture
 * to every client. It is also the {@link BinanceMarketView} the trading API fills against. Event loop only.
 */
public final class BinanceMarketTape implements BinanceMarketView
{
    static final int RECENT_TRADES = 1000;
    static final int SECONDS_KEPT = 1000;
    static final int MINUTES_KEPT = 1500;
    private static final KlineInterval SECOND = KlineInterval.parse("1s");
    private static final KlineInterval MINUTE = KlineInterval.parse("1m");

    /**
     * One trade.
     *
     * @param buyerIsMaker true when the buyer's order was resting (the seller took it).
     */
    public record Trade(long id, BigDecimal price, BigDecimal quantity, long time, boolean buyerIsMaker)
    {
    }

    private final Map<String, SymbolTape> tapes = new LinkedHashMap<>();

    BinanceMarketTape(final List<String> symbols)
    {
        for (final String symbol : symbols)
        {
            tapes.put(symbol, new SymbolTape());
        }
    }

    @Override
    public List<String> symbols()
    {
        return List.copyOf(tapes.keySet());
    }

    /** True if the tape took the trade (a served symbol, an id newer than the last). */
    boolean onTrade(final String symbol, final Trade trade)
    {
        final SymbolTape tape = tapes.get(symbol);
        if (tape == null || trade.id() <= tape.lastTradeId)
        {
            return false;
        }
        tape.lastTradeId = trade.id();
        tape.trades.addLast(trade);
        if (tape.trades.size() > RECENT_TRADES)
        {
            tape.trades.removeFirst();
        }
        add(tape.seconds, SECOND, trade, SECONDS_KEPT);
        add(tape.minutes, MINUTE, trade, MINUTES_KEPT);
        return true;
    }

    /** True if the tape took the book's top (a served symbol, an update id newer than the last). */
    boolean onBook(final String symbol, final long updateId, final BigDecimal bid, final BigDecimal bidQuantity,
        final BigDecimal ask, final BigDecimal askQuantity)
    {
        final SymbolTape tape = tapes.get(symbol);
        if (tape == null || updateId <= tape.bookUpdateId)
        {
            return false;
        }
        tape.bookUpdateId = updateId;
        tape.bid = bid;
        tape.bidQuantity = bidQuantity;
        tape.ask = ask;
        tape.askQuantity = askQuantity;
        return true;
    }

    boolean serves(final String symbol)
    {
        return tapes.containsKey(symbol);
    }

    /** The latest {@code limit} trades, oldest first. */
    List<Trade> recentTrades(final String symbol, final int limit)
    {
        final ArrayDeque<Trade> trades = tapes.get(symbol).trades;
        final List<Trade> recent = new ArrayList<>(Math.min(limit, trades.size()));
        final Iterator<Trade> newestFirst = trades.descendingIterator();
        while (newestFirst.hasNext() && recent.size() < limit)
        {
            recent.add(0, newestFirst.next());
        }
        return recent;
    }

    /** The last trade, or null before the first. */
    Trade lastTrade(final String symbol)
    {
        return tapes.get(symbol).trades.peekLast();
    }

    /**
     * Candles of {@code interval} overlapping {@code [startTime, endTime]} (either may be absent: -1), oldest first,
     * the latest {@code limit} of them (the first {@code limit} from {@code startTime} when it is given).
     */
    List<Kline> klines(final String symbol, final KlineInterval interval, final long startTime, final long endTime, final int limit)
    {
        final SymbolTape tape = tapes.get(symbol);
        final NavigableMap<Long, Kline> source = interval.millis() == 1_000 ? tape.seconds : tape.minutes;
        final NavigableMap<Long, Kline> merged = new TreeMap<>();
        for (final Kline finer : source.values())
        {
            final long open = interval.openOf(finer.openTime);
            if ((startTime < 0 || interval.closeOf(open) >= startTime) && (endTime < 0 || open <= endTime))
            {
                merged.computeIfAbsent(open, key -> new Kline(key, interval.closeOf(key))).merge(finer);
            }
        }
        final List<Kline> all = new ArrayList<>(merged.values());
        if (all.size() <= limit)
        {
            return all;
        }
        return startTime >= 0 ? all.subList(0, limit) : all.subList(all.size() - limit, all.size());
    }

    /** The candle of {@code interval} holding the last trade, for a kline stream; null before the first trade. */
    Kline currentKline(final String symbol, final KlineInterval interval)
    {
        final Trade last = lastTrade(symbol);
        if (last == null)
        {
            return null;
        }
        final List<Kline> current = klines(symbol, interval, interval.openOf(last.time()), last.time(), 1);
        return current.isEmpty() ? null : current.get(0);
    }

    /** Every trade of the {@code windowMillis} before {@code now} as one candle (the rolling 24-hour statistics). */
    Kline window(final String symbol, final long now, final long windowMillis)
    {
        final Kline total = new Kline(now - windowMillis, now);
        for (final Kline minute : tapes.get(symbol).minutes.tailMap(now - windowMillis, true).values())
        {
            total.merge(minute);
        }
        return total;
    }

    long bookUpdateId(final String symbol)
    {
        return tapes.get(symbol).bookUpdateId;
    }

    BigDecimal bidQuantity(final String symbol)
    {
        return tapes.get(symbol).bidQuantity;
    }

    BigDecimal askQuantity(final String symbol)
    {
        return tapes.get(symbol).askQuantity;
    }

    @Override
    public BigDecimal bestBid(final String symbol)
    {
        final SymbolTape tape = tapes.get(symbol);
        return tape == null ? null : tape.bid;
    }

    @Override
    public BigDecimal bestAsk(final String symbol)
    {
        final SymbolTape tape = tapes.get(symbol);
        return tape == null ? null : tape.ask;
    }

    @Override
    public BigDecimal lastPrice(final String symbol)
    {
        final SymbolTape tape = tapes.get(symbol);
        return tape == null || tape.trades.isEmpty() ? null : tape.trades.peekLast().price();
    }

    private static void add(final NavigableMap<Long, Kline> candles, final KlineInterval interval, final Trade trade, final int kept)
    {
        final long open = interval.openOf(trade.time());
        candles.computeIfAbsent(open, key -> new Kline(key, interval.closeOf(key))).add(trade);
        while (candles.size() > kept)
        {
            candles.pollFirstEntry();
        }
    }

    /** One symbol's memory. */
    private static final class SymbolTape
    {
        final ArrayDeque<Trade> trades = new ArrayDeque<>();
        final NavigableMap<Long, Kline> seconds = new TreeMap<>();
        final NavigableMap<Long, Kline> minutes = new TreeMap<>();
        long lastTradeId = -1;
        long bookUpdateId = -1;
        BigDecimal bid;
        BigDecimal bidQuantity;
        BigDecimal ask;
        BigDecimal askQuantity;
    }
}
