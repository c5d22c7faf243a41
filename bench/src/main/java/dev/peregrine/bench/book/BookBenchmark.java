package dev.peregrine.bench.book;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.core.book.OrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Book update cost at a real venue's depth: the core {@link OrderBook} against a {@link TreeMapBook}, both
 * loaded with the real BTC-USD {@code l2_data} snapshot of the Coinbase capture (46,000 levels), then fed
 * the capture's BTC-USD update stream, with the best bid and ask (price and quantity) read after each
 * message, as a strategy would.
 *
 * <ul>
 *   <li>{@code orderBook}: as the engine builds it, on BTC-USD's price increment (0.01), so updates within
 *       the ladder's window of the touch are array stores and the rest go to the blocked sorted part;</li>
 *   <li>{@code orderBookSortedOnly}: the same class on a grid of one scaled unit, whose ladder then holds
 *       next to nothing: what the sorted part alone costs, i.e. what the ladder buys;</li>
 *   <li>{@code treeMap}: the baseline.</li>
 * </ul>
 *
 * <p>One operation is one pass over the whole update stream ({@link Level2Stream#updateLevels()} level
 * updates in {@link Level2Stream#updateMessages()} messages), so JMH reports microseconds per pass and
 * {@code GatewayComparison} divides by the level count for ns and bytes per level update. Passes repeat
 * the same stream: every level is an absolute set, so after the first pass each pass ends in the same
 * state and the book keeps the real depth instead of drifting.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BookBenchmark
{
    public static final String PRODUCT = "BTC-USD";
    /** The engine's own starting depth ({@code MarketState}); the snapshot grows it at setup. */
    private static final int INITIAL_DEPTH = 1024;

    /** Folder of the real captures; empty: {@code -Dperegrine.sharedData}, else ../shared/data/real. */
    @Param({""})
    public String sharedData;

    private Level2Stream stream;
    private OrderBook orderBook;
    private OrderBook sortedOnlyBook;
    private TreeMapBook treeMapBook;

    /** The book as {@code MarketState} builds it for {@link #PRODUCT}: on the product's price increment. */
    public static OrderBook engineBook()
    {
        return new OrderBook(VenueRegistry.standard().catalog().find(PRODUCT).priceIncrement(), INITIAL_DEPTH);
    }

    @Setup
    public void setUp()
    {
        stream = Level2Stream.load(CoinbaseCapture.load(sharedData), PRODUCT);
        orderBook = engineBook();
        treeMapBook = new TreeMapBook();
        loadSnapshot(stream, orderBook, treeMapBook);
        sortedOnlyBook = new OrderBook(INITIAL_DEPTH);
        loadSnapshot(stream, sortedOnlyBook, new TreeMapBook());
    }

    @Benchmark
    public long orderBook()
    {
        return applyUpdates(stream, orderBook);
    }

    /** Core's book with a one-unit grid: every real price lands in the sorted part. */
    @Benchmark
    public long orderBookSortedOnly()
    {
        return applyUpdates(stream, sortedOnlyBook);
    }

    @Benchmark
    public long treeMap()
    {
        return applyUpdates(stream, treeMapBook);
    }

    public static void loadSnapshot(final Level2Stream stream, final OrderBook orderBook, final TreeMapBook treeMapBook)
    {
        orderBook.beginSnapshot();
        treeMapBook.clear();
        for (int i = 0; i < stream.snapshotLevels(); i++)
        {
            orderBook.set(stream.side(i), stream.price(i), stream.quantity(i));
            treeMapBook.set(stream.side(i), stream.price(i), stream.quantity(i));
        }
        orderBook.endSnapshot();
    }

    /** One pass over the update stream; returns a checksum of the best prices seen after each message. */
    public static long applyUpdates(final Level2Stream stream, final OrderBook book)
    {
        long checksum = 0;
        for (int message = 0, messages = stream.updateMessages(); message < messages; message++)
        {
            for (int i = stream.messageStart(message), end = stream.messageEnd(message); i < end; i++)
            {
                book.set(stream.side(i), stream.price(i), stream.quantity(i));
            }
            checksum += book.bids().bestPrice() + book.bids().bestQuantity() +
                book.asks().bestPrice() + book.asks().bestQuantity();
        }
        return checksum;
    }

    public static long applyUpdates(final Level2Stream stream, final TreeMapBook book)
    {
        long checksum = 0;
        for (int message = 0, messages = stream.updateMessages(); message < messages; message++)
        {
            for (int i = stream.messageStart(message), end = stream.messageEnd(message); i < end; i++)
            {
                book.set(stream.side(i), stream.price(i), stream.quantity(i));
            }
            checksum += book.bestBid() + book.bestBidQuantity() + book.bestAsk() + book.bestAskQuantity();
        }
        return checksum;
    }
}
