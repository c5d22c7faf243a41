package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.config.StrategyDefinition;

/**
 * An L2 market maker: one resting bid and one resting ask around the mid of one instrument's book,
 * skewed against its inventory, resized at its position limit, and moved as the book moves.
 *
 * <p><b>Parameters</b> ({@link #DEFINITION}): {@code instrument} (default the first product),
 * {@code spread-bps} (full spread, bps of the mid, default 10, > 0), {@code quantity} (quote size, default
 * the engine's order quantity), {@code max-position} (absolute inventory limit, default 4 x quantity, at
 * least quantity), {@code skew-bps} (shift of both quotes at full max-position, default spread-bps / 2),
 * {@code requote-ticks} (default 1) and {@code min-requote-ms} (default 0: no minimum).
 *
 * <p><b>When it quotes.</b> On {@code onBook} for its instrument, and only when trading is not halted, the
 * feed is healthy, the book is synced, both sides hold levels and the book is not crossed. Otherwise it leaves its quotes as
 * they are: a gap or a stale feed has already cancelled them (below), and a one-sided or crossed book is
 * a moment inside a burst of venue messages. Quotes react to book messages only: not to trades, fills
 * or clock events, so after a fill the side is quoted again on the next book message.
 *
 * <p><b>Prices</b> ({@link QuotePricer}): {@code bid = mid x (1 - spread/2 - skew x r)} rounded down to
 * the tick, {@code ask = mid x (1 + spread/2 - skew x r)} rounded up, where {@code r} is this strategy's
 * own position over max-position (saturating at +-1). Post-only by price: the bid is held at least a tick
 * below the best ask and the ask a tick above the best bid, so a heavy skew leaves a quote one tick short
 * of the far touch rather than crossing it.
 *
 * <p><b>Sizes</b>: {@code bid = min(quantity, maxPosition - position)} and
 * {@code ask = min(quantity, maxPosition + position)}, rounded down to the lot size. A side whose size
 * is not positive (or whose price is not positive) is not quoted, and its working quote is cancelled:
 * at max-position long only the ask is quoted.
 *
 * <p><b>Cancel and replace.</b> At most one working quote per side. No working quote: a new limit order.
 * A working quote is replaced ({@code replaceOrder}: cancel and new order in one event) when its price is
 * at least {@code requote-ticks} ticks from the desired one, or its unfilled quantity differs from the
 * desired size (so a partial fill is topped up, at the price of its queue place), but not sooner than
 * {@code min-requote-ms} after it was placed. A side waits, placing nothing, while:
 * <ul>
 *   <li>another of its orders is still open, i.e. a cancel the venue has not confirmed: quotes never
 *       stack. An order back at work because the venue refused its cancel is cancelled again;</li>
 *   <li>the new price would trade against one of this strategy's orders on the other side (the engine's
 *       self-trade check would refuse it): after a jump, until the old opposite quote's cancel lands;</li>
 *   <li>for {@link #REJECT_BACKOFF_NANOS} after one of its quotes was refused (by risk or the venue), so
 *       a halted engine or a tripped limit is not asked again on every book message.</li>
 * </ul>
 * Fills, cancels, rejects and expiries of a quote forget it; a partial fill keeps it.
 *
 * <p><b>Feed health.</b> When the feed turns stale or gaps, every order of the strategy in the instrument
 * is cancelled. Quoting resumes on the first usable book message once the feed is healthy again (after a
 * gap that is after a fresh snapshot, as the book stays unsynced until then).
 *
 * <p>Every order is explained before it is sent: signal {@code quote-bid}, {@code quote-ask},
 * {@code requote-bid} or {@code requote-ask} with {@code mid}, {@code desired_price},
 * {@code inventory} (this strategy's position, base units), {@code skew_bps} (the skew applied, bps) and
 * {@code spread_bps}.
 *
 * <p>Callbacks allocate nothing; with venue latency a replaced quote can still fill before its cancel
 * lands, so max-position is the strategy's aim, and the engine's position check the hard limit.
 */
public final class MarketMaker implements Strategy
{
    public static final String NAME = "market-maker";

    /** Its parameters (see {@link StrategyDefinition#parameterHelp()}), for {@code BuiltInStrategies}. */
    public static final StrategyDefinition DEFINITION = new MarketMakerDefinition();

    /** A refused quote's side waits this long (event time) before quoting again. */
    public static final long REJECT_BACKOFF_NANOS = 1_000_000_000L;

