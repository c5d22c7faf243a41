package dev.peregrine.acceptance.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded random walk of trades that looks like a liquid crypto market, so a backtest on it meets what it
 * would meet on real data: prices on the instrument's tick moving as a geometric random walk (about 50 %
 * annual volatility), sizes lognormal (a median of a few hundredths, a long tail of large prints) on the
 * instrument's lot, taker sides with some persistence, arrivals as a Poisson process with a mean gap of about a
 * hundred milliseconds, and now and then a burst (a sweep: dozens of prints a few milliseconds apart, in one
 * direction). The mean gap is chosen so a million trades span more than a day: annualized statistics (Sharpe)
 * over less are not meaningful, and the cases compare the summary's Sharpe with the report's.
 *
 * <p>The same seed gives the same trades byte for byte, so a failing case can be rerun on the same data.
 * The walk is written in the formats {@code peregrine backtest --data} reads: the generic trades CSV, a Binance
 * trade archive and OHLCV candles aggregated from the same trades.
 */
public final class RandomWalkMarket
{
    /** One trade of the walk, reused: prices and sizes are scaled longs, as the engine keeps them. */
    public static final class Trade
    {
        public long timeMillis;
        /** Price in ticks of {@link #priceTick}. */
        public long priceTicks;
        /** Size in lots of {@link #sizeLot}. */
        public long sizeLots;
        public boolean takerBuys;
    }

    private static final double ANNUAL_VOLATILITY = 0.5;
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;
    private static final double MEAN_GAP_MILLIS = 105;
    private static final double BURST_PROBABILITY = 0.0008;

    private final SplittableRandom random;
    private final double priceTick;
    private final double sizeLot;
    private final double medianSize;
    private double price;
    private long timeMillis;
    private int burstLeft;
    private boolean burstBuys;
    private boolean lastBuy;

    /**
     * @param seed        the walk's seed
     * @param startMillis epoch milliseconds of the first trade
     * @param startPrice  the first price, in quote currency
     * @param priceTick   the instrument's price increment (prices are whole multiples of it)
     * @param sizeLot     the instrument's size increment (sizes are whole multiples of it, at least one)
     * @param medianSize  median trade size in base currency
     */
    public RandomWalkMarket(final long seed, final long startMillis, final double startPrice, final double priceTick,
        final double sizeLot, final double medianSize)
    {
        if (priceTick <= 0 || sizeLot <= 0 || startPrice <= priceTick || medianSize < sizeLot)
        {
            throw new IllegalArgumentException("need 0 < tick < start price and 0 < lot <= median size: tick " + priceTick +
                ", start " + startPrice + ", lot " + sizeLot + ", median " + medianSize);
        }
        this.random = new SplittableRandom(seed);
        this.priceTick = priceTick;
        this.sizeLot = sizeLot;
        this.medianSize = medianSize;
        this.price = startPrice;
        this.timeMillis = startMillis;
    }

    /** Fills {@code into} with the next trade of the walk. */
    public void next(final Trade into)
    {
        final double gapMillis;
        final boolean buy;
        if (burstLeft > 0)
        {
            burstLeft--;
            gapMillis = exponential(2.0);
            buy = burstBuys;
        }
        else
        {
            if (random.nextDouble() < BURST_PROBABILITY)
            {
                burstLeft = 20 + random.nextInt(180);
                burstBuys = random.nextBoolean();
            }
            gapMillis = exponential(MEAN_GAP_MILLIS);
            // Taker sides persist a little (order flow is autocorrelated in real markets).
            buy = random.nextDouble() < 0.6 ? lastBuy : random.nextBoolean();
        }
        lastBuy = buy;
        final long gap = (long)gapMillis;
        timeMillis += gap;
        // The diffusion scales with elapsed time (at least a millisecond, so a same-millisecond print still moves
        // the price a little); a burst pushes the price its way by a tick or two.
        final double sigma = ANNUAL_VOLATILITY * Math.sqrt(Math.max(gap, 1) / 1000.0 / SECONDS_PER_YEAR);
        price *= Math.exp(sigma * random.nextGaussian());
        if (burstLeft > 0)
        {
            price += (burstBuys ? 1 : -1) * priceTick * random.nextInt(3);
        }
        into.timeMillis = timeMillis;
        into.priceTicks = Math.max(1, Math.round(price / priceTick));
        final double size = medianSize * Math.exp(1.1 * random.nextGaussian());
        into.sizeLots = Math.max(1, Math.round(size / sizeLot));
        into.takerBuys = buy;
    }

