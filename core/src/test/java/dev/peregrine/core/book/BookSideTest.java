package dev.peregrine.core.book;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ladder-plus-sorted-levels layout of {@link BookSide}: window moves, off-grid prices, the bitmap search
 * for the next best level, and full depth at real scale, each checked level for level against a TreeMap.
 */
class BookSideTest
{
    private static final long TICK = 1_000_000; // 0.01 in FixedPoint's 8 decimals, as BTC-USD
    private static final int WINDOW = 4096;     // the smallest ladder, so tests cross it cheaply

    @Test
    void windowFollowsTheTouchFarUpAndBackDown()
    {
        for (final boolean bids : new boolean[]{true, false})
        {
            final BookSide side = new BookSide(bids, TICK, WINDOW, 4);
            final Model model = new Model(bids);
            final long direction = bids ? 1 : -1;
            final long start = 6_500_000L * TICK;
            // The touch improves by 100 ticks at a time for 100 windows' worth, leaving a trail of levels.
            for (int i = 0; i < 4_000; i++)
            {
                final long price = start + direction * i * 100 * TICK;
                both(side, model, price, i + 1);
                assertThat(side.bestPrice()).isEqualTo(price);
            }
            assertAgree(side, model);
            assertThat(side.ladderDepth()).as("the ladder followed the touch up").isBetween(20, 41);
            // Then it falls back the whole way, removing each best level: the window must follow it down,
            // adopting the levels it evicted on the way up.
            for (int i = 3_999; i > 0; i--)
            {
                both(side, model, start + direction * i * 100 * TICK, 0);
                assertThat(side.bestPrice()).isEqualTo(start + direction * (i - 1) * 100 * TICK);
                assertThat(side.bestQuantity()).isEqualTo(i);
                assertThat(side.ladderDepth()).as("the ladder followed the touch down").isPositive();
            }
            assertAgree(side, model);
        }
    }

    @Test
    void offGridPricesLiveBesideGridLevelsInPriceOrder()
    {
        final BookSide bids = new BookSide(true, TICK, WINDOW, 4);
        final Model model = new Model(true);
        both(bids, model, 100 * TICK, 1);
        both(bids, model, 100 * TICK + 1, 2);        // one scaled unit above a tick: off the grid, best
        both(bids, model, 99 * TICK + TICK / 2, 3);  // between two ticks inside the window
        both(bids, model, 99 * TICK, 4);
        both(bids, model, -3 * TICK - 7, 5);         // negative and off-grid: still ordered
        assertAgree(bids, model);
        assertThat(bids.bestPrice()).isEqualTo(100 * TICK + 1);
        assertThat(bids.quantityAtPrice(99 * TICK + TICK / 2)).isEqualTo(3);
        both(bids, model, 100 * TICK + 1, 0);
        assertThat(bids.bestPrice()).isEqualTo(100 * TICK);
        both(bids, model, 100 * TICK, 0);
        assertThat(bids.bestPrice()).isEqualTo(99 * TICK + TICK / 2);
        assertAgree(bids, model);
    }

    @Test
    void removingTheBestFindsTheNextAcrossBitmapWordsAndInTheSortedPart()
    {
        final BookSide asks = new BookSide(false, TICK, WINDOW, 4);
        final Model model = new Model(false);
        final long best = 1_000 * TICK;
        both(asks, model, best, 1);
        both(asks, model, best + 63 * TICK, 2);      // same bitmap word as the best (window starts 1024 below)
        both(asks, model, best + 700 * TICK, 3);     // several empty words further
        both(asks, model, best + 2_500 * TICK, 4);   // beyond the window: sorted part
        both(asks, model, best + 2_500 * TICK + 1, 5); // off-grid, right behind it
        assertThat(asks.depth()).isEqualTo(5);
        both(asks, model, best, 0);
        assertThat(asks.bestPrice()).isEqualTo(best + 63 * TICK);
        both(asks, model, best + 63 * TICK, 0);
        assertThat(asks.bestPrice()).isEqualTo(best + 700 * TICK);
        both(asks, model, best + 700 * TICK, 0);
        assertThat(asks.bestPrice()).as("ladder emptied: the next best was in the sorted part").isEqualTo(best + 2_500 * TICK);
        assertThat(asks.ladderDepth()).as("and the window moved to it").isEqualTo(1);
        assertThat(asks.bestQuantity()).isEqualTo(4);
        assertAgree(asks, model);
        both(asks, model, best + 2_500 * TICK, 0);
        assertThat(asks.bestPrice()).isEqualTo(best + 2_500 * TICK + 1);
        assertAgree(asks, model);
    }

    @Test
    void clearEmptiesBothPartsAndTheSideIsReusable()
    {
        final BookSide bids = new BookSide(true, TICK, WINDOW, 4);
        for (int i = 0; i < 10_000; i++)
        {
            bids.set((5_000_000L - i * 3L) * TICK, i + 1);
        }
        bids.set(777, 1); // off-grid
        assertThat(bids.depth()).isEqualTo(10_001);
        bids.clear();
        assertThat(bids.depth()).isZero();
        assertThat(bids.isEmpty()).isTrue();
        assertThat(bids.bestPrice()).isZero();
        assertThat(bids.bestQuantity()).isZero();
        assertThat(bids.quantityAtPrice(5_000_000L * TICK)).isZero();
        assertThat(bids.hash(7)).isEqualTo(new BookSide(true, TICK, WINDOW, 4).hash(7));

        final Model model = new Model(true);
        both(bids, model, 10 * TICK, 1);
        both(bids, model, 11 * TICK, 2);
        both(bids, model, 1_000_000 * TICK, 3);
        assertAgree(bids, model);
    }