    static final String QUOTE_BID = "quote-bid";
    static final String QUOTE_ASK = "quote-ask";
    static final String REQUOTE_BID = "requote-bid";
    static final String REQUOTE_ASK = "requote-ask";
    static final String MID = "mid";
    static final String DESIRED_PRICE = "desired_price";
    static final String INVENTORY = "inventory";
    static final String SKEW_BPS = "skew_bps";
    static final String SPREAD_BPS = "spread_bps";

    private final StrategyContext context;
    private final int instrument;
    private final double spreadBps;
    private final long quantity;
    private final long maxPosition;
    private final long requoteTicks;
    private final long minRequoteNanos;
    private final QuotePricer pricer;
    private final QuoteSide bid = new QuoteSide(Side.BUY, QUOTE_BID, REQUOTE_BID);
    private final QuoteSide ask = new QuoteSide(Side.SELL, QUOTE_ASK, REQUOTE_ASK);

    /**
     * @param spreadBps       full spread, basis points of the mid, in (0, 1000]
     * @param skewBps         shift of both quotes at full max-position, basis points, in [0, 1000]
     * @param quantity        quote size, scaled, > 0
     * @param maxPosition     absolute position limit, scaled, >= quantity
     * @param requoteTicks    price change, in ticks, that moves a working quote, >= 1
     * @param minRequoteNanos least event time between placing a quote and replacing it, >= 0
     */
    public MarketMaker(
        final StrategyContext context,
        final int instrument,
        final double spreadBps,
        final double skewBps,
        final long quantity,
        final long maxPosition,
        final int requoteTicks,
        final long minRequoteNanos)
    {
        if (instrument < 0 || instrument >= context.instrumentCount())
        {
            throw new IllegalArgumentException("no instrument " + instrument + " in this engine");
        }
        if (quantity <= 0 || maxPosition < quantity)
        {
            throw new IllegalArgumentException("need 0 < quantity <= max-position, got quantity " + quantity +
                " and max-position " + maxPosition + " (scaled)");
        }
        if (requoteTicks < 1 || minRequoteNanos < 0)
        {
            throw new IllegalArgumentException("requote-ticks must be >= 1 and the minimum requote interval >= 0");
        }
        this.context = context;
        this.instrument = instrument;
        this.spreadBps = spreadBps;
        this.pricer = new QuotePricer(spreadBps, skewBps);
        this.quantity = quantity;
        this.maxPosition = maxPosition;
        this.requoteTicks = requoteTicks;
        this.minRequoteNanos = minRequoteNanos;
    }

    @Override
    public void onBook(final int instrumentId, final long timeNanos)
    {
        // Halted, every order is refused: quoting on would only collect rejects (the halt cancelled the quotes).
        if (instrumentId != instrument || !context.feedHealthy(instrumentId) ||
            context.tradingState() == TradingState.HALTED)
        {
            return;
        }
        final OrderBook book = context.book(instrumentId);
        if (!book.isSynced() || book.bids().isEmpty() || book.asks().isEmpty() || book.isCrossed())
        {
            return;
        }
        final long tick = context.priceIncrement(instrumentId);
        final long lot = context.sizeIncrement(instrumentId);
        final long position = context.position(instrumentId);
        pricer.price(book.bids().bestPrice(), book.asks().bestPrice(), tick, position, maxPosition);
        final long bidSize = pricer.bidPrice() > 0 ?
            FixedPoint.floorToIncrement(Math.min(quantity, maxPosition - position), lot) : 0;
        final long askSize = FixedPoint.floorToIncrement(Math.min(quantity, maxPosition + position), lot);
        work(bid, pricer.bidPrice(), bidSize, position, tick, timeNanos);
        work(ask, pricer.askPrice(), askSize, position, tick, timeNanos);
    }

    /** Brings one side to {@code price} x {@code size}: a new quote, a replacement, a cancel, or nothing. */
    private void work(final QuoteSide q, final long price, final long size, final long position, final long tick,
        final long now)
    {
        forgetIfNotWorking(q);
        final long id = q.orderId();
        if (size <= 0)
        {
            if (id != 0 && context.cancelOrder(id))
            {
                q.forget();
            }
            return;
        }
        if (id != 0)
        {
            final boolean moved = Math.abs(price - q.price()) >= requoteTicks * tick;
            final boolean resized = context.order(id).leavesQuantity() != size;
            if ((!moved && !resized) || now - q.placedNanos() < minRequoteNanos)
            {
                return;
            }
        }
        if (q.heldBackAt(now) || !onlyQuoteOpen(q, id) || crossesOwnOrder(q, price))
        {
            return;
        }
        if (id == 0)
        {
            explain(q.quoteSignal(), price, position);
            final long newId = context.submitLimitOrder(instrument, q.side(), size, price);
            if (newId > 0)
            {
                q.track(newId, price, size, now);
            }
            else
            {
                q.holdBackUntil(now + REJECT_BACKOFF_NANOS);
            }
            return;
        }
        explain(q.requoteSignal(), price, position);
        final long newId = context.replaceOrder(id, size, price);
        if (newId > 0)
        {
            q.track(newId, price, size, now);
            return;
        }
        // -1 is either a cancel that could not be sent (the quote still works: try again next message) or a
        // cancel sent and the new order refused (the side is empty: hold back).
        if (!isWorking(context.order(id)))
        {
            q.forget();
            q.holdBackUntil(now + REJECT_BACKOFF_NANOS);
        }
    }

