package dev.peregrine.gateway.testing;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The books a stream of BOOK_LEVEL events builds, kept twice per instrument: a core {@link OrderBook}, fed
 * exactly as {@code TradingCore.onBookLevel} feeds it, and an independent {@link TreeMap} per side (bids
 * best first), so a test can check the core's book against one that shares none of its code.
 */
public final class BookMirror
{
    public final OrderBook[] books;
    public final List<TreeMap<Long, Long>> bids = new ArrayList<>();
    public final List<TreeMap<Long, Long>> asks = new ArrayList<>();

    public BookMirror(final int instruments, final int levelsPerSide)
    {
        books = new OrderBook[instruments];
        for (int i = 0; i < instruments; i++)
        {
            books[i] = new OrderBook(levelsPerSide);
            bids.add(new TreeMap<>(Collections.reverseOrder()));
            asks.add(new TreeMap<>());
        }
    }

    /** Applies one BOOK_LEVEL event to both books of its instrument; a quantity of 0 removes the level. */
    public void apply(final InboundEvent event)
    {
        final int id = event.instrumentId;
        final OrderBook book = books[id];
        if (BookFlags.has(event.flags, BookFlags.SNAPSHOT_BEGIN))
        {
            book.beginSnapshot();
            bids.get(id).clear();
            asks.get(id).clear();
        }
        final TreeMap<Long, Long> side = (event.side == Side.BUY ? bids : asks).get(id);
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
        }
    }

    /** True when the test's own book of the instrument has both sides and its best bid is at or above its best ask. */
    public boolean crossed(final int instrumentId)
    {
        final TreeMap<Long, Long> bid = bids.get(instrumentId);
        final TreeMap<Long, Long> ask = asks.get(instrumentId);
        return !bid.isEmpty() && !ask.isEmpty() && bid.firstKey() >= ask.firstKey();
    }
}
