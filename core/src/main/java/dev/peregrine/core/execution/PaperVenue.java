package dev.peregrine.core.execution;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * A deterministic matching simulator that does not flatter, run on the core thread and driven only by
 * core events, so paper trading, replay and backtest fill identically.
 * <ul>
 *   <li>An order reaches the venue {@code orderLatency} after the engine sent it, a cancel
 *       {@code cancelLatency} after; every report (accept, fill, cancel, reject) reaches the engine
 *       {@code fillLatency} after the venue made it. All in event time: {@link #advanceTo} runs what
 *       is due, before each new input is applied.</li>
 *   <li>Market orders, and the marketable part of a limit order, walk the L2 book level by level
 *       (slippage); with no synced book they take the quoted touch. Liquidity we take stays taken
 *       until the venue's next book or quote message for that instrument.</li>
 *   <li>A resting limit order queues behind the size visible at its price when it arrived; trades
 *       printing at its price eat that queue first, then fill it; trades through its price fill it.
 *       Only trades whose maker was on our side count (Coinbase reports the maker's side).</li>
 *   <li>Fees: maker on resting fills, taker on crossing ones.</li>
 * </ul>
 */
public final class PaperVenue
{
    private static final int REPORT_ACCEPTED = 1;
    private static final int REPORT_FILL_MAKER = 2;
    private static final int REPORT_FILL_TAKER = 3;
    private static final int REPORT_CANCELLED = 4;
    private static final int REPORT_REJECTED_NO_MARKET = 5;
    private static final int REPORT_REJECTED_CAPACITY = 6;

    private static final int ARRIVAL = 0;
    private static final int ARRIVAL_CANCELLED = 1;

    private static final int MAX_TAKEN_LEVELS = 64;
    private static final int MAX_RESTING = 4096;

    private final MarketState market;
    private final OrderStore orders;
    private final PaperVenueSettings settings;
    private final VenueReports reports;

    private final VenueActionQueue arrivals = new VenueActionQueue(4096);
    private final VenueActionQueue cancels = new VenueActionQueue(4096);
    private final VenueActionQueue outgoing = new VenueActionQueue(16384);

    // Liquidity taken per instrument since its last book or quote message: (price, quantity) pairs.
    private final long[][] takenPrice;
    private final long[][] takenQuantity;
    private final int[] takenCount;

    // The venue's own view of resting orders, in arrival order (time priority).
    private final long[] restingId = new long[MAX_RESTING];
    private final int[] restingInstrument = new int[MAX_RESTING];
    private final int[] restingSide = new int[MAX_RESTING];
    private final long[] restingPrice = new long[MAX_RESTING];
    private final long[] restingLeaves = new long[MAX_RESTING];
    private final long[] restingQueueAhead = new long[MAX_RESTING];
    private int restingCount;

    private long capacityRejects;

    public PaperVenue(final MarketState market, final OrderStore orders, final PaperVenueSettings settings,
        final VenueReports reports)
    {
        this.market = market;
        this.orders = orders;
        this.settings = settings;
        this.reports = reports;
        final int n = market.instrumentCount();
        takenPrice = new long[n][MAX_TAKEN_LEVELS];
        takenQuantity = new long[n][MAX_TAKEN_LEVELS];
        takenCount = new int[n];
    }

    public PaperVenueSettings settings()
    {
        return settings;
    }

    /** The engine sent a new order; it reaches the venue after the order latency. */
    public void submit(final Order order, final long nowNanos)
    {
        if (!arrivals.offer(nowNanos + settings.orderLatencyNanos(), order.orderId(), 0, 0, ARRIVAL))
        {
            report(nowNanos, order.orderId(), 0, 0, REPORT_REJECTED_CAPACITY);
        }
    }

    /** The engine asked to cancel; the request reaches the venue after the cancel latency. */
    public void cancel(final Order order, final long nowNanos)
    {
        if (!cancels.offer(nowNanos + settings.cancelLatencyNanos(), order.orderId(), 0, 0, 0))
        {
            capacityRejects++; // the order stays PENDING_CANCEL until a later cancel gets through
        }
    }

    /** A book or quote message for the instrument: the displayed liquidity is the venue's again. */
    public void onMarketUpdate(final int instrumentId)
    {
        takenCount[instrumentId] = 0;
    }

    /** A trade printed: resting orders it reaches fill as makers. */
    public void onTrade(final int instrumentId, final long price, final long quantity, final int makerSide,
        final long nowNanos)
    {
        long remaining = quantity;
        for (int i = 0; i < restingCount && remaining > 0; i++)
        {
            if (restingInstrument[i] != instrumentId || (makerSide != Side.NONE && makerSide != restingSide[i]))
            {
                continue;
            }
            final long limit = restingPrice[i];
            final boolean buy = restingSide[i] == Side.BUY;
            final boolean through = buy ? price < limit : price > limit;
            final boolean at = price == limit;
            if (!through && !at)
            {
                continue;
            }
            if (at)
            {
                final long eaten = Math.min(restingQueueAhead[i], remaining);
                restingQueueAhead[i] -= eaten;
                remaining -= eaten;
            }
            final long fill = Math.min(restingLeaves[i], remaining);
            if (fill > 0)
            {
                remaining -= fill;
                restingLeaves[i] -= fill;
                report(nowNanos, restingId[i], fill, limit, REPORT_FILL_MAKER);
            }
        }
        removeFilledResting();
    }

    /** Runs every venue action and report due at or before {@code nowNanos}, in time order. */
    public void advanceTo(final long nowNanos)
    {
        while (true)
        {
            // Ties go reports, then cancels, then arrivals: what the venue already said is delivered
            // before it acts again, and a cancel due with an arrival is handled first (it finds nothing).
            long best = Long.MAX_VALUE;
            VenueActionQueue next = null;
            if (!outgoing.isEmpty() && outgoing.headDue() <= nowNanos)
            {
                best = outgoing.headDue();
                next = outgoing;
            }
            if (!cancels.isEmpty() && cancels.headDue() <= nowNanos && cancels.headDue() < best)
            {
                best = cancels.headDue();
                next = cancels;
            }
            if (!arrivals.isEmpty() && arrivals.headDue() <= nowNanos && arrivals.headDue() < best)
            {
                next = arrivals;
            }
            if (next == null)
            {
                return;
            }
            if (next == outgoing)
            {
                deliver();
            }
            else if (next == cancels)
            {
                applyCancel();
            }
            else
            {
                applyArrival();
            }
        }
    }

    private void applyArrival()
    {
        final long at = arrivals.headDue();
        final long id = arrivals.headOrderId();
        final int code = arrivals.headCode();
        arrivals.poll();
        final Order order = orders.get(id);
        if (order == null || order.state().isTerminal())
        {
            return;
        }
        if (code == ARRIVAL_CANCELLED)
        {
            report(at, id, 0, 0, REPORT_CANCELLED);
            return;
        }
        final int instrument = order.instrumentId();
        final OrderType type = order.type();
        if (type == OrderType.MARKET && !hasLiquidity(instrument, order.side()))
        {
            report(at, id, 0, 0, REPORT_REJECTED_NO_MARKET);
            return;
        }
        if (type == OrderType.LIMIT)
        {
            report(at, id, 0, 0, REPORT_ACCEPTED);
        }
        final long limit = type == OrderType.MARKET ? 0 : order.limitPrice();
        final long left = take(order, instrument, order.side(), order.quantity(), limit, at);
        if (left == 0)
        {
            return;
        }
        if (type == OrderType.LIMIT)
        {
            rest(order, left, at);
        }
        else
        {
            report(at, id, 0, 0, REPORT_CANCELLED);
        }
    }

    private void applyCancel()
    {
        final long at = cancels.headDue();
        final long id = cancels.headOrderId();
        cancels.poll();
        for (int i = 0; i < restingCount; i++)
        {
            if (restingId[i] == id)
            {
                removeResting(i);
                report(at, id, 0, 0, REPORT_CANCELLED);
                return;
            }
        }
        // Not resting: either it has not arrived yet (cancel it on arrival), or it is already done
        // (its fill or cancel report is on its way and will settle the engine's PENDING_CANCEL).
        arrivals.recode(id, ARRIVAL_CANCELLED);
    }

    private void deliver()
    {
        final long at = outgoing.headDue();
        final long id = outgoing.headOrderId();
        final long quantity = outgoing.headQuantity();
        final long price = outgoing.headPrice();
        final int code = outgoing.headCode();
        outgoing.poll();
        final Order order = orders.get(id);
        if (order == null)
        {
            return;
        }
        switch (code)
        {
            case REPORT_ACCEPTED:
                reports.onVenueAccepted(order, at);
                break;
            case REPORT_FILL_MAKER:
                reports.onVenueFill(order, quantity, price, Liquidity.MAKER, at);
                break;
            case REPORT_FILL_TAKER:
                reports.onVenueFill(order, quantity, price, Liquidity.TAKER, at);
                break;
            case REPORT_CANCELLED:
                reports.onVenueCancelled(order, at);
                break;
            case REPORT_REJECTED_NO_MARKET:
                reports.onVenueRejected(order, RejectReason.NO_MARKET, at);
                break;
            default:
                reports.onVenueRejected(order, RejectReason.TOO_MANY_ORDERS, at);
                break;
        }
    }

    private void report(final long venueTimeNanos, final long orderId, final long quantity, final long price, final int code)
    {
        if (!outgoing.offer(venueTimeNanos + settings.fillLatencyNanos(), orderId, quantity, price, code))
        {
            // Sixteen thousand undelivered reports means the engine stopped consuming: a bug, not a market.
            throw new IllegalStateException("paper venue report queue is full");
        }
    }

    private boolean hasLiquidity(final int instrumentId, final int side)
    {
        final OrderBook book = market.book(instrumentId);
        if (book.isSynced())
        {
            return !(side == Side.BUY ? book.asks() : book.bids()).isEmpty();
        }
        return side == Side.BUY ? market.askPrice(instrumentId) > 0 : market.bidPrice(instrumentId) > 0;
    }

    /** Takes liquidity up to {@code limit} (0 = any price); reports taker fills; returns what is left. */
    private long take(final Order order, final int instrument, final int side, final long quantity, final long limit,
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
                left -= takeAt(order, instrument, price, opposite.quantityAt(level), left, at);
                if (takenCount[instrument] == MAX_TAKEN_LEVELS)
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
        return left - takeAt(order, instrument, price, displayed, left, at);
    }

    private long takeAt(final Order order, final int instrument, final long price, final long displayed, final long wanted,
        final long at)
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
            if (takenCount[instrument] == MAX_TAKEN_LEVELS)
            {
                return 0;
            }
            slot = takenCount[instrument]++;
            prices[slot] = price;
            taken[slot] = 0;
        }
        taken[slot] += fill;
        report(at, order.orderId(), fill, price, REPORT_FILL_TAKER);
        return fill;
    }

    private void rest(final Order order, final long leaves, final long at)
    {
        if (restingCount == MAX_RESTING)
        {
            capacityRejects++;
            report(at, order.orderId(), 0, 0, REPORT_CANCELLED);
            return;
        }
        final int i = restingCount++;
        restingId[i] = order.orderId();
        restingInstrument[i] = order.instrumentId();
        restingSide[i] = order.side();
        restingPrice[i] = order.limitPrice();
        restingLeaves[i] = leaves;
        restingQueueAhead[i] = visibleAt(order.instrumentId(), order.side(), order.limitPrice());
        orders.setQueueAhead(order, restingQueueAhead[i]);
    }

    /** Size already displayed at {@code price} on our side: the queue we join behind. */
    private long visibleAt(final int instrument, final int side, final long price)
    {
        final OrderBook book = market.book(instrument);
        if (book.isSynced())
        {
            return (side == Side.BUY ? book.bids() : book.asks()).quantityAtPrice(price);
        }
        if (side == Side.BUY)
        {
            return market.bidPrice(instrument) == price ? market.bidQuantity(instrument) : 0;
        }
        return market.askPrice(instrument) == price ? market.askQuantity(instrument) : 0;
    }

    private void removeFilledResting()
    {
        int write = 0;
        for (int read = 0; read < restingCount; read++)
        {
            if (restingLeaves[read] > 0)
            {
                if (write != read)
                {
                    copyResting(read, write);
                }
                write++;
            }
        }
        restingCount = write;
    }

    private void removeResting(final int index)
    {
        for (int i = index + 1; i < restingCount; i++)
        {
            copyResting(i, i - 1);
        }
        restingCount--;
    }

    private void copyResting(final int from, final int to)
    {
        restingId[to] = restingId[from];
        restingInstrument[to] = restingInstrument[from];
        restingSide[to] = restingSide[from];
        restingPrice[to] = restingPrice[from];
        restingLeaves[to] = restingLeaves[from];
        restingQueueAhead[to] = restingQueueAhead[from];
    }

    /** Orders resting at the venue (the venue's view, which leads the engine's by the report latency). */
    public int restingCount()
    {
        return restingCount;
    }

    /** Queue ahead of the resting order with that id, or -1 if it is not resting. */
    public long queueAheadOf(final long orderId)
    {
        for (int i = 0; i < restingCount; i++)
        {
            if (restingId[i] == orderId)
            {
                return restingQueueAhead[i];
            }
        }
        return -1;
    }

    public long capacityRejects()
    {
        return capacityRejects;
    }

    /** True while any action or report is still in flight. */
    public boolean hasPending()
    {
        return !arrivals.isEmpty() || !cancels.isEmpty() || !outgoing.isEmpty();
    }

    public long hash(final long seed)
    {
        long h = arrivals.hash(seed);
        h = cancels.hash(h);
        h = outgoing.hash(h);
        h = Hash64.mix(h, restingCount);
        for (int i = 0; i < restingCount; i++)
        {
            h = Hash64.mix(h, restingId[i]);
            h = Hash64.mix(h, restingLeaves[i]);
            h = Hash64.mix(h, restingQueueAhead[i]);
        }
        for (int instrument = 0; instrument < takenCount.length; instrument++)
        {
            h = Hash64.mix(h, takenCount[instrument]);
            for (int i = 0; i < takenCount[instrument]; i++)
            {
                h = Hash64.mix(h, takenPrice[instrument][i]);
                h = Hash64.mix(h, takenQuantity[instrument][i]);
            }
        }
        return Hash64.mix(h, capacityRejects);
    }
}
