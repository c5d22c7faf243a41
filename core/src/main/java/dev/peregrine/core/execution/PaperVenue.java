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
import dev.peregrine.core.perpetual.PerpetualState;

/**
 * A deterministic matching simulator that does not flatter, run on the core thread and driven only by
 * core events, so paper trading, replay and backtest fill identically. This class times the venue (order and
 * cancel arrivals, working market orders' windows) and decides what an arriving order does; the parts are
 * {@link PaperReports} (reports waiting out the fill latency), {@link PaperTakenLiquidity} (walking the book)
 * and {@link PaperRestingOrders} (the resting limit orders and their maker fills).
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
    private static final int ARRIVAL = 0;
    private static final int ARRIVAL_CANCELLED = 1;

    // What advanceTo does next.
    private static final int NOTHING_DUE = 0;
    private static final int DELIVER = 1;
    private static final int CANCEL = 2;
    private static final int EXPIRE = 3;
    private static final int ARRIVE = 4;

    private static final int MAX_RESTING = 4096;
    private static final int MAX_WORKING = 1024;

    private final MarketState market;
    private final OrderStore orders;
    /** Replaced only between events ({@link #replaceSettings}). */
    private PaperVenueSettings settings;
    private final InstrumentRules rules;

    private final VenueActionQueue arrivals = new VenueActionQueue(4096);
    private final VenueActionQueue cancels = new VenueActionQueue(4096);
    private final PaperReports reports;
    private final PaperTakenLiquidity taken;
    private final PaperRestingOrders resting;
    private final WorkingOrders working = new WorkingOrders(MAX_WORKING);

    // Event time of the last advanceTo: the time of market updates, which carry none of their own.
    private long nowNanos;

    private long capacityRejects;
    /** Null unless an instrument is a perpetual ({@link #liquidateWith}). */
    private PaperLiquidations liquidations;

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
        this.rules = rules;
        this.reports = new PaperReports(reports, orders, settings.fillLatencyNanos());
        this.taken = new PaperTakenLiquidity(market, this.reports);
        this.resting = new PaperRestingOrders(MAX_RESTING, market, orders, this.reports);
    }

    /**
     * Perpetuals: liquidate positions whose mark crosses their liquidation price ({@link PaperLiquidations}), with
     * orders {@code engine} places on the venue's behalf. Called once while the core is built.
     */
    public void liquidateWith(final PerpetualState perpetuals, final PositionBook positions, final ExecutionEngine engine)
    {
        if (perpetuals.active())
        {
            liquidations = new PaperLiquidations(perpetuals.account(), perpetuals.marks(), positions, orders, engine);
        }
    }

    /**
     * A MARK_PRICE of the instrument was applied: a position whose liquidation price the mark crossed is liquidated
     * at the mark. {@code holders} says which strategy holds what.
     */
    public void onMark(final int instrumentId, final long nowNanos, final PaperLiquidations.Holders holders)
    {
        if (liquidations != null)
        {
            this.nowNanos = Math.max(this.nowNanos, nowNanos);
            liquidations.onMark(instrumentId, this.nowNanos, holders, this);
        }
    }

    /** Positions liquidated so far (one per instrument and crossing of the liquidation price). */
    public long liquidations()
    {
        return liquidations == null ? 0 : liquidations.count();
    }

    /** The venue filled its own liquidation order at the mark; the engine hears it after the fill latency. */
    void reportLiquidationFill(final long orderId, final long quantity, final long price, final long nowNanos)
    {
        report(nowNanos, orderId, quantity, price, PaperReports.FILL_TAKER);
    }

    /** Continues with another model (a settings change): orders already queued keep the times they were given. */
    public void replaceSettings(final PaperVenueSettings next)
    {
        settings = java.util.Objects.requireNonNull(next, "next");
        reports.latency(next.fillLatencyNanos());
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
            report(nowNanos, order.orderId(), 0, 0, PaperReports.REJECTED_CAPACITY);
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
        taken.onMarketUpdate(instrumentId);
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
                    final long left = taken.take(working.orderId(i), instrumentId, working.side(i), working.leaves(i), 0, nowNanos);
                    working.reduce(i, working.leaves(i) - left);
                }
            }
            working.removeDone();
        }
        if (resting.count() > 0)
        {
            resting.onBook(instrumentId, book, nowNanos);
        }
    }

    /** A trade printed: resting orders it reaches fill as makers. */
    public void onTrade(final int instrumentId, final long price, final long quantity, final int makerSide,
        final long nowNanos)
    {
        resting.onTrade(instrumentId, price, quantity, makerSide, nowNanos);
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
                report(nowNanos, working.orderId(i), fill, price, PaperReports.FILL_TAKER);
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
            int action = NOTHING_DUE;
            if (!reports.isEmpty() && reports.headDue() <= nowNanos)
            {
                best = reports.headDue();
                action = DELIVER;
            }
            if (!cancels.isEmpty() && cancels.headDue() <= nowNanos && cancels.headDue() < best)
            {
                best = cancels.headDue();
                action = CANCEL;
            }
            if (working.count() > 0 && working.firstDeadline() <= nowNanos && working.firstDeadline() < best)
            {
                best = working.firstDeadline();
                action = EXPIRE;
            }
            if (!arrivals.isEmpty() && arrivals.headDue() <= nowNanos && arrivals.headDue() < best)
            {
                action = ARRIVE;
            }
            switch (action)
            {
                case DELIVER -> reports.deliver();
                case CANCEL -> applyCancel();
                case EXPIRE ->
                {
                    // The window ended: what the order did not get is cancelled, as a venue's IOC remainder is.
                    report(working.firstDeadline(), working.orderId(0), 0, 0, PaperReports.CANCELLED);
                    working.removeAt(0);
                }
                case ARRIVE -> applyArrival();
                default ->
                {
                    return;
                }
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
            report(at, id, 0, 0, PaperReports.CANCELLED);
            return;
        }
        final int instrument = order.instrumentId();
        final OrderType type = order.type();
        if (type == OrderType.MARKET && !taken.hasLiquidity(instrument, order.side()))
        {
            report(at, id, 0, 0, PaperReports.REJECTED_NO_MARKET);
            return;
        }
        final FillModel model = settings.fillModel();
        if (type == OrderType.LIMIT_FOK && model != FillModel.UNLIMITED
            && taken.available(instrument, order.side(), order.limitPrice()) < order.quantity())
        {
            // Fill-or-kill: not all of it at its price or better right now, so none of it (no partial fill).
            report(at, id, 0, 0, PaperReports.CANCELLED);
            return;
        }
        if (type == OrderType.LIMIT || model == FillModel.VOLUME)
        {
            // A working market order is acknowledged like a resting one: the engine waits for it, not on it.
            report(at, id, 0, 0, PaperReports.ACCEPTED);
        }
        if (type == OrderType.MARKET && model == FillModel.UNLIMITED && !market.book(instrument).isSynced())
        {
            final long touch = order.side() == Side.BUY ? market.askPrice(instrument) : market.bidPrice(instrument);
            report(at, id, order.quantity(), slipped(instrument, order.side(), touch), PaperReports.FILL_TAKER);
            return;
        }
        final long limit = type == OrderType.MARKET ? 0 : order.limitPrice();
        taken.startOrder();
        final long left = taken.take(id, instrument, order.side(), order.quantity(), limit, at);
        if (left == 0)
        {
            return;
        }
        if (type == OrderType.LIMIT)
        {
            if (!resting.rest(order, left))
            {
                capacityRejects++;
                report(at, id, 0, 0, PaperReports.CANCELLED);
            }
        }
        else if (model == FillModel.VOLUME)
        {
            if (!working.add(id, instrument, order.side(), left, at + settings.fillWindowNanos()))
            {
                capacityRejects++;
                report(at, id, 0, 0, PaperReports.CANCELLED);
            }
        }
        else if (model == FillModel.UNLIMITED)
        {
            final BookSide opposite = order.side() == Side.BUY ? market.book(instrument).asks() : market.book(instrument).bids();
            final long lastTaken = taken.lastTakenPrice();
            final long base = lastTaken != 0 ? lastTaken : opposite.priceAt(opposite.depth() - 1);
            report(at, id, left, slipped(instrument, order.side(), base), PaperReports.FILL_TAKER);
        }
        else
        {
            report(at, id, 0, 0, PaperReports.CANCELLED);
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
        if (resting.remove(id))
        {
            report(at, id, 0, 0, PaperReports.CANCELLED);
            return;
        }
        final int workingIndex = working.indexOf(id);
        if (workingIndex >= 0)
        {
            working.removeAt(workingIndex);
            report(at, id, 0, 0, PaperReports.CANCELLED);
            return;
        }
        // Not resting: either it has not arrived yet (cancel it on arrival), or it is already done
        // (its fill or cancel report is on its way and will settle the engine's PENDING_CANCEL).
        arrivals.recode(id, ARRIVAL_CANCELLED);
    }

    private void report(final long venueTimeNanos, final long orderId, final long quantity, final long price, final int code)
    {
        reports.report(venueTimeNanos, orderId, quantity, price, code);
    }

    /** Orders resting at the venue (the venue's view, which leads the engine's by the report latency). */
    public int restingCount()
    {
        return resting.count();
    }

    /** Queue ahead of the resting order with that id, or -1 if it is not resting. */
    public long queueAheadOf(final long orderId)
    {
        return resting.queueAheadOf(orderId);
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
        return !arrivals.isEmpty() || !cancels.isEmpty() || !reports.isEmpty() || working.count() > 0;
    }

    public long hash(final long seed)
    {
        long h = arrivals.hash(seed);
        h = cancels.hash(h);
        h = reports.hash(h);
        h = resting.hash(h);
        h = taken.hash(h);
        if (working.count() > 0)
        {
            h = working.hash(h); // only then: states without working orders hash as before fill models existed
        }
        h = Hash64.mix(h, capacityRejects);
        return liquidations() == 0 ? h : Hash64.mix(h, liquidations()); // only once one happened: older hashes stay
    }
}
