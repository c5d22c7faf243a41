package dev.peregrine.gateway.binance;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.testing.BookMirror;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A ring consumer that does with BOOK_LEVEL, FEED_GAP and FEED_RECOVERED what {@code TradingCore} does
 * (a core {@link OrderBook} per instrument), and keeps copies of trades and quotes for comparison.
 */
final class BookBuilder implements EventHandler<InboundEvent>
{
    private final BookMirror mirror;
    final OrderBook[] books;
    /** The same book kept by the test itself from the events (best first), independent of core's BookSide. */
    final List<TreeMap<Long, Long>> eventBids;
    final List<TreeMap<Long, Long>> eventAsks;
    final List<InboundEvent> trades = new ArrayList<>();
    final List<InboundEvent> quotes = new ArrayList<>();
    /** Event types in arrival order, except TRADE, QUOTE and BOOK_LEVEL. */
    final List<InboundEvent> feedEvents = new ArrayList<>();
    volatile long bookLevels;
    volatile long events;
    volatile int snapshotsEnded;
    /** Crossed book after an END_OF_MESSAGE of a synced book. */
    volatile int crossed;

    BookBuilder(final int instruments)
    {
        mirror = new BookMirror(instruments, 64);
        books = mirror.books;
        eventBids = mirror.bids;
        eventAsks = mirror.asks;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.type)
        {
            case EventType.TRADE:
                trades.add(copy(event));
                break;
            case EventType.QUOTE:
                quotes.add(copy(event));
                break;
            case EventType.BOOK_LEVEL:
                mirror.apply(event);
                if (BookFlags.has(event.flags, BookFlags.SNAPSHOT_END))
                {
                    snapshotsEnded++;
                }
                if (BookFlags.has(event.flags, BookFlags.END_OF_MESSAGE) && books[event.instrumentId].isSynced() &&
                    mirror.crossed(event.instrumentId))
                {
                    crossed++;
                }
                bookLevels++;
                break;
            case EventType.FEED_GAP:
                books[event.instrumentId].invalidate();
                feedEvents.add(copy(event));
                break;
            default:
                feedEvents.add(copy(event));
                break;
        }
        events++;
    }

    private static InboundEvent copy(final InboundEvent event)
    {
        final InboundEvent copy = new InboundEvent();
        copy.copyInputsFrom(event);
        return copy;
    }
}
