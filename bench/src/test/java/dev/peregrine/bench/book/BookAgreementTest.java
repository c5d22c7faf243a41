package dev.peregrine.bench.book;

import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.bench.capture.RealCaptures;
import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The book comparison is only fair if the books do the same job: after the real BTC-USD snapshot and
 * update stream they must hold exactly the same levels. Checked for both core configurations the benchmark
 * times (the engine's, on the product's tick, and the sorted part alone), and for the benchmark's looping
 * assumption, that a second pass over the stream ends in the same state as the first.
 */
class BookAgreementTest
{
    @Test
    void engineBookAndTreeMapBookEndInTheSameStateAfterTheRealStream()
    {
        agreeAfterTheRealStream(BookBenchmark.engineBook());
    }

    @Test
    void sortedOnlyBookAndTreeMapBookEndInTheSameStateAfterTheRealStream()
    {
        agreeAfterTheRealStream(new OrderBook(1024));
    }

    /** The smallest case of the defect this benchmark once found in core's level search. */
    @Test
    void coreBookSideKeepsTheHighestBidBest()
    {
        final BookSide bids = new BookSide(true, 16);
        bids.set(100, 1);
        bids.set(99, 1);
        bids.set(98, 1);
        assertThat(bids.bestPrice()).isEqualTo(100);
    }

    private static void agreeAfterTheRealStream(final OrderBook orderBook)
    {
        final String dir = ExternalResources.sharedDataFile(RealCaptures.COINBASE).getParent().toString();
        final Level2Stream stream = Level2Stream.load(CoinbaseCapture.load(dir), BookBenchmark.PRODUCT);
        final TreeMapBook treeMapBook = new TreeMapBook();

        BookBenchmark.loadSnapshot(stream, orderBook, treeMapBook);
        assertThat(stream.snapshotLevels()).isEqualTo(46_000); // the capture README's BTC-USD snapshot
        assertSameLevels(orderBook, treeMapBook);

        final long orderBookChecksum = BookBenchmark.applyUpdates(stream, orderBook);
        final long treeMapChecksum = BookBenchmark.applyUpdates(stream, treeMapBook);
        assertThat(orderBookChecksum).as("best bid/ask after every message").isEqualTo(treeMapChecksum);
        assertSameLevels(orderBook, treeMapBook);
        assertThat(orderBook.isCrossed()).isFalse();

        final long afterOnePass = orderBook.hash(1);
        BookBenchmark.applyUpdates(stream, orderBook);
        BookBenchmark.applyUpdates(stream, treeMapBook);
        assertThat(orderBook.hash(1)).as("a repeated pass ends where the first did").isEqualTo(afterOnePass);
        assertSameLevels(orderBook, treeMapBook);
    }

    private static void assertSameLevels(final OrderBook orderBook, final TreeMapBook treeMapBook)
    {
        assertThat(levels(orderBook.bids())).isEqualTo(levels(treeMapBook.bids().descendingMap()));
        assertThat(levels(orderBook.asks())).isEqualTo(levels(treeMapBook.asks()));
    }

    /** Levels best first, as "price x quantity". */
    private static List<String> levels(final BookSide side)
    {
        final List<String> levels = new ArrayList<>(side.depth());
        for (int i = 0; i < side.depth(); i++)
        {
            levels.add(side.priceAt(i) + " x " + side.quantityAt(i));
        }
        return levels;
    }

    private static List<String> levels(final NavigableMap<Long, Long> bestFirst)
    {
        final List<String> levels = new ArrayList<>(bestFirst.size());
        for (final Map.Entry<Long, Long> level : bestFirst.entrySet())
        {
            levels.add(level.getKey() + " x " + level.getValue());
        }
        return levels;
    }
}
