package dev.peregrine.gateway.sim;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;

import java.util.SplittableRandom;

/**
 * The market of one simulated product: a seeded random walk of the best bid in whole price ticks (one tick a
 * move by default; a move sized in basis points of the price where a market must move like a real one, e.g. a
 * BTC perpetual, whose 0.1 tick is a hundred-thousandth of its price), a spread of one to three ticks, and one trade per {@link #step}, printed at the ask when the maker sold
 * and at the bid when the maker bought (Coinbase reports the maker's side). Sizes are whole multiples
 * of the size increment. The same seed and steps give the same prices, sizes and sides.
 *
 * <p>Keeps the last {@value #HISTORY} trades for the {@code market_trades} snapshot and running
 * statistics for the ticker's 24 h fields (here: since the simulator started).
 */
final class SimulatedProduct
{
    static final int HISTORY = 100;
    /** Levels per side of the simulated book: a few hundred, like the near part of a real one. */
    static final int BOOK_DEPTH = 300;
    /** Deepest level, in ticks from the top, that a random book change may touch. */
    private static final int CHURN_TICKS = 400;
    private static final long MIN_BID_TICKS = 10;

    private final String symbol;
    private final long tick;
    private final long lot;
    private final long referencePrice;
    private final SplittableRandom random;
    /** Size of a move in basis points of the price; 0 = one tick. */
    private final double moveBasisPoints;
    private final SimulatedBook book = new SimulatedBook();

    private long bidTicks;
    private long bid;
    private long ask;
    private long bidQuantity;
    private long askQuantity;
    private long low;
    private long high;
    private long volume;
    private long nextTradeId = 100_000_000L;

    // Trade history as a circular buffer of primitives, newest at (count - 1) % HISTORY.
    private final long[] tradeIds = new long[HISTORY];
    private final long[] prices = new long[HISTORY];
    private final long[] sizes = new long[HISTORY];
    private final int[] sides = new int[HISTORY];
    private final long[] times = new long[HISTORY];
    private long tradeCount;

    SimulatedProduct(final ProductCatalog.Product product, final SplittableRandom random)
    {
        this(product, random, SimulatedExchangeConfig.ONE_TICK_MOVES);
    }

    /** @param moveBasisPoints size of one move in basis points of the price, rounded to whole ticks (at least one); 0 = one tick. */
    SimulatedProduct(final ProductCatalog.Product product, final SplittableRandom random, final double moveBasisPoints)
    {
        this.moveBasisPoints = moveBasisPoints;
        this.symbol = product.symbol();
        this.tick = product.priceIncrement();
        this.lot = product.sizeIncrement();
        this.referencePrice = FixedPoint.floorToIncrement(product.referencePrice(), tick);
        this.random = random;
        this.bidTicks = Math.max(MIN_BID_TICKS, referencePrice / tick);
        this.low = referencePrice;
        this.high = referencePrice;
        quote();
        book.keepDepth(BOOK_DEPTH, tick, this::gapTicks, this::randomSize);
        book.clearChanges();
    }

    /**
     * Moves the market one step and prints one trade at {@code timeNanos}. The book follows: the new
     * best bid and ask become its top levels, the trade takes its size from the level it printed at
     * (never all of it, so the top stays where the ticker says), a few deeper levels change, and each
     * side is kept {@value #BOOK_DEPTH} levels deep. {@link SimulatedBook} keeps what changed.
     */
    void step(final long timeNanos)
    {
        book.clearChanges();
        final int move = random.nextInt(100);
        if (move < 35)
        {
            bidTicks = Math.max(MIN_BID_TICKS, bidTicks - moveTicks());
        }
        else if (move < 70)
        {
            bidTicks += moveTicks();
        }
        quote();
        final int makerSide = random.nextBoolean() ? Side.SELL : Side.BUY;
        final long price = makerSide == Side.SELL ? ask : bid;
        final long resting = makerSide == Side.SELL ? askQuantity : bidQuantity;
        final long size = Math.min(randomSize(price), resting - lot);
        if (makerSide == Side.SELL)
        {
            askQuantity -= size;
        }
        else
        {
            bidQuantity -= size;
        }
        book.set(makerSide == Side.BUY, price, resting - size);
        churn();
        book.keepDepth(BOOK_DEPTH, tick, this::gapTicks, this::randomSize);
        final int slot = (int)(tradeCount % HISTORY);
        tradeIds[slot] = nextTradeId++;
        prices[slot] = price;
        sizes[slot] = size;
        sides[slot] = makerSide;
        times[slot] = timeNanos;
        tradeCount++;
        volume += size;
        low = Math.min(low, price);
        high = Math.max(high, price);
    }