    private void explain(final String signal, final long price, final long position)
    {
        context.decision().signal(signal)
            .value(MID, FixedPoint.toDouble(pricer.mid()))
            .value(DESIRED_PRICE, FixedPoint.toDouble(price))
            .value(INVENTORY, FixedPoint.toDouble(position))
            .value(SKEW_BPS, pricer.appliedSkewBps())
            .value(SPREAD_BPS, spreadBps);
    }

    /**
     * True when no order of this side is open besides the working quote {@code workingId}. Any other is a
     * cancel still in flight, or one the venue refused (the order works again): that one is asked again.
     */
    private boolean onlyQuoteOpen(final QuoteSide q, final long workingId)
    {
        boolean only = true;
        for (int i = 0; i < context.openOrderCount(); i++)
        {
            final Order order = context.openOrder(i);
            if (order == null || order.instrumentId() != instrument || order.side() != q.side() ||
                order.orderId() == workingId)
            {
                continue;
            }
            only = false;
            if (order.state() != OrderState.PENDING_CANCEL)
            {
                context.cancelOrder(order.orderId());
            }
        }
        return only;
    }

    /** Would a quote at {@code price} trade with one of this strategy's open orders on the other side? */
    private boolean crossesOwnOrder(final QuoteSide q, final long price)
    {
        for (int i = 0; i < context.openOrderCount(); i++)
        {
            final Order order = context.openOrder(i);
            if (order != null && order.instrumentId() == instrument && order.side() != q.side() &&
                order.type() == OrderType.LIMIT && q.crosses(price, order.limitPrice()))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        if (instrumentId != instrument || healthy)
        {
            return;
        }
        context.cancelAllOrders(instrumentId);
        // A cancel refused here (rate limit) leaves its quote tracked, so it is replaced, not doubled, later.
        forgetIfNotWorking(bid);
        forgetIfNotWorking(ask);
    }

    @Override
    public void onOrderFilled(final Order order, final long quantity, final long price, final long timeNanos)
    {
        forget(order.orderId());
    }

    @Override
    public void onOrderCancelled(final Order order, final long timeNanos)
    {
        forget(order.orderId());
    }

    @Override
    public void onOrderExpired(final Order order, final long timeNanos)
    {
        forget(order.orderId());
    }

    @Override
    public void onOrderRejected(final long orderId, final int instrumentId, final RejectReason reason,
        final long timeNanos)
    {
        if (bid.orderId() == orderId)
        {
            bid.forget();
            bid.holdBackUntil(timeNanos + REJECT_BACKOFF_NANOS);
        }
        if (ask.orderId() == orderId)
        {
            ask.forget();
            ask.holdBackUntil(timeNanos + REJECT_BACKOFF_NANOS);
        }
    }

    private void forget(final long orderId)
    {
        if (bid.orderId() == orderId)
        {
            bid.forget();
        }
        if (ask.orderId() == orderId)
        {
            ask.forget();
        }
    }

    /** Drops a tracked quote that stopped working behind this strategy's back (a kill's cancel sweep). */
    private void forgetIfNotWorking(final QuoteSide q)
    {
        if (q.orderId() != 0 && !isWorking(context.order(q.orderId())))
        {
            q.forget();
        }
    }

    private static boolean isWorking(final Order order)
    {
        return order != null && !order.state().isTerminal() && order.state() != OrderState.PENDING_CANCEL;
    }

    /** The working bid's order id, or 0: for tests and reports. */
    public long bidOrderId()
    {
        return bid.orderId();
    }

    /** The working ask's order id, or 0. */
    public long askOrderId()
    {
        return ask.orderId();
    }

    /** The working bid's price as sent (scaled), or 0. */
    public long bidPrice()
    {
        return bid.price();
    }

    /** The working ask's price as sent (scaled), or 0. */
    public long askPrice()
    {
        return ask.price();
    }

    public long maxPosition()
    {
        return maxPosition;
    }

    @Override
    public long hash(final long seed)
    {
        return ask.hash(bid.hash(seed));
    }
}
