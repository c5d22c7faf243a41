package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.sim.MarketSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What the emulator knows of the market its public endpoints quote: each catalog product's latest
 * {@link MarketSnapshot} and one-minute candles built from the trades seen. A product nobody has quoted gets
 * a synthetic book one tick either side of its price (its fill price, else the catalog's reference price);
 * in {@code peregrine sim} the simulated exchange's snapshots replace it. Called under the emulator's lock.
 */
final class EmulatorMarket
{
    /** Levels a side of a synthetic book. */
    private static final int SYNTHETIC_DEPTH = 10;
    /** One-minute candles kept per product: two days, enough for any granularity's 350-candle page of minutes. */
    private static final int MINUTES_KEPT = 2 * 24 * 60;

    private final ProductCatalog catalog;
    private final LongSupplier epochMillis;
    private final Map<String, MarketSnapshot> quotes = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Long, long[]>> minutes = new HashMap<>();
    private final Map<String, Long> lastTradeIds = new HashMap<>();
    private final java.util.Set<String> quoted = new java.util.HashSet<>();

    EmulatorMarket(final ProductCatalog catalog, final LongSupplier epochMillis)
    {
        this.catalog = catalog;
        this.epochMillis = epochMillis;
    }

    ProductCatalog catalog()
    {
        return catalog;
    }

    /**
     * A product's price moved with no book behind it: a synthetic book around {@code price}, unless a real
     * market ({@link #quote}) has been given for it, which it would otherwise hide until the next quote.
     */
    void price(final String productId, final long price)
    {
        if (quoted.contains(productId))
        {
            return;
        }
        final ProductCatalog.Product product = catalog.find(productId);
        final long tick = product == null ? 1 : product.priceIncrement();
        final List<MarketSnapshot.Level> bids = new ArrayList<>();
        final List<MarketSnapshot.Level> asks = new ArrayList<>();
        for (int i = 1; i <= SYNTHETIC_DEPTH; i++)
        {
            bids.add(new MarketSnapshot.Level(Math.max(tick, price - i * tick), FixedPoint.SCALE));
            asks.add(new MarketSnapshot.Level(price + i * tick, FixedPoint.SCALE));
        }
        keep(new MarketSnapshot(productId, bids.get(0).price(), FixedPoint.SCALE, asks.get(0).price(), FixedPoint.SCALE,
            price, price, price, 0, bids, asks, List.of()));
    }

    /** The market now for one product: its book, its new trades into the candles. */
    void quote(final MarketSnapshot snapshot)
    {
        quoted.add(snapshot.productId());
        keep(snapshot);
    }

    private void keep(final MarketSnapshot snapshot)
    {
        quotes.put(snapshot.productId(), snapshot);
        final NavigableMap<Long, long[]> candles = minutes.computeIfAbsent(snapshot.productId(), k -> new TreeMap<>());
        if (snapshot.trades().isEmpty())
        {
            add(candles, epochMillis.getAsLong() / 1000, snapshot.last(), 0);
        }
        final long seen = lastTradeIds.getOrDefault(snapshot.productId(), Long.MIN_VALUE);
        for (int i = snapshot.trades().size() - 1; i >= 0; i--)
        {
            final MarketSnapshot.Trade trade = snapshot.trades().get(i);
            if (trade.tradeId() > seen)
            {
                add(candles, trade.epochNanos() / 1_000_000_000L, trade.price(), trade.size());
                lastTradeIds.put(snapshot.productId(), trade.tradeId());
            }
        }
        while (candles.size() > MINUTES_KEPT)
        {
            candles.pollFirstEntry();
        }
    }

    /** The product's market, or null when the catalog does not list it. */
    MarketSnapshot snapshot(final String productId)
    {
        final ProductCatalog.Product product = catalog.find(productId);
        if (product == null)
        {
            return null;
        }
        if (!quotes.containsKey(productId))
        {
            price(productId, product.referencePrice());
        }
        return quotes.get(productId);
    }

    /**
     * Candles of {@code seconds} each whose start lies in {@code [startSecond, endSecond)}, newest first, made
     * from the one-minute ones: {@code {start, open, high, low, close, volume}} as scaled longs.
     */
    List<long[]> candles(final String productId, final long seconds, final long startSecond, final long endSecond)
    {
        final NavigableMap<Long, long[]> source = minutes.getOrDefault(productId, new TreeMap<>());
        final NavigableMap<Long, long[]> merged = new TreeMap<>();
        for (final Map.Entry<Long, long[]> minute : source.subMap(startSecond - startSecond % seconds, true, endSecond, false).entrySet())
        {
            final long start = minute.getKey() - minute.getKey() % seconds;
            if (start < startSecond)
            {
                continue;
            }
            final long[] m = minute.getValue();
            final long[] c = merged.get(start);
            if (c == null)
            {
                merged.put(start, new long[] {start, m[0], m[1], m[2], m[3], m[4]});
            }
            else
            {
                c[2] = Math.max(c[2], m[1]);
                c[3] = Math.min(c[3], m[2]);
                c[4] = m[3];
                c[5] += m[4];
            }
        }
        return new ArrayList<>(merged.descendingMap().values());
    }

    /** {@code {open, high, low, close, volume}} of the minute holding {@code second}. */
    private static void add(final NavigableMap<Long, long[]> candles, final long second, final long price, final long size)
    {
        final long minute = second - Math.floorMod(second, 60);
        final long[] c = candles.get(minute);
        if (c == null)
        {
            candles.put(minute, new long[] {price, price, price, price, size});
            return;
        }
        c[1] = Math.max(c[1], price);
        c[2] = Math.min(c[2], price);
        c[3] = price;
        c[4] += size;
    }
}
