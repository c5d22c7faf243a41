package dev.peregrine.core.execution;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.output.Hash64;

/**
 * How the {@link PaperVenue}'s taker orders meet the recorded market. They walk the L2 book level by level
 * (slippage); with no synced book they take the quoted touch. Liquidity we take stays taken until the
 * venue's next book or quote message for that instrument ({@link #onMarketUpdate}): the recording cannot
 * show our own footprint, so without this a second order would take the same size again. Per instrument,
 * at most {@link #MAX_LEVELS} (price, quantity) pairs are remembered; pre-allocated, nothing allocated per take.
 */
final class PaperTakenLiquidity
{
    static final int MAX_LEVELS = 64;

    private final MarketState market;
    private final PaperReports reports;
    private final long[][] takenPrice;
    private final long[][] takenQuantity;
    private final int[] takenCount;
    // Price of the last level taken: where the unlimited model's remainder fills.
    private long lastTakenPrice;

    PaperTakenLiquidity(final MarketState market, final PaperReports reports)
    {
        this.market = market;
        this.reports = reports;
        final int n = market.instrumentCount();
        takenPrice = new long[n][MAX_LEVELS];
        takenQuantity = new long[n][MAX_LEVELS];
        takenCount = new int[n];
    }

    /** A book or quote message for the instrument: the displayed liquidity is the venue's again. */
    void onMarketUpdate(final int instrumentId)
    {
        takenCount[instrumentId] = 0;
    }

    /** Forgets the last level taken: a new order starts. */
    void startOrder()
    {
        lastTakenPrice = 0;
    }

    /** Price of the last level taken since {@link #startOrder}, or 0 if none was. */
    long lastTakenPrice()
    {
        return lastTakenPrice;
    }

    /** True if the order's side has anything to take (a level on a synced book, else a quoted price). */
    boolean hasLiquidity(final int instrumentId, final int side)
    {
        final OrderBook book = market.book(instrumentId);
        if (book.isSynced())
        {
            return !(side == Side.BUY ? book.asks() : book.bids()).isEmpty();
        }
        return side == Side.BUY ? market.askPrice(instrumentId) > 0 : market.bidPrice(instrumentId) > 0;
    }

    /**
     * What {@link #take} would get up to {@code limit} right now, without taking it: a fill-or-kill order
     * fills only when this covers its whole quantity.
     */
    long available(final int instrument, final int side, final long limit)
    {
        final OrderBook book = market.book(instrument);
        final boolean buy = side == Side.BUY;
        if (book.isSynced())
        {
            final BookSide opposite = buy ? book.asks() : book.bids();
            long total = 0;
            int newLevels = 0;
            for (int level = 0; level < opposite.depth(); level++)
            {
                final long price = opposite.priceAt(level);
                if (limit != 0 && (buy ? price > limit : price < limit))
                {
                    break;
                }
                final long already = alreadyTaken(instrument, price);
                if (already < 0 && takenCount[instrument] + newLevels == MAX_LEVELS)
                {
                    break;
                }
                newLevels += already < 0 ? 1 : 0;
                total += Math.max(0, opposite.quantityAt(level) - Math.max(0, already));
            }
            return total;
        }
        final long price = buy ? market.askPrice(instrument) : market.bidPrice(instrument);
        if (price <= 0 || (limit != 0 && (buy ? price > limit : price < limit)))
        {
            return 0;
        }
        final long displayed = buy ? market.askQuantity(instrument) : market.bidQuantity(instrument);
        return Math.max(0, displayed - Math.max(0, alreadyTaken(instrument, price)));
    }

    /** Quantity already taken at {@code price} since the last market update, or -1 if that level was not touched. */
    private long alreadyTaken(final int instrument, final long price)
    {
        for (int i = 0; i < takenCount[instrument]; i++)
        {
            if (takenPrice[instrument][i] == price)
            {
                return takenQuantity[instrument][i];
            }
        }
        return -1;
    }

    /** Takes liquidity up to {@code limit} (0 = any price); reports taker fills; returns what is left. */
    long take(final long orderId, final int instrument, final int side, final long quantity, final long limit,
        final long at)
    {
        long left = quantity;
        final OrderBook book = market.book(instrument);
        final boolean buy = side == Side.BUY;
        if (book.isSynced())
        {
            final BookSide opposite = buy ? book.asks() : book.bids();
            for (int level = 0; level < opposite.depth() && left > 0; level++)
            {
                final long price = opposite.priceAt(level);
                if (limit != 0 && (buy ? price > limit : price < limit))
                {
                    break;
                }
                left -= takeAt(orderId, instrument, price, opposite.quantityAt(level), left, at);
                if (takenCount[instrument] == MAX_LEVELS)
                {
                    break;
                }
            }
            return left;
        }
        final long price = buy ? market.askPrice(instrument) : market.bidPrice(instrument);
        final long displayed = buy ? market.askQuantity(instrument) : market.bidQuantity(instrument);
        if (price <= 0 || (limit != 0 && (buy ? price > limit : price < limit)))
        {
            return left;
        }
        return left - takeAt(orderId, instrument, price, displayed, left, at);
    }

    /** Takes up to {@code wanted} of what is displayed at {@code price} and not taken yet, and reports it. */
    private long takeAt(final long orderId, final int instrument, final long price, final long displayed,
        final long wanted, final long at)
    {
        final long[] prices = takenPrice[instrument];
        final long[] taken = takenQuantity[instrument];
        int slot = -1;
        for (int i = 0; i < takenCount[instrument]; i++)
        {
            if (prices[i] == price)
            {
                slot = i;
                break;
            }
        }
        final long already = slot < 0 ? 0 : taken[slot];
        final long fill = Math.max(0, Math.min(wanted, displayed - already));
        if (fill == 0)
        {
            return 0;
        }
        if (slot < 0)
        {
            if (takenCount[instrument] == MAX_LEVELS)
            {
                return 0;
            }
            slot = takenCount[instrument]++;
            prices[slot] = price;
            taken[slot] = 0;
        }
        taken[slot] += fill;
        lastTakenPrice = price;
        reports.report(at, orderId, fill, price, PaperReports.FILL_TAKER);
        return fill;
    }

    long hash(final long seed)
    {
        long h = seed;
        for (int instrument = 0; instrument < takenCount.length; instrument++)
        {
            h = Hash64.mix(h, takenCount[instrument]);
            for (int i = 0; i < takenCount[instrument]; i++)
            {
                h = Hash64.mix(h, takenPrice[instrument][i]);
                h = Hash64.mix(h, takenQuantity[instrument][i]);
            }
        }
        return h;
    }
}