    private double exponential(final double mean)
    {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    public double priceTick()
    {
        return priceTick;
    }

    public double sizeLot()
    {
        return sizeLot;
    }

    /** {@code value * unit} as a plain decimal with {@code decimals} places, without a String per digit or float noise. */
    static void appendScaled(final StringBuilder sb, final long value, final int decimals)
    {
        final long scale = pow10(decimals);
        final long whole = value / scale;
        final long fraction = value % scale;
        sb.append(whole);
        if (decimals > 0)
        {
            sb.append('.');
            final String digits = Long.toString(fraction);
            for (int i = digits.length(); i < decimals; i++)
            {
                sb.append('0');
            }
            sb.append(digits);
        }
    }

    static long pow10(final int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    /** The number of decimals of an increment such as 0.01 or 0.00001. */
    static int decimals(final double increment)
    {
        int d = 0;
        while (Math.abs(increment * pow10(d) - Math.rint(increment * pow10(d))) > 1e-9)
        {
            d++;
        }
        return d;
    }

    /**
     * How the walk's ticks and lots are written as decimal text: the digits after the point, and what one tick or lot
     * is in units of the last digit. One for the three file writers below, so each writes the same numbers.
     */
    private record TextScale(int priceDecimals, int sizeDecimals, long tickUnits, long lotUnits)
    {
        static TextScale of(final RandomWalkMarket walk)
        {
            final int priceDecimals = decimals(walk.priceTick);
            final int sizeDecimals = decimals(walk.sizeLot);
            return new TextScale(priceDecimals, sizeDecimals, Math.round(walk.priceTick * pow10(priceDecimals)),
                Math.round(walk.sizeLot * pow10(sizeDecimals)));
        }

        /** Appends {@code ticks} as a price. */
        StringBuilder price(final StringBuilder sb, final long ticks)
        {
            appendScaled(sb, ticks * tickUnits, priceDecimals);
            return sb;
        }

        /** Appends {@code lots} as a quantity. */
        StringBuilder size(final StringBuilder sb, final long lots)
        {
            appendScaled(sb, lots * lotUnits, sizeDecimals);
            return sb;
        }
    }

    /** Writes a {@code timestamp,price,quantity,side} file (the generic trades CSV; side is the taker's). */
    public static void writeTradesCsv(final RandomWalkMarket walk, final long trades, final Path file) throws IOException
    {
        final TextScale scale = TextScale.of(walk);
        final Trade t = new Trade();
        final StringBuilder sb = new StringBuilder(64);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII))
        {
            out.write("timestamp,price,quantity,side\n");
            for (long i = 0; i < trades; i++)
            {
                walk.next(t);
                sb.setLength(0);
                sb.append(t.timeMillis).append(',');
                scale.price(sb, t.priceTicks).append(',');
                scale.size(sb, t.sizeLots);
                sb.append(t.takerBuys ? ",buy\n" : ",sell\n");
                out.append(sb);
            }
        }
    }

    /**
     * Writes a Binance spot trade archive as data.binance.vision publishes it: no header,
     * {@code id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}, time in milliseconds.
     */
    public static void writeBinanceTrades(final RandomWalkMarket walk, final long trades, final Path file) throws IOException
    {
        final TextScale scale = TextScale.of(walk);
        final Trade t = new Trade();
        final StringBuilder sb = new StringBuilder(96);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII))
        {
            for (long i = 0; i < trades; i++)
            {
                walk.next(t);
                sb.setLength(0);
                sb.append(1_000_000_000L + i).append(',');
                scale.price(sb, t.priceTicks).append(',');
                scale.size(sb, t.sizeLots);
                sb.append(',');
                // quote_qty = price x qty, exactly, at price decimals + size decimals
                appendScaled(sb, t.priceTicks * scale.tickUnits * t.sizeLots * scale.lotUnits,
                    scale.priceDecimals + scale.sizeDecimals);
                sb.append(',').append(t.timeMillis);
                // The buyer is the maker when the taker sells.
                sb.append(t.takerBuys ? ",False,True\n" : ",True,True\n");
                out.append(sb);
            }
        }
    }

    /**
     * Writes OHLCV candles ({@code timestamp,open,high,low,close,volume}, timestamp = candle start in epoch ms)
     * of {@code intervalMillis} aggregated from {@code trades} trades of the walk; intervals without trades
     * are left out, as exchanges do.
     */
    public static long writeOhlcvCandles(final RandomWalkMarket walk, final long trades, final long intervalMillis,
        final Path file) throws IOException
    {
        final TextScale scale = TextScale.of(walk);
        final Trade t = new Trade();
        final StringBuilder sb = new StringBuilder(96);
        long candles = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII))
        {
            out.write("timestamp,open,high,low,close,volume\n");
            long start = Long.MIN_VALUE;
            long open = 0;
            long high = 0;
            long low = 0;
            long close = 0;
            long volume = 0;
            for (long i = 0; i <= trades; i++)
            {
                final boolean more = i < trades;
                if (more)
                {
                    walk.next(t);
                }
                final long bucket = more ? t.timeMillis - Math.floorMod(t.timeMillis, intervalMillis) : Long.MAX_VALUE;
                if (bucket != start && start != Long.MIN_VALUE)
                {
                    sb.setLength(0);
                    sb.append(start).append(',');
                    scale.price(sb, open).append(',');
                    scale.price(sb, high).append(',');
                    scale.price(sb, low).append(',');
                    scale.price(sb, close).append(',');
                    scale.size(sb, volume);
                    sb.append('\n');
                    out.append(sb);
                    candles++;
                }
                if (!more)
                {
                    break;
                }
                if (bucket != start)
                {
                    start = bucket;
                    open = high = low = t.priceTicks;
                    volume = 0;
                }
                high = Math.max(high, t.priceTicks);
                low = Math.min(low, t.priceTicks);
                close = t.priceTicks;
                volume += t.sizeLots;
            }
        }
        return candles;
    }
}
