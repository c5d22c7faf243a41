package dev.peregrine.core.execution;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/**
 * A venue's reports turned into state: each moves its order through the order state machine, and a fill
 * is booked into the positions and the fee ledger, then told to the outputs and to the strategy that
 * placed the order. The paper venue calls it directly ({@link VenueReports}); a live venue's answers come
 * as journaled VENUE_* events ({@link #onVenueReport}), so live, paper and replay share one path. Also
 * where an order the venue never answered expires ({@link #onSilence}). Owned by the core thread.
 */
public final class VenueReportHandler implements VenueReports
{
    private final OrderStore orders;
    private final PositionBook positions;
    private final FeeLedger fees;
    private final OutputListener outputs;
    private final CoreMetrics metrics;
    private final ExecutionQuality quality;
    /** The paper venue's fee schedule (fills it reports carry no fee); replaced with the venue's settings. */
    private PaperVenueSettings feeSchedule;
    private OrderEvents orderEvents = OrderEvents.NONE;
    /** Told of each live venue report, for the orders recovered pending at a restart; set by the execution engine. */
    private VenueTimeouts timeouts;

    public VenueReportHandler(final OrderStore orders, final PositionBook positions, final FeeLedger fees,
        final OutputListener outputs, final CoreMetrics metrics, final PaperVenueSettings feeSchedule)
    {
        this.orders = orders;
        this.positions = positions;
        this.fees = fees;
        this.outputs = outputs;
        this.metrics = metrics;
        this.quality = new ExecutionQuality(metrics);
        this.feeSchedule = feeSchedule;
    }

    /** Who times out orders the venue never answered (it waits for the venue's report on recovered ones). */
    void timeouts(final VenueTimeouts timeouts)
    {
        this.timeouts = timeouts;
    }

    /** Where order events go (the strategies). */
    void orderEvents(final OrderEvents listener)
    {
        this.orderEvents = listener;
    }

    /** The paper venue's settings changed (a settings change, between events). */
    void replaceFeeSchedule(final PaperVenueSettings next)
    {
        this.feeSchedule = next;
    }

    ExecutionQuality quality()
    {
        return quality;
    }

    /**
     * A live venue's answer, from a journaled VENUE_* event: the same {@link VenueReports} path the paper
     * venue takes, so live, paper and replay share one order state machine. A fill reported twice (the
     * user channel can repeat itself after a reconnect) is applied once; an answer about an order the
     * engine no longer holds is counted and ignored.
     */
    public void onVenueReport(final InboundEvent event)
    {
        final Order order = orders.get(event.orderId);
        final long now = event.eventTimeNanos;
        if (order == null)
        {
            metrics.venueReportsUnmatched.increment();
            return;
        }
        if (timeouts != null)
        {
            timeouts.onVenueReport(event.orderId, now);
        }
        switch (event.type)
        {
            case EventType.VENUE_ACCEPTED:
                onVenueAccepted(order, now);
                break;
            case EventType.VENUE_REJECTED:
                onVenueRejected(order, RejectReason.VENUE_REJECTED, now);
                break;
            case EventType.VENUE_FILL:
                if (orders.firstSightOfVenueFill(order, event.tradeId))
                {
                    applyFill(order, event.quantity, event.price, FixedPoint.toDouble(event.fee),
                        event.flags == 1 ? Liquidity.MAKER : Liquidity.TAKER, now);
                }
                else
                {
                    metrics.venueFillsDuplicated.increment();
                }
                break;
            case EventType.VENUE_CANCELLED:
                onVenueCancelled(order, now);
                break;
            case EventType.VENUE_CANCEL_REJECTED:
                if (order.state() == OrderState.PENDING_CANCEL)
                {
                    orders.restoreAfterCancelRefused(order, now);
                    outputs.onCancelRefused(order.orderId(), order.instrumentId(), order.state() != OrderState.PENDING_NEW, now);
                }
                break;
            default:
                // VENUE_UNKNOWN: the order may or may not exist; it stays as it is until the venue says more
                // (or the venue time-out expires it).
                metrics.venueUnknown.increment();
                break;
        }
    }