    @Test
    void fullDepthAtRealScaleMatchesATreeMap()
    {
        // 50,000 levels per side spread like a real BTC-USD book: dense near the touch, sparse far out.
        final SplittableRandom random = new SplittableRandom(45_000);
        final BookSide bids = new BookSide(true, TICK, OrderBook.DEFAULT_WINDOW_TICKS, 1024);
        final BookSide asks = new BookSide(false, TICK, OrderBook.DEFAULT_WINDOW_TICKS, 1024);
        final Model bidModel = new Model(true);
        final Model askModel = new Model(false);
        final long mid = 6_508_366L * TICK;
        while (bidModel.levels.size() < 50_000 || askModel.levels.size() < 50_000)
        {
            final long distance = random.nextInt(4) == 0 ? random.nextLong(1, 5_000_000) : random.nextLong(1, 60_000);
            both(bids, bidModel, mid - distance * TICK, random.nextLong(1, 1_000_000_000));
            both(asks, askModel, mid + distance * TICK, random.nextLong(1, 1_000_000_000));
        }
        assertAgree(bids, bidModel);
        assertAgree(asks, askModel);
        // Then churn at all depths, with the touch wandering by up to a window: every kind of update.
        long touch = mid;
        for (int i = 0; i < 200_000; i++)
        {
            touch += random.nextLong(-300, 301) * TICK;
            final long distance = random.nextInt(3) == 0 ? random.nextLong(1, 3_000_000) : random.nextLong(1, 3_000);
            final long quantity = random.nextBoolean() ? 0 : random.nextLong(1, 1_000_000_000);
            if (random.nextBoolean())
            {
                both(bids, bidModel, touch - distance * TICK, quantity);
            }
            else
            {
                both(asks, askModel, touch + distance * TICK, quantity);
            }
        }
        assertAgree(bids, bidModel);
        assertAgree(asks, askModel);
        assertThat(bids.hash(1)).isEqualTo(bidModel.hash(1));
        assertThat(asks.hash(1)).isEqualTo(askModel.hash(1));
    }

    @Test
    void walksAreRestartableAndChecked()
    {
        final BookSide asks = new BookSide(false, TICK, WINDOW, 4);
        for (int i = 1; i <= 100; i++)
        {
            asks.set(i * 50 * TICK, i);
        }
        assertThat(asks.priceAt(99)).isEqualTo(5_000 * TICK);
        assertThat(asks.priceAt(3)).as("backwards restarts from the touch").isEqualTo(200 * TICK);
        assertThat(asks.quantityAt(3)).isEqualTo(4);
        asks.set(50 * TICK, 0);
        assertThat(asks.priceAt(3)).as("an update restarts the walk").isEqualTo(250 * TICK);
        assertThatThrownBy(() -> asks.priceAt(99)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> asks.priceAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsATickOrWindowItCannotUse()
    {
        assertThatThrownBy(() -> new BookSide(true, 0, WINDOW, 4)).hasMessageContaining("price increment");
        assertThatThrownBy(() -> new BookSide(true, 1, 5000, 4)).hasMessageContaining("power of two");
    }

    private static void both(final BookSide side, final Model model, final long price, final long quantity)
    {
        side.set(price, quantity);
        model.set(price, quantity);
    }

    static void assertAgree(final BookSide side, final Model model)
    {
        assertThat(side.depth()).isEqualTo(model.levels.size());
        int level = 0;
        for (final Map.Entry<Long, Long> entry : model.levels.entrySet())
        {
            assertThat(side.priceAt(level)).as("price at level %d", level).isEqualTo(entry.getKey());
            assertThat(side.quantityAt(level)).as("quantity at level %d", level).isEqualTo(entry.getValue());
            assertThat(side.quantityAtPrice(entry.getKey())).isEqualTo(entry.getValue());
            level++;
        }
        if (!model.levels.isEmpty())
        {
            assertThat(side.bestPrice()).isEqualTo(model.levels.firstKey());
            assertThat(side.bestQuantity()).isEqualTo(model.levels.firstEntry().getValue());
        }
    }

    /** The reference: a TreeMap ordered best first. */
    static final class Model
    {
        final NavigableMap<Long, Long> levels;

        Model(final boolean bids)
        {
            levels = bids ? new TreeMap<Long, Long>().descendingMap() : new TreeMap<>();
        }

        void set(final long price, final long quantity)
        {
            if (quantity == 0)
            {
                levels.remove(price);
            }
            else
            {
                levels.put(price, quantity);
            }
        }

        long hash(final long seed)
        {
            long h = dev.peregrine.core.output.Hash64.mix(seed, levels.size());
            for (final Map.Entry<Long, Long> entry : levels.entrySet())
            {
                h = dev.peregrine.core.output.Hash64.mix(h, entry.getKey());
                h = dev.peregrine.core.output.Hash64.mix(h, entry.getValue());
            }
            return h;
        }
    }
}
