package dev.peregrine.core.execution;

import dev.peregrine.core.book.BookSide;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.InstrumentRules;
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
 *       until the venue's next book or quote message for that instrument. What a market order wants
 *       beyond that is the {@link FillModel}'s call: cancelled (touch), worked on later trades and book
 *       messages (volume), or filled with a slippage (unlimited).</li>
 *   <li>A resting limit order queues behind the size visible at its price when it arrived; trades
 *       printing at its price eat that queue first, then fill it; trades through its price fill it.
 *       Only trades whose maker was on our side count (Coinbase reports the maker's side). On a synced
 *       L2 book it also fills when the opposite side moves to or through its price: the recorded book
 *       never shows our order, so an ask at or below our bid is one that would have traded with it.</li>
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
    private static final int MAX_WORKING = 1024;

    private final MarketState market;
    private final OrderStore orders;
    /** Replaced only between events ({@link #replaceSettings}). */
    private PaperVenueSettings settings;
    private final VenueReports reports;
    private final InstrumentRules rules;

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
    // Opposite-side size at or through the order's price at the last book message: only what is new fills.
    private final long[] restingCrossing = new long[MAX_RESTING];
    private int restingCount;

    private final WorkingOrders working = new WorkingOrders(MAX_WORKING);

    // Event time of the last advanceTo: the time of market updates, which carry none of their own.
    private long nowNanos;
    // Price of the last level takeAt filled at: where the unlimited model's remainder fills.
    private long lastTakenPrice;

    private long capacityRejects;

    /** A venue without instrument rules: prices and sizes on a grid of one scaled unit (tests, benchmarks). */
    public PaperVenue(final MarketState market, final OrderStore orders, final PaperVenueSettings settings,
        final VenueReports reports)
    {
        this(market, orders, settings, reports, null);
    }

    /** @param rules price and size increments: slipped prices and participation fills land on them */
    public PaperVenue(final MarketState market, final OrderStore orders, final PaperVenueSettings settings,
        final VenueReports reports, final InstrumentRules rules)
    {
        this.market = market;
        this.orders = orders;
        this.settings = settings;
        this.reports = reports;
        this.rules = rules;
        final int n = market.instrumentCount();
        takenPrice = new long[n][MAX_TAKEN_LEVELS];
        takenQuantity = new long[n][MAX_TAKEN_LEVELS];
        takenCount = new int[n];
    }

    /** Continues with another model (a settings change): orders already queued keep the times they were given. */
    public void replaceSettings(final PaperVenueSettings next)
    {
        settings = java.util.Objects.requireNonNull(next, "next");
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

    /**
     * A book or quote message for the instrument: the displayed liquidity is the venue's again. On a synced
     * L2 book, working market orders walk it again and resting limit orders it moved through fill.
     */
    public void onMarketUpdate(final int instrumentId)
    {
        takenCount[instrumentId] = 0;
        final OrderBook book = market.book(instrumentId);
        if (!book.isSynced() || book.isCrossed())
        {
            return;
        }
        if (working.count() > 0)
        {
            for (int i = 0; i < working.count(); i++)
            {
                if (working.instrument(i) == instrumentId)
                {
                    final long left = take(working.orderId(i), instrumentId, working.side(i), working.leaves(i), 0, nowNanos);
                    working.reduce(i, working.leaves(i) - left);
                }
            }
            working.removeDone();
        }
        if (restingCount > 0)
        {
            fillMovedThrough(instrumentId, book);
        }
    }

    /**
     * Resting orders whose price the opposite side of the book reached fill as makers, at their price. Only
     * crossing size the last message did not show counts (a level that stays is the same liquidity, not
     * more); it first meets the queue that was ahead of us at that price, then us.
     */
    private void fillMovedThrough(final int instrumentId, final OrderBook book)
    {
        for (int i = 0; i < restingCount; i++)
        {
            if (restingInstrument[i] != instrumentId)
            {
                continue;
            }
            final long crossing = crossingSize(book, restingSide[i], restingPrice[i]);
            final long fresh = Math.max(0, crossing - restingCrossing[i]);
            restingCrossing[i] = crossing;
            final long eaten = Math.min(restingQueueAhead[i], fresh);
            restingQueueAhead[i] -= eaten;
            final long fill = Math.min(restingLeaves[i], fresh - eaten);
            if (fill > 0)
            {
                restingLeaves[i] -= fill;
                report(nowNanos, restingId[i], fill, restingPrice[i], REPORT_FILL_MAKER);
            }
        }
        removeFilledResting();
    }

    /** Size on the side opposite {@code side} at or through {@code limit}: what would trade with an order there. */
    private static long crossingSize(final OrderBook book, final int side, final long limit)
    {
        final boolean buy = side == Side.BUY;
        final BookSide opposite = buy ? book.asks() : book.bids();
        long size = 0;
        for (int level = 0; level < opposite.depth(); level++)
        {
            final long price = opposite.priceAt(level);
            if (buy ? price > limit : price < limit)
            {
                break;
            }
            size += opposite.quantityAt(level);
        }
        return size;
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
        if (working.count() > 0)
        {
            fillWorking(instrumentId, quantity, price, nowNanos);
        }
    }

    /**
     * Working market orders take their participation share of a trade, at its price: one share for all of
     * them, oldest first (our orders together are one participant, not one each).
     */
    private void fillWorking(final int instrumentId, final long quantity, final long price, final long nowNanos)
    {
        final long increment = sizeIncrement(instrumentId);
        long share = (long)(quantity * settings.participation()) / increment * increment;
        for (int i = 0; i < working.count() && share > 0; i++)
        {
            if (working.instrument(i) == instrumentId)
            {
                final long fill = Math.min(working.leaves(i), share);
                share -= fill;
                working.reduce(i, fill);
                report(nowNanos, working.orderId(i), fill, price, REPORT_FILL_TAKER);
            }
        }
        working.removeDone();
    }

    /** Runs every venue action and report due at or before {@code nowNanos}, in time order. */
    public void advanceTo(final long nowNanos)
    {
        this.nowNanos = Math.max(this.nowNanos, nowNanos);
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
            boolean expire = false;
            if (working.count() > 0 && working.firstDeadline() <= nowNanos && working.firstDeadline() < best)
            {
                best = working.firstDeadline();
                expire = true;
                next = null;
            }
            if (!arrivals.isEmpty() && arrivals.headDue() <= nowNanos && arrivals.headDue() < best)
            {
                expire = false;
                next = arrivals;
            }
            if (expire)
            {
                // The window ended: what the order did not get is cancelled, as a venue's IOC remainder is.
                report(working.firstDeadline(), working.orderId(0), 0, 0, REPORT_CANCELLED);
                working.remove(0);
                continue;
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
        final FillModel model = settings.fillModel();
        if (type == OrderType.LIMIT || model == FillModel.VOLUME)
        {
            // A working market order is acknowledged like a resting one: the engine waits for it, not on it.
            report(at, id, 0, 0, REPORT_ACCEPTED);
        }
        if (type == OrderType.MARKET && model == FillModel.UNLIMITED && !market.book(instrument).isSynced())
        {
            final long touch = order.side() == Side.BUY ? market.askPrice(instrument) : market.bidPrice(instrument);
            report(at, id, order.quantity(), slipped(instrument, order.side(), touch), REPORT_FILL_TAKER);
            return;
        }
        final long limit = type == OrderType.MARKET ? 0 : order.limitPrice();
        lastTakenPrice = 0;
        final long left = take(id, instrument, order.side(), order.quantity(), limit, at);
        if (left == 0)
        {
            return;
        }
        if (type == OrderType.LIMIT)
        {
            rest(order, left, at);
        }
        else if (model == FillModel.VOLUME)
        {
            if (!working.add(id, instrument, order.side(), left, at + settings.fillWindowNanos()))
            {
                capacityRejects++;
                report(at, id, 0, 0, REPORT_CANCELLED);
            }
        }
        else if (model == FillModel.UNLIMITED)
        {
            final BookSide opposite = order.side() == Side.BUY ? market.book(instrument).asks() : market.book(instrument).bids();
            final long base = lastTakenPrice != 0 ? lastTakenPrice : opposite.priceAt(opposite.depth() - 1);
            report(at, id, left, slipped(instrument, order.side(), base), REPORT_FILL_TAKER);
        }
        else
        {
            report(at, id, 0, 0, REPORT_CANCELLED);
        }
    }

    /** {@code price} worsened by the slippage, rounded away from us to the price increment. */
    private long slipped(final int instrument, final int side, final long price)
    {
        final long tick = priceIncrement(instrument);
        final long ticks = (long)Math.ceil(price * settings.slippageBps() / 10_000.0 / tick);
        final long slip = ticks * tick;
        return side == Side.BUY ? price + slip : Math.max(tick, price - slip);
    }

    private long priceIncrement(final int instrument)
    {
        return rules == null ? 1 : Math.max(1, rules.priceIncrement(instrument));
    }

    private long sizeIncrement(final int instrument)
    {
        return rules == null ? 1 : Math.max(1, rules.sizeIncrement(instrument));
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
        final int workingIndex = working.indexOf(id);
        if (workingIndex >= 0)
        {
            working.remove(workingIndex);
            report(at, id, 0, 0, REPORT_CANCELLED);
            return;
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
    private long take(final long orderId, final int instrument, final int side, final long quantity, final long limit,
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
                left -= takeAt(orderId, instrument, price, opposite.quantityAt(level), left, at, price, REPORT_FILL_TAKER);
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
        return left - takeAt(orderId, instrument, price, displayed, left, at, price, REPORT_FILL_TAKER);
    }

    /** Takes up to {@code wanted} of what is displayed at {@code price} and not taken yet; reports it at {@code fillPrice}. */
    private long takeAt(final long orderId, final int instrument, final long price, final long displayed, final long wanted,
        final long at, final long fillPrice, final int code)
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
        lastTakenPrice = price;
        report(at, orderId, fill, fillPrice, code);
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
        // What crosses it on arrival it has just met (the marketable part took it): that is not new.
        final OrderBook book = market.book(order.instrumentId());
        restingCrossing[i] = book.isSynced() ? crossingSize(book, order.side(), order.limitPrice()) : 0;
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
        restingCrossing[to] = restingCrossing[from];
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

    /** Market orders still working at the venue ({@link FillModel#VOLUME}). */
    public int workingCount()
    {
        return working.count();
    }

    /** True while any action or report is still in flight, or a market order still works. */
    public boolean hasPending()
    {
        return !arrivals.isEmpty() || !cancels.isEmpty() || !outgoing.isEmpty() || working.count() > 0;
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
            if (restingCrossing[i] != 0)
            {
                h = Hash64.mix(h, restingCrossing[i]); // only then: states without a crossing hash as before
            }
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
        if (working.count() > 0)
        {
            h = working.hash(h); // only then: states without working orders hash as before fill models existed
        }
        return Hash64.mix(h, capacityRejects);
    }
}