    /** Ticks of the next move: one, or {@link #moveBasisPoints} of the bid rounded to whole ticks (bid / tick = bidTicks). */
    long moveTicks()
    {
        return moveBasisPoints == 0 ? 1 : Math.max(1L, Math.round(bidTicks * moveBasisPoints / 10_000.0));
    }

    private void quote()
    {
        bid = bidTicks * tick;
        ask = bid + (1 + random.nextInt(3)) * tick;
        // One lot more than a random size, so a trade can always leave at least a lot resting.
        bidQuantity = randomSize(bid) + lot;
        askQuantity = randomSize(ask) + lot;
        book.moveTop(bid, bidQuantity, ask, askQuantity);
    }

    /** Two random changes below the top: a new or resized level, sometimes a removed one. */
    private void churn()
    {
        for (int i = 0; i < 2; i++)
        {
            final boolean bidSide = random.nextBoolean();
            final long distance = (1 + random.nextInt(CHURN_TICKS)) * tick;
            final long price = bidSide ? bid - distance : ask + distance;
            final boolean remove = random.nextInt(10) < 3;
            final long size = randomSize(Math.max(price, tick));
            if (price > 0)
            {
                book.set(bidSide, price, remove ? 0 : size);
            }
        }
    }

    private int gapTicks()
    {
        return 1 + random.nextInt(3);
    }

    /** This product now, for a REST view of the market: {@code depth} levels a side at most, the kept trades newest first. */
    MarketSnapshot snapshot(final int depth)
    {
        final java.util.List<MarketSnapshot.Trade> trades = new java.util.ArrayList<>(historySize());
        for (int age = 0; age < historySize(); age++)
        {
            final int i = newest(age);
            trades.add(new MarketSnapshot.Trade(tradeIds[i], prices[i], sizes[i], sides[i], times[i]));
        }
        return new MarketSnapshot(symbol, bid, bidQuantity, ask, askQuantity, last(), low, high, volume,
            levels(book.bids(), depth), levels(book.asks(), depth), trades);
    }

    private static java.util.List<MarketSnapshot.Level> levels(final java.util.NavigableMap<Long, Long> side, final int depth)
    {
        final java.util.List<MarketSnapshot.Level> levels = new java.util.ArrayList<>(Math.min(depth, side.size()));
        for (final java.util.Map.Entry<Long, Long> level : side.entrySet())
        {
            if (levels.size() == depth)
            {
                break;
            }
            levels.add(new MarketSnapshot.Level(level.getKey(), level.getValue()));
        }
        return levels;
    }

    SimulatedBook book()
    {
        return book;
    }

    /** A size worth between 10 and 5000 in the quote currency, in whole lots, at least one lot. */
    private long randomSize(final long price)
    {
        final double notional = 10.0 + random.nextDouble() * 4_990.0;
        final double units = notional / FixedPoint.toDouble(price);
        final long lots = Math.max(1L, (long)(units / FixedPoint.toDouble(lot)));
        return lots * lot;
    }

    String symbol()
    {
        return symbol;
    }

    long bid()
    {
        return bid;
    }

    long ask()
    {
        return ask;
    }

    long bidQuantity()
    {
        return bidQuantity;
    }

    long askQuantity()
    {
        return askQuantity;
    }

    /** Price of the last trade, or the reference price before the first. */
    long last()
    {
        return tradeCount == 0 ? referencePrice : prices[newest(0)];
    }

    long referencePrice()
    {
        return referencePrice;
    }

    long low()
    {
        return low;
    }

    long high()
    {
        return high;
    }

    long volume()
    {
        return volume;
    }

    /** Number of trades kept for the snapshot (at most {@value #HISTORY}). */
    int historySize()
    {
        return (int)Math.min(tradeCount, HISTORY);
    }

    /** Index of the trade {@code age} steps back from the newest (0 = newest). */
    int newest(final int age)
    {
        return (int)((tradeCount - 1 - age) % HISTORY);
    }

    long tradeId(final int index)
    {
        return tradeIds[index];
    }

    long price(final int index)
    {
        return prices[index];
    }

    long size(final int index)
    {
        return sizes[index];
    }

    int side(final int index)
    {
        return sides[index];
    }

    long time(final int index)
    {
        return times[index];
    }
}
