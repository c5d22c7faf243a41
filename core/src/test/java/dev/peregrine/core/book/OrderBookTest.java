package dev.peregrine.core.book;

import dev.peregrine.core.event.Side;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTest
{
    @Test
    void keepsBestPricesAtTheTouchAndRemovesZeroLevels()
    {
        final OrderBook book = new OrderBook(2);
        book.beginSnapshot();
        book.set(Side.BUY, 100, 5);
        book.set(Side.BUY, 102, 1);
        book.set(Side.BUY, 101, 2);
        book.set(Side.SELL, 105, 7);
        book.set(Side.SELL, 103, 3);
        book.endSnapshot();

        assertThat(book.isSynced()).isTrue();
        assertThat(book.bids().bestPrice()).isEqualTo(102);
        assertThat(book.bids().bestQuantity()).isEqualTo(1);
        assertThat(book.asks().bestPrice()).isEqualTo(103);
        assertThat(book.bids().priceAt(1)).isEqualTo(101);
        assertThat(book.bids().priceAt(2)).isEqualTo(100);
        assertThat(book.asks().priceAt(1)).isEqualTo(105);

        book.set(Side.BUY, 102, 0);
        book.set(Side.SELL, 104, 9);
        book.set(Side.SELL, 999, 0); // removing an unknown level is a no-op
        assertThat(book.bids().bestPrice()).isEqualTo(101);
        assertThat(book.asks().depth()).isEqualTo(3);
        assertThat(book.asks().quantityAtPrice(104)).isEqualTo(9);
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void tradesOnlyWhenNotUsedOrSynced()
    {
        final OrderBook book = new OrderBook(4);
        assertThat(book.state()).isEqualTo(OrderBook.NOT_USED);
        assertThat(book.mayTrade()).isTrue();
        book.invalidate();
        assertThat(book.mayTrade()).as("a gap does not block a quotes-only instrument").isTrue();

        book.set(Side.BUY, 1, 1);
        assertThat(book.mayTrade()).as("updates before any snapshot").isFalse();
        book.beginSnapshot();
        book.set(Side.BUY, 1, 1);
        assertThat(book.mayTrade()).isFalse();
        book.endSnapshot();
        assertThat(book.mayTrade()).isTrue();
        book.invalidate();
        assertThat(book.state()).isEqualTo(OrderBook.SYNCING);
        assertThat(book.mayTrade()).isFalse();
    }

    /** Property test: a long random update stream leaves the book equal to a TreeMap model. */
    @Test
    void agreesWithATreeMapModelOnRandomUpdates()
    {
        agreesWithATreeMapModel(new OrderBook(16));
    }

    /** The same stream through the smallest ladder: updates cross its window and move it all the time. */
    @Test
    void agreesWithATreeMapModelThroughASmallLadder()
    {
        agreesWithATreeMapModel(new OrderBook(1, 4096, 16));
    }

    /** The same stream on a tick of 3 units: two prices in three are off the grid. */
    @Test
    void agreesWithATreeMapModelWithMostPricesOffTheGrid()
    {
        agreesWithATreeMapModel(new OrderBook(3, 4096, 16));
    }

    private static void agreesWithATreeMapModel(final OrderBook book)
    {
        final SplittableRandom random = new SplittableRandom(2026);
        final NavigableMap<Long, Long> bids = new TreeMap<>();
        final NavigableMap<Long, Long> asks = new TreeMap<>();
        book.beginSnapshot();
        book.endSnapshot();
        long mid = 1_000_000;
        for (int i = 0; i < 200_000; i++)
        {
            mid += random.nextInt(-3, 4);
            final boolean bid = random.nextBoolean();
            // Most updates near the touch, some far away: the shape of a real feed.
            final long distance = random.nextInt(10) < 8 ? random.nextInt(1, 20) : random.nextInt(1, 5_000);
            final long price = bid ? mid - distance : mid + distance;
            final long quantity = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 1_000_000);
            book.set(bid ? Side.BUY : Side.SELL, price, quantity);
            final NavigableMap<Long, Long> model = bid ? bids : asks;
            if (quantity == 0)
            {
                model.remove(price);
            }
            else
            {
                model.put(price, quantity);
            }
            if (i % 997 == 0)
            {
                assertSame(book.bids(), bids.descendingMap());
                assertSame(book.asks(), asks);
            }
        }
        assertSame(book.bids(), bids.descendingMap());
        assertSame(book.asks(), asks);
    }

    private static void assertSame(final BookSide side, final Map<Long, Long> bestFirst)
    {
        assertThat(side.depth()).isEqualTo(bestFirst.size());
        int level = 0;
        for (final Map.Entry<Long, Long> entry : bestFirst.entrySet())
        {
            assertThat(side.priceAt(level)).isEqualTo(entry.getKey());
            assertThat(side.quantityAt(level)).isEqualTo(entry.getValue());
            level++;
        }
    }
}
