package dev.peregrine.bench.book;

import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
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
 * message, as a strategy would. {@code patchedOrderBook} is core's book with a one-line fix to its level
 * search ({@link PatchedBookSide}): core's {@code BookSide} currently keeps levels out of order, so
 * {@code orderBook} times the code as it is, not a correct book.
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
    private TreeMapBook treeMapBook;
    private PatchedBookSide patchedBids;
    private PatchedBookSide patchedAsks;

    @Setup
    public void setUp()
    {
        stream = Level2Stream.load(CoinbaseCapture.load(sharedData), PRODUCT);
        orderBook = new OrderBook(INITIAL_DEPTH);
        treeMapBook = new TreeMapBook();
        loadSnapshot(stream, orderBook, treeMapBook);
        patchedBids = new PatchedBookSide(true, INITIAL_DEPTH);
        patchedAsks = new PatchedBookSide(false, INITIAL_DEPTH);
        loadSnapshot(stream, patchedBids, patchedAsks);
    }

    @Benchmark
    public long orderBook()
    {
        return applyUpdates(stream, orderBook);
    }

    /** Core's book with the proposed fix to its level search (see {@link PatchedBookSide}). */
    @Benchmark
    public long patchedOrderBook()
    {
        return applyUpdates(stream, patchedBids, patchedAsks);
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

    public static void loadSnapshot(final Level2Stream stream, final PatchedBookSide bids, final PatchedBookSide asks)
    {
        bids.clear();
        asks.clear();
        for (int i = 0; i < stream.snapshotLevels(); i++)
        {
            (stream.side(i) == Side.BUY ? bids : asks).set(stream.price(i), stream.quantity(i));
        }
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

    public static long applyUpdates(final Level2Stream stream, final PatchedBookSide bids, final PatchedBookSide asks)
    {
        long checksum = 0;
        for (int message = 0, messages = stream.updateMessages(); message < messages; message++)
        {
            for (int i = stream.messageStart(message), end = stream.messageEnd(message); i < end; i++)
            {
                (stream.side(i) == Side.BUY ? bids : asks).set(stream.price(i), stream.quantity(i));
            }
            checksum += bids.bestPrice() + bids.bestQuantity() + asks.bestPrice() + asks.bestQuantity();
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
