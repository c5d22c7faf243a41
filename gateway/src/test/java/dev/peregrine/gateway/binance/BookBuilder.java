package dev.peregrine.gateway.binance;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

import dev.peregrine.core.event.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeMap;
import java.util.List;

/**
 * A ring consumer that does with BOOK_LEVEL, FEED_GAP and FEED_RECOVERED what {@code TradingCore} does
 * (a core {@link OrderBook} per instrument), and keeps copies of trades and quotes for comparison.
 */
final class BookBuilder implements EventHandler<InboundEvent>
{
    final OrderBook[] books;
    /** The same book kept by the test itself from the events (best first), independent of core's BookSide. */
    final List<TreeMap<Long, Long>> eventBids = new ArrayList<>();
    final List<TreeMap<Long, Long>> eventAsks = new ArrayList<>();
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
        books = new OrderBook[instruments];
        for (int i = 0; i < instruments; i++)
        {
            books[i] = new OrderBook(64);
            eventBids.add(new TreeMap<>(Collections.reverseOrder()));
            eventAsks.add(new TreeMap<>());
        }
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
                final OrderBook book = books[event.instrumentId];
                if (BookFlags.has(event.flags, BookFlags.SNAPSHOT_BEGIN))
                {
                    book.beginSnapshot();
                    eventBids.get(event.instrumentId).clear();
                    eventAsks.get(event.instrumentId).clear();
                }
                final TreeMap<Long, Long> side = (event.side == Side.BUY ? eventBids : eventAsks).get(event.instrumentId);
                if (event.quantity == 0)
                {
                    side.remove(event.price);
                }
                else
                {
                    side.put(event.price, event.quantity);
                }
                book.set(event.side, event.price, event.quantity);
                if (BookFlags.has(event.flags, BookFlags.SNAPSHOT_END))
                {
                    book.endSnapshot();
                    snapshotsEnded++;
                }
                if (BookFlags.has(event.flags, BookFlags.END_OF_MESSAGE) && book.isSynced() &&
                    !eventBids.get(event.instrumentId).isEmpty() && !eventAsks.get(event.instrumentId).isEmpty() &&
                    eventBids.get(event.instrumentId).firstKey() >= eventAsks.get(event.instrumentId).firstKey())
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
