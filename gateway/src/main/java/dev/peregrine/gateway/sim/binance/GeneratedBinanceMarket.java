package dev.peregrine.gateway.sim.binance;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.VenueRegistry;
import io.netty.channel.EventLoop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A generated Binance market: per symbol a seeded random walk of the mid with a {@value #LEVELS}-level
 * book a side around it. Every {@value #TICK_MILLIS} ms each symbol changes a few levels, prints one
 * trade at the touch and sends a bookTicker; every {@value #DIFF_MILLIS} ms the changes since the last
 * diff go out as one {@code depthUpdate} whose {@code U..u} continue the previous one ({@code <symbol>@depth@100ms}),
 * and every {@value #SLOW_DIFF_MILLIS} ms those of the second ({@code <symbol>@depth}). Each level change
 * takes one update id, as on the venue, so the REST snapshot ({@code lastUpdateId} = the latest id) is
 * consistent with the diffs. Loop thread only, hence no locks.
 */
public final class GeneratedBinanceMarket implements BinanceMarketSource
{
    static final int LEVELS = 20;
    static final int TICK_MILLIS = 10;
    static final int DIFF_MILLIS = 100;
    /** The pace of {@code <symbol>@depth}, the diff stream without a speed suffix. */
    static final int SLOW_DIFF_MILLIS = 1000;

    private final List<SymbolMarket> markets = new ArrayList<>();
    private BinanceMarketListener listener;
    private final Random random;
    private volatile boolean dropNextDiff;
    private int ticks;
    private long epochMillisBase;
    private long nanoBase;
    /** The mid's move per step in basis points of the reference price; 0 moves it one tick, as the spot market does. */
    private final double stepBps;

    GeneratedBinanceMarket(final List<String> symbols, final long seed)
    {
        this(symbols, seed, VenueRegistry.standard().catalog());
    }

    /** A market for {@code symbols} as {@code known} lists them (increments, reference price): another venue's products. */
    public GeneratedBinanceMarket(final List<String> symbols, final long seed, final ProductCatalog known)
    {
        this(symbols, seed, known, 0);
    }

    /**
     * A market whose mid moves {@code stepBps} basis points of the reference price per move, rounded to whole ticks
     * (at least one): with a move on one step in five and a step every {@value #TICK_MILLIS} ms, 0.2 bp makes a walk
     * of about 0.9 bp a second (0.2 x sqrt(20)), what a BTC perpetual moves; 0 keeps the one-tick walk.
     */
    public GeneratedBinanceMarket(final List<String> symbols, final long seed, final ProductCatalog known,
        final double stepBps)
    {
        if (!(stepBps >= 0 && stepBps < 100))
        {
            throw new IllegalArgumentException("the mid's step must be 0 to 100 bp, was " + stepBps);
        }
        this.stepBps = stepBps;
        random = new Random(seed);
        for (final String symbol : symbols)
        {
            final ProductCatalog.Product product = known.find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + symbol + "' (known: " + known.symbols() + ")");
            }
            markets.add(new SymbolMarket(product));
        }
    }

    @Override
    public void start(final EventLoop loop, final BinanceMarketListener listener)
    {
        listen(listener);
        loop.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onSession(final BinanceSimSession session)
    {
        // The exchange's publisher sends this market's events to every session.
    }

    @Override
    public void onSessionClosed(final BinanceSimSession session)
    {
    }

    @Override
    public List<String> symbols()
    {
        final List<String> symbols = new ArrayList<>();
        markets.forEach(market -> symbols.add(market.symbol));
        return symbols;
    }

    @Override
    public void dropNextDepthDiff()
    {
        dropNextDiff = true;
    }

    /** Synchronized with {@link #tick}: the REST thread must not read a book the loop is changing (a torn snapshot). */
    @Override
    public synchronized String snapshot(final String symbol, final int limit)
    {
        for (final SymbolMarket market : markets)
        {
            if (market.symbol.equals(symbol))
            {
                return market.snapshot(limit);
            }
        }
        return null;
    }

    /** Who hears this market's events; {@link #start} or a test driving {@link #tick} itself. */
    void listen(final BinanceMarketListener listener)
    {
        this.listener = listener;
        epochMillisBase = System.currentTimeMillis();
        nanoBase = System.nanoTime();
    }

    private long nowMillis()
    {
        return epochMillisBase + (System.nanoTime() - nanoBase) / 1_000_000L;
    }

    /** One step of every symbol, every {@value #TICK_MILLIS} ms on the loop. */
    synchronized void tick()
    {
        ticks++;
        final long now = nowMillis();
        final boolean diffDue = ticks % (DIFF_MILLIS / TICK_MILLIS) == 0;
        final boolean secondDue = ticks % (SLOW_DIFF_MILLIS / TICK_MILLIS) == 0;
        for (final SymbolMarket market : markets)
        {
            market.step(now);
            if (secondDue)
            {
                final String slow = market.slowDiff.take(market.symbol, market.updateId, now);
                if (slow != null)
                {
                    broadcast(market.stream("@depth"), slow);
                    broadcast(market.stream("@depth@1000ms"), slow);
                }
            }
            if (diffDue)
            {
                final String diff = market.diff.take(market.symbol, market.updateId, now);
                if (diff != null && dropNextDiff)
                {
                    dropNextDiff = false; // the ids are used up: the client sees U != previous u + 1
                }
                else if (diff != null)
                {
                    broadcast(market.stream("@depth@100ms"), diff);
                }
            }
        }
    }

    /** {@code stepBps} of {@code price} in whole ticks of {@code tick}, at least one. */
    static int stepTicks(final long price, final long tick, final double stepBps)
    {
        return (int) Math.max(1, Math.round(FixedPoint.toDouble(price) * stepBps / 10_000.0 / FixedPoint.toDouble(tick)));
    }

    private void broadcast(final String stream, final String data)
    {
        listener.publish(stream, data);
    }

    private final class SymbolMarket
    {
        final String symbol;
        final String lower;
        final long tick;
        final long lot;
        /** Ticks the mid moves on a move. */
        final int stepTicks;
        long mid;
        long updateId = 1_000_000L;
        long tradeId = 5_000L;
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        final PendingDepthDiff diff = new PendingDepthDiff();
        final PendingDepthDiff slowDiff = new PendingDepthDiff();

        SymbolMarket(final ProductCatalog.Product product)
        {
            symbol = product.symbol();
            lower = symbol.toLowerCase(Locale.ROOT);
            tick = product.priceIncrement();
            lot = product.sizeIncrement();
            mid = FixedPoint.floorToIncrement(product.referencePrice(), tick);
            stepTicks = stepTicks(mid, tick, stepBps);
            for (int k = 1; k <= LEVELS; k++)
            {
                set(true, mid - k * tick, randomQuantity());
                set(false, mid + k * tick, randomQuantity());
            }
            diff.clear();
            slowDiff.clear();
        }

        String stream(final String suffix)
        {
            return lower + suffix;
        }

        long randomQuantity()
        {
            return lot * (1 + random.nextInt(100_000));
        }

        void set(final boolean bid, final long price, final long quantity)
        {
            updateId++;
            final Map<Long, Long> side = bid ? bids : asks;
            if (quantity == 0)
            {
                side.remove(price);
            }
            else
            {
                side.put(price, quantity);
            }
            diff.put(bid, price, quantity, updateId);
            slowDiff.put(bid, price, quantity, updateId);
        }

        void step(final long nowMillis)
        {
            final int move = random.nextInt(10);
            if (move == 0 || move == 1)
            {
                final boolean up = move == 0;
                for (int t = 0; t < stepTicks; t++)
                {
                    moveOneTick(up);
                }
            }
            for (int i = 0; i < 2; i++)
            {
                final boolean bid = random.nextBoolean();
                final long k = 1 + random.nextInt(LEVELS);
                set(bid, bid ? mid - k * tick : mid + k * tick, randomQuantity());
            }
            // One trade at the touch: a buyer-maker print at the bid or a seller-maker print at the ask.
            final boolean buyerIsMaker = random.nextBoolean();
            final long price = buyerIsMaker ? bids.firstKey() : asks.firstKey();
            final long quantity = lot * (1 + random.nextInt(1_000));
            tradeId++;
            broadcast(stream("@trade"), "{\"e\":\"trade\",\"E\":" + nowMillis + ",\"s\":\"" + symbol + "\",\"t\":" + tradeId +
                ",\"p\":\"" + FixedPoint.toString(price) + "\",\"q\":\"" + FixedPoint.toString(quantity) + "\",\"T\":" +
                nowMillis + ",\"m\":" + buyerIsMaker + ",\"M\":true}");
            listener.onTrade(symbol, new BinanceMarketTape.Trade(tradeId, decimal(price), decimal(quantity), nowMillis, buyerIsMaker));
            broadcast(stream("@bookTicker"), "{\"u\":" + updateId + ",\"s\":\"" + symbol + "\",\"b\":\"" +
                FixedPoint.toString(bids.firstKey()) + "\",\"B\":\"" + FixedPoint.toString(bids.firstEntry().getValue()) +
                "\",\"a\":\"" + FixedPoint.toString(asks.firstKey()) + "\",\"A\":\"" +
                FixedPoint.toString(asks.firstEntry().getValue()) + "\"}");
            listener.onBook(symbol, updateId, decimal(bids.firstKey()), decimal(bids.firstEntry().getValue()),
                decimal(asks.firstKey()), decimal(asks.firstEntry().getValue()));
        }

        /** The mid moves one tick: the level that would cross is removed, the far end refilled. */
        private void moveOneTick(final boolean up)
        {
            mid += up ? tick : -tick;
            if (up)
            {
                set(false, mid, 0);
                set(false, mid + LEVELS * tick, randomQuantity());
                set(true, mid - tick, randomQuantity());
                set(true, mid - (LEVELS + 1) * tick, 0);
            }
            else
            {
                set(true, mid, 0);
                set(true, mid - LEVELS * tick, randomQuantity());
                set(false, mid + tick, randomQuantity());
                set(false, mid + (LEVELS + 1) * tick, 0);
            }
        }

        String snapshot(final int limit)
        {
            final StringBuilder sb = new StringBuilder(4096);
            sb.append("{\"lastUpdateId\":").append(updateId).append(",\"bids\":");
            PendingDepthDiff.levels(sb, bids.entrySet().stream().limit(limit).collect(java.util.stream.Collectors.toList()));
            sb.append(",\"asks\":");
            PendingDepthDiff.levels(sb, asks.entrySet().stream().limit(limit).collect(java.util.stream.Collectors.toList()));
            return sb.append('}').toString();
        }

        private static BigDecimal decimal(final long scaled)
        {
            return BigDecimal.valueOf(scaled, FixedPoint.DECIMALS);
        }
    }
}