    @Override
    public void onVenueAccepted(final Order order, final long timeNanos)
    {
        if (order.state() == OrderState.PENDING_NEW && orders.transition(order, OrderState.ACKNOWLEDGED, timeNanos))
        {
            outputs.onAccepted(order.orderId(), order.instrumentId(), timeNanos);
            orderEvents.onAccepted(order, timeNanos);
        }
    }

    @Override
    public void onVenueFill(final Order order, final long quantity, final long price, final Liquidity liquidity,
        final long timeNanos)
    {
        final double notional = FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity);
        // The paper venue's own liquidation orders pay its liquidation clearance fee, not the taker fee.
        final double fee = order.type() == OrderType.LIQUIDATION ? feeSchedule.liquidationFee(notional) :
            feeSchedule.fee(notional, liquidity);
        applyFill(order, quantity, price, fee, liquidity, timeNanos);
    }

    /** A fill of the venue's own liquidation order at the fee the venue charged ({@link VenueLiquidations}). */
    void onVenueLiquidationFill(final Order order, final long quantity, final long price, final double fee,
        final long timeNanos)
    {
        applyFill(order, quantity, price, fee, Liquidity.TAKER, timeNanos);
    }

    private void applyFill(final Order order, final long quantity, final long price, final double fee,
        final Liquidity liquidity, final long timeNanos)
    {
        if (!orders.applyFill(order, quantity, price, fee, timeNanos))
        {
            // A venue fill for an order the engine already gave up on (expired after venue silence, or
            // cancelled while the fill was in flight) is still a real trade: the position must follow the
            // venue, not the engine's bookkeeping. Fills of a FILLED or REJECTED order are not real.
            final OrderState state = order.state();
            if (state != OrderState.EXPIRED && state != OrderState.CANCELLED)
            {
                return;
            }
            metrics.lateFills.increment();
        }
        positions.applyFill(order.instrumentId(), order.side(), quantity, price, fee);
        fees.record(order.orderId(), order.instrumentId(), quantity, price, fee, liquidity);
        metrics.fills.increment();
        quality.onFill(order, quantity, price);
        outputs.onFill(order.orderId(), order.instrumentId(), order.side(), quantity, price, fee, timeNanos);
        orderEvents.onFill(order, quantity, price, fee, timeNanos);
    }

    @Override
    public void onVenueCancelled(final Order order, final long timeNanos)
    {
        final long leaves = order.quantity() - order.filledQuantity();
        if (orders.transition(order, OrderState.CANCELLED, timeNanos))
        {
            metrics.cancels.increment();
            outputs.onCancel(order.orderId(), order.instrumentId(), leaves, timeNanos);
            orderEvents.onCancelled(order, timeNanos);
        }
    }

    @Override
    public void onVenueRejected(final Order order, final RejectReason reason, final long timeNanos)
    {
        if (orders.transition(order, OrderState.REJECTED, timeNanos))
        {
            onRefused(order.strategyId(), order.orderId(), order.instrumentId(), order.side(), order.quantity(), reason,
                timeNanos);
        }
    }

    /** An order refused, by the venue or before it left (risk, the trading state): counted, told, and heard. */
    void onRefused(final int strategyId, final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        metrics.rejects[reason.ordinal()].increment();
        outputs.onReject(orderId, instrumentId, side, quantity, reason, timeNanos);
        orderEvents.onRejected(strategyId, orderId, instrumentId, side, quantity, reason, timeNanos);
    }

    /** The venue said nothing about the order for the whole time-out: it expires, its fate there unknown. */
    void onSilence(final Order order, final long now)
    {
        final long leaves = order.quantity() - order.filledQuantity();
        if (orders.transition(order, OrderState.EXPIRED, now))
        {
            metrics.venueTimeouts.increment();
            outputs.onExpired(order.orderId(), order.instrumentId(), leaves, now);
            orderEvents.onExpired(order, now);
        }
    }
}
