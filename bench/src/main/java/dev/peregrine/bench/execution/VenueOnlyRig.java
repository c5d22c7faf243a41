package dev.peregrine.bench.execution;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.Liquidity;
import dev.peregrine.core.execution.PaperVenue;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.execution.VenueReports;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * The paper venue without the rest of the core: a {@link PaperVenue} over its own {@link MarketState} and
 * {@link OrderStore}, fed the same {@link OscillatingMarket} events the way {@code TradingCore} feeds it
 * ({@code advanceTo} before each input; a trade goes to {@code onTrade} and is followed by another
 * {@code advanceTo}; book and quote messages free taken liquidity). No strategy, no risk: a resting ladder of
 * limit orders (two bids, two asks per instrument inside the swing) is kept on the venue instead, each order
 * re-sent at the same price as soon as its last fill is reported, as a market maker re-quotes. So every cycle
 * has arrivals (some marketable, walking the book as takers), queue-position tracking, maker fills through the
 * queue, and report delivery. The reports are applied to the order store as {@code ExecutionEngine} applies
 * them (state transitions, fills), without positions or outputs.
 */
public final class VenueOnlyRig implements VenueReports
{
    private static final int[] LADDER_OFFSETS = {3, 5, 11, 13}; // ticks above the swing's bottom
    private static final int[] LADDER_SIDES = {Side.BUY, Side.BUY, Side.SELL, Side.SELL};

    public final MarketState market;
    public final OrderStore orders = new OrderStore(1 << 12);
    public final PaperVenue venue;
    private final long[] orderQuantity;
    private long lastOrderId;
    public long fills;
    public long resubmits;

    public VenueOnlyRig(final OscillatingMarket source, final long[] orderQuantity, final long startNanos)
    {
        final int n = orderQuantity.length;
        this.orderQuantity = orderQuantity.clone();
        market = new MarketState(n);
        venue = new PaperVenue(market, orders, PaperVenueSettings.DEFAULT, this);
        for (final InboundEvent e : source.snapshot())
        {
            e.eventTimeNanos = startNanos;
            apply(e);
        }
        for (int id = 0; id < n; id++)
        {
            for (int i = 0; i < LADDER_OFFSETS.length; i++)
            {
                send(id, LADDER_SIDES[i], orderQuantity[id], source.startMid[id] + LADDER_OFFSETS[i] * source.tick[id],
                    startNanos);
            }
        }
    }

    /** One inbound event, as far as the venue sees it. */
    public void apply(final InboundEvent e)
    {
        final long now = e.eventTimeNanos;
        final int id = e.instrumentId;
        venue.advanceTo(now);
        switch (e.type)
        {
            case EventType.TRADE:
                market.onTrade(id, e.price);
                venue.onTrade(id, e.price, e.quantity, e.side, now);
                venue.advanceTo(now);
                break;
            case EventType.BOOK_LEVEL:
                final OrderBook book = market.book(id);
                if (BookFlags.has(e.flags, BookFlags.SNAPSHOT_BEGIN))
                {
                    book.beginSnapshot();
                }
                book.set(e.side, e.price, e.quantity);
                if (BookFlags.has(e.flags, BookFlags.SNAPSHOT_END))
                {
                    book.endSnapshot();
                }
                if (BookFlags.has(e.flags, BookFlags.END_OF_MESSAGE))
                {
                    venue.onMarketUpdate(id);
                }
                break;
            case EventType.QUOTE:
                market.onQuote(id, e.bidPrice, e.bidQuantity, e.askPrice, e.askQuantity, e.price);
                venue.onMarketUpdate(id);
                break;
            default:
                break;
        }
    }

    private void send(final int id, final int side, final long quantity, final long price, final long now)
    {
        final Order order = orders.create(++lastOrderId, 0, id, side, OrderType.LIMIT, quantity, price, false, now);
        if (order == null)
        {
            throw new IllegalStateException("venue-only rig: order pool full, orders are not completing");
        }
        venue.submit(order, now);
    }

    @Override
    public void onVenueAccepted(final Order order, final long timeNanos)
    {
        orders.transition(order, OrderState.ACKNOWLEDGED, timeNanos);
    }

    @Override
    public void onVenueFill(final Order order, final long quantity, final long price, final Liquidity liquidity,
        final long timeNanos)
    {
        if (!orders.applyFill(order, quantity, price, venue.settings().fee(price * 1e-8 * quantity * 1e-8, liquidity),
            timeNanos))
        {
            throw new IllegalStateException("venue-only rig: the venue reported an impossible fill");
        }
        fills++;
        if (order.state() == OrderState.FILLED)
        {
            resubmits++;
            send(order.instrumentId(), order.side(), order.quantity(), order.limitPrice(), timeNanos);
        }
    }

    @Override
    public void onVenueCancelled(final Order order, final long timeNanos)
    {
        orders.transition(order, OrderState.CANCELLED, timeNanos);
    }

    @Override
    public void onVenueRejected(final Order order, final RejectReason reason, final long timeNanos)
    {
        orders.transition(order, OrderState.REJECTED, timeNanos);
    }
}
