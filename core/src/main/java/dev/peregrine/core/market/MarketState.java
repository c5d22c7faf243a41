package dev.peregrine.core.market;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.output.Hash64;

/**
 * What the core knows of each instrument's market: top of book from quotes, last trade, and the full
 * L2 {@link OrderBook} where the venue sends one. Owned by the core thread. A zero price means "not
 * seen yet".
 */
public final class MarketState
{
    private final long[] bidPrice;
    private final long[] bidQuantity;
    private final long[] askPrice;
    private final long[] askQuantity;
    private final long[] lastPrice;
    private final OrderBook[] books;
    /**
     * Perpetuals: the venue's mark price (MARK_PRICE events), 0 until one came and always 0 for spot. Not in
     * {@link #hash}: the core's perpetual state hashes it, and only when a perpetual is traded.
     */
    private final long[] venueMark;

    /** Levels per book side beyond the ladder allocated up front; a deeper book grows once, then stays allocation-free. */
    public static final int INITIAL_BOOK_DEPTH = 1024;

    /** Books on each instrument's own price grid (its price increment), which their ladders index by. */
    public MarketState(final InstrumentRegistry instruments)
    {
        this(instruments.size(), instruments);
    }

    /** Books on a grid of one scaled unit: correct for any prices, for tests that have no registry. */
    public MarketState(final int instrumentCount)
    {
        this(instrumentCount, null);
    }

    private MarketState(final int instrumentCount, final InstrumentRegistry instruments)
    {
        books = new OrderBook[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            final long tick = instruments == null ? 1 : instruments.get(i).priceIncrement();
            books[i] = new OrderBook(tick, INITIAL_BOOK_DEPTH);
        }
        bidPrice = new long[instrumentCount];
        bidQuantity = new long[instrumentCount];
        askPrice = new long[instrumentCount];
        askQuantity = new long[instrumentCount];
        lastPrice = new long[instrumentCount];
        venueMark = new long[instrumentCount];
    }

    /** Perpetuals: the venue's mark (scaled, > 0; others ignored), which {@link #markPrice} returns from now on. */
    public void onVenueMark(final int instrumentId, final long mark)
    {
        if (mark > 0)
        {
            venueMark[instrumentId] = mark;
        }
    }

    public void onQuote(final int instrumentId, final long bid, final long bidQty, final long ask, final long askQty,
        final long last)
    {
        bidPrice[instrumentId] = bid;
        bidQuantity[instrumentId] = bidQty;
        askPrice[instrumentId] = ask;
        askQuantity[instrumentId] = askQty;
        if (last > 0)
        {
            lastPrice[instrumentId] = last;
        }
    }

    public void onTrade(final int instrumentId, final long price)
    {
        lastPrice[instrumentId] = price;
    }

    public long bidPrice(final int instrumentId)
    {
        return bidPrice[instrumentId];
    }

    public long bidQuantity(final int instrumentId)
    {
        return bidQuantity[instrumentId];
    }

    public long askPrice(final int instrumentId)
    {
        return askPrice[instrumentId];
    }

    public long askQuantity(final int instrumentId)
    {
        return askQuantity[instrumentId];
    }

    public long lastPrice(final int instrumentId)
    {
        return lastPrice[instrumentId];
    }

    /**
     * The price positions are marked at: for a perpetual, the venue's mark price once one came (as the venue
     * values positions and margin); else the mid of a two-sided quote, else the mid of a synced two-sided
     * L2 book (a feed of book messages only has no quotes), else the last trade, else 0.
     */
    public long markPrice(final int instrumentId)
    {
        final long venue = venueMark[instrumentId];
        if (venue > 0)
        {
            return venue;
        }
        final long bid = bidPrice[instrumentId];
        final long ask = askPrice[instrumentId];
        if (bid > 0 && ask > 0)
        {
            return bid + (ask - bid) / 2;
        }
        final OrderBook book = books[instrumentId];
        if (book.isSynced() && !book.bids().isEmpty() && !book.asks().isEmpty())
        {
            final long bookBid = book.bids().bestPrice();
            return bookBid + (book.asks().bestPrice() - bookBid) / 2;
        }
        return lastPrice[instrumentId];
    }

    /**
     * The price a market order would take first: the best ask for a buy, the best bid for a sell, from the
     * L2 book when it is synced, else from the quote (0 if none).
     */
    public long touchPrice(final int instrumentId, final int side)
    {
        final OrderBook book = books[instrumentId];
        if (book.isSynced())
        {
            return side == Side.BUY ? book.asks().bestPrice() : book.bids().bestPrice();
        }
        return side == Side.BUY ? askPrice[instrumentId] : bidPrice[instrumentId];
    }

    public OrderBook book(final int instrumentId)
    {
        return books[instrumentId];
    }

    public int instrumentCount()
    {
        return lastPrice.length;
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < lastPrice.length; i++)
        {
            h = Hash64.mix(h, bidPrice[i]);
            h = Hash64.mix(h, bidQuantity[i]);
            h = Hash64.mix(h, askPrice[i]);
            h = Hash64.mix(h, askQuantity[i]);
            h = Hash64.mix(h, lastPrice[i]);
            h = books[i].hash(h);
        }
        return h;
    }
}
