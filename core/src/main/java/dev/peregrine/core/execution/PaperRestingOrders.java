package dev.peregrine.core.execution;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.Hash64;

/**
 * The {@link PaperVenue}'s own view of resting limit orders, in arrival order (time priority), and how they
 * fill as makers. A resting order queues behind the size visible at its price when it arrived; trades
 * printing at its price eat that queue first, then fill it; trades through its price fill it. Only trades
 * whose maker was on our side count. On a synced L2 book it also fills when the opposite side moves to or
 * through its price: the recorded book never shows our order, so an ask at or below our bid is one that
 * would have traded with it. Parallel pre-allocated arrays: nothing is allocated per order or per fill.
 */
final class PaperRestingOrders extends OrderRows
{
    private final MarketState market;
    private final OrderStore orders;
    private final PaperReports reports;
    private final long[] id;
    private final int[] instrument;
    private final int[] side;
    private final long[] price;
    private final long[] queueAhead;
    // Opposite-side size at or through the order's price at the last book message: only what is new fills.
    private final long[] crossing;

    PaperRestingOrders(final int capacity, final MarketState market, final OrderStore orders, final PaperReports reports)
    {
        super(capacity);
        this.market = market;
        this.orders = orders;
        this.reports = reports;
        id = new long[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        price = new long[capacity];
        queueAhead = new long[capacity];
        crossing = new long[capacity];
    }

    /**
     * Rests a limit order's unfilled {@code orderLeaves} behind the size visible at its price; false when the table
     * is full (the venue cancels it).
     */
    boolean rest(final Order order, final long orderLeaves)
    {
        if (isFull())
        {
            return false;
        }
        final int i = count++;
        id[i] = order.orderId();
        instrument[i] = order.instrumentId();
        side[i] = order.side();
        price[i] = order.limitPrice();
        leaves[i] = orderLeaves;
        queueAhead[i] = visibleAt(order.instrumentId(), order.side(), order.limitPrice());
        // What crosses it on arrival it has just met (the marketable part took it): that is not new.
        final OrderBook book = market.book(order.instrumentId());
        crossing[i] = book.isSynced() ? crossingSize(book, order.side(), order.limitPrice()) : 0;
        orders.setQueueAhead(order, queueAhead[i]);
        return true;
    }

    /** Size already displayed at {@code limit} on our side: the queue we join behind. */
    private long visibleAt(final int instrument, final int side, final long limit)
    {
        final OrderBook book = market.book(instrument);
        if (book.isSynced())
        {
            return (side == Side.BUY ? book.bids() : book.asks()).quantityAtPrice(limit);
        }
        if (side == Side.BUY)
        {
            return market.bidPrice(instrument) == limit ? market.bidQuantity(instrument) : 0;
        }
        return market.askPrice(instrument) == limit ? market.askQuantity(instrument) : 0;
    }

    /** A trade printed: resting orders it reaches fill as makers, at their price. */
    void onTrade(final int instrumentId, final long tradePrice, final long quantity, final int makerSide,
        final long nowNanos)
    {
        long remaining = quantity;
        for (int i = 0; i < count && remaining > 0; i++)
        {
            if (instrument[i] != instrumentId || (makerSide != Side.NONE && makerSide != side[i]))
            {
                continue;
            }
            final long limit = price[i];
            final boolean buy = side[i] == Side.BUY;
            final boolean through = buy ? tradePrice < limit : tradePrice > limit;
            final boolean at = tradePrice == limit;
            if (!through && !at)
            {
                continue;
            }
            if (at)
            {
                final long eaten = Math.min(queueAhead[i], remaining);
                queueAhead[i] -= eaten;
                remaining -= eaten;
            }
            final long fill = Math.min(leaves[i], remaining);
            if (fill > 0)
            {
                remaining -= fill;
                leaves[i] -= fill;
                reports.report(nowNanos, id[i], fill, limit, PaperReports.FILL_MAKER);
            }
        }
        removeDone();
    }

    /**
     * Resting orders whose price the opposite side of the book reached fill as makers, at their price. Only
     * crossing size the last message did not show counts (a level that stays is the same liquidity, not
     * more); it first meets the queue that was ahead of us at that price, then us.
     */
    void onBook(final int instrumentId, final OrderBook book, final long nowNanos)
    {
        for (int i = 0; i < count; i++)
        {
            if (instrument[i] != instrumentId)
            {
                continue;
            }
            final long crossingNow = crossingSize(book, side[i], price[i]);
            final long fresh = Math.max(0, crossingNow - crossing[i]);
            crossing[i] = crossingNow;
            final long eaten = Math.min(queueAhead[i], fresh);
            queueAhead[i] -= eaten;
            final long fill = Math.min(leaves[i], fresh - eaten);
            if (fill > 0)
            {
                leaves[i] -= fill;
                reports.report(nowNanos, id[i], fill, price[i], PaperReports.FILL_MAKER);
            }
        }
        removeDone();
    }

    /** Size on the side opposite {@code side} at or through {@code limit}: what would trade with an order there. */
    static long crossingSize(final OrderBook book, final int side, final long limit)
    {
        final boolean buy = side == Side.BUY;
        final BookSide opposite = buy ? book.asks() : book.bids();
        long size = 0;
        for (int level = 0; level < opposite.depth(); level++)
        {
            final long levelPrice = opposite.priceAt(level);
            if (buy ? levelPrice > limit : levelPrice < limit)
            {
                break;
            }
            size += opposite.quantityAt(level);
        }
        return size;
    }

    /** Takes the order off the table; false if it is not resting. */
    boolean remove(final long orderId)
    {
        for (int i = 0; i < count; i++)
        {
            if (id[i] == orderId)
            {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Queue ahead of the resting order with that id, or -1 if it is not resting. */
    long queueAheadOf(final long orderId)
    {
        for (int i = 0; i < count; i++)
        {
            if (id[i] == orderId)
            {
                return queueAhead[i];
            }
        }
        return -1;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (int i = 0; i < count; i++)
        {
            h = Hash64.mix(h, id[i]);
            h = Hash64.mix(h, leaves[i]);
            h = Hash64.mix(h, queueAhead[i]);
            if (crossing[i] != 0)
            {
                h = Hash64.mix(h, crossing[i]); // only then: states without a crossing hash as before
            }
        }
        return h;
    }

    @Override
    protected void copy(final int from, final int to)
    {
        id[to] = id[from];
        instrument[to] = instrument[from];
        side[to] = side[from];
        price[to] = price[from];
        leaves[to] = leaves[from];
        queueAhead[to] = queueAhead[from];
        crossing[to] = crossing[from];
    }
}
