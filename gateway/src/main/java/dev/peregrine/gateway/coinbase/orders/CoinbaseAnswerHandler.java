package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adapter's orders and what the venue says of them: create and cancel answers and user-channel updates
 * become {@link VenueResponseListener} calls (accepted, rejected, unknown, fills from cumulative quantities,
 * cancelled). Adapter thread only.
 */
final class CoinbaseAnswerHandler
{
    private final VenueResponseListener listener;
    private final OrderAdapterMetrics metrics;
    /** The adapter's queue: a cancel wanted before the venue order id was known goes to its head. */
    private final ArrayDeque<QueuedRequest> pending;
    private final Map<Long, TrackedOrder> byOrderId = new HashMap<>();
    private final Map<String, TrackedOrder> byClientOrderId = new HashMap<>();
    /** Finished orders, the most recent kept for late venue updates, the rest forgotten (else the maps grow forever). */
    private final dev.peregrine.gateway.orders.FinishedOrders<TrackedOrder> finished =
        new dev.peregrine.gateway.orders.FinishedOrders<>(dev.peregrine.gateway.orders.FinishedOrders.KEPT, order ->
        {
            byOrderId.remove(order.orderId, order);
            byClientOrderId.remove(order.clientOrderId, order);
        });

    CoinbaseAnswerHandler(final VenueResponseListener listener, final OrderAdapterMetrics metrics,
        final ArrayDeque<QueuedRequest> pending)
    {
        this.listener = listener;
        this.metrics = metrics;
        this.pending = pending;
    }

    void track(final TrackedOrder order)
    {
        byOrderId.put(order.orderId, order);
        byClientOrderId.put(order.clientOrderId, order);
    }

    TrackedOrder byOrderId(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    TrackedOrder byClientOrderId(final String clientOrderId)
    {
        return clientOrderId == null ? null : byClientOrderId.get(clientOrderId);
    }

    /** A copy: the caller may settle orders while it iterates. */
    List<TrackedOrder> orders()
    {
        return new ArrayList<>(byOrderId.values());
    }

    VenueResponseListener listener()
    {
        return listener;
    }

    void onCreateAnswer(final TrackedOrder order, final CreateOrderResult result)
    {
        if (order.accepted || order.done)
        {
            return; // the user channel was quicker
        }
        switch (result.status().outcome())
        {
            case OK:
                if (result.success() && result.orderId() != null)
                {
                    accept(order, result.orderId());
                }
                else
                {
                    reject(order, VenueRejectReason.VENUE_REJECTED, result.reason());
                }
                break;
            case REJECTED:
                reject(order, VenueRejectReason.VENUE_REJECTED, result.reason());
                break;
            case UNAUTHORIZED:
                reject(order, VenueRejectReason.UNAUTHORIZED, result.reason());
                break;
            case RATE_LIMITED:
                reject(order, VenueRejectReason.RATE_LIMITED, result.reason());
                break;
            case NOT_SENT:
                reject(order, VenueRejectReason.NOT_SENT, result.reason());
                break;
            default:
                order.unknown = true;
                metrics.unknownOutcomes.increment();
                final RequestOutcome outcome = result.status().outcome();
                listener.onUnknown(order.orderId, outcome == RequestOutcome.TIMEOUT ? VenueRejectReason.TIMEOUT
                    : outcome == RequestOutcome.DROPPED ? VenueRejectReason.CONNECTION_DROPPED
                    : VenueRejectReason.SERVER_ERROR, result.reason());
        }
    }

    void onCancelAnswer(final TrackedOrder order, final CancelResult result)
    {
        order.cancelSent = false;
        if (order.done)
        {
            return;
        }
        final RestStatus status = result.status();
        if (status.outcome() == RequestOutcome.OK && !result.results().isEmpty())
        {
            final CancelResult.Entry entry = result.results().get(0);
            if (entry.success())
            {
                finishCancelled(order);
            }
            else
            {
                listener.onCancelRejected(order.orderId, entry.failureReason());
            }
            return;
        }
        listener.onCancelRejected(order.orderId, status.outcome().label() +
            (status.message() == null ? "" : ": " + status.message()));
    }

    void onUpdate(final UserOrderUpdate u)
    {
        metrics.userUpdates.increment();
        final TrackedOrder order = byClientOrderId(u.clientOrderId());
        if (order == null)
        {
            metrics.foreignUpdates.increment();
            return;
        }
        if (!order.accepted && !order.done)
        {
            if ("FAILED".equals(u.status()))
            {
                reject(order, VenueRejectReason.FAILED, u.rejectReason());
                return;
            }
            if (order.unknown)
            {
                metrics.reconciled.increment();
            }
            accept(order, u.orderId());
        }
        else if (order.venueOrderId == null && u.orderId() != null)
        {
            // A recovered order the venue had accepted before the restart: its venue id comes from here.
            order.venueOrderId = u.orderId();
            sendWantedCancel(order);
        }
        reportFill(order, u);
        if ("FILLED".equals(u.status()))
        {
            finish(order);
        }
        else if ("CANCELLED".equals(u.status()) || "EXPIRED".equals(u.status()))
        {
            finishCancelled(order);
        }
    }

    /**
     * The fills the venue lists for an order, oldest first, reported one by one beyond what the order has counted:
     * each with its own trade id, price, commission and liquidity, where a cumulative difference would merge them
     * into one fill at the average price. A fill counted in part before (merged with others) is reported for the
     * rest only. Returns false, reporting nothing, when a fill cannot be read exactly (a size in the quote currency,
     * an unreadable decimal): the order's cumulative figures then say what is missing, as one fill.
     */
    boolean onListedFills(final TrackedOrder order, final String venueOrderId, final List<CoinbaseFill> fills)
    {
        for (final CoinbaseFill fill : fills)
        {
            if (fill.sizeInQuote() || FixedPoint.isError(FixedPoint.parse(nonNull(fill.size()))) ||
                FixedPoint.isError(FixedPoint.parse(nonNull(fill.price()))) || FixedPoint.isError(quoteAmount(fill.commission())))
            {
                return false;
            }
        }
        acknowledge(order, venueOrderId);
        long listed = 0;
        for (final CoinbaseFill fill : fills)
        {
            final long size = FixedPoint.parse(fill.size());
            final long before = listed;
            listed += size;
            if (listed <= order.cumulativeQuantity)
            {
                continue;
            }
            final long quantity = listed - Math.max(before, order.cumulativeQuantity);
            final long price = FixedPoint.parse(fill.price());
            final double share = (double)quantity / size;
            final long fee = FixedPoint.fromDouble(FixedPoint.toDouble(quoteAmount(fill.commission())) * share);
            order.cumulativeQuantity += quantity;
            order.filledValue += FixedPoint.fromDouble(FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity));
            order.fees += fee;
            metrics.fills.increment();
            listener.onFill(order.orderId, fill.tradeId(), quantity, price, fee,
                "MAKER".equals(fill.liquidity()) ? VenueResponseListener.LIQUIDITY_MAKER
                    : "TAKER".equals(fill.liquidity()) ? VenueResponseListener.LIQUIDITY_TAKER
                    : VenueResponseListener.LIQUIDITY_UNKNOWN);
        }
        return true;
    }

    /**
     * The venue holds the order (its list or Get Order says so): accepted now if the core did not know it, and its
     * venue id learnt, so a wanted cancel can go. What became of it since comes after.
     */
    void acknowledge(final TrackedOrder order, final String venueOrderId)
    {
        if (!order.accepted && !order.done)
        {
            if (order.unknown)
            {
                metrics.reconciled.increment();
            }
            accept(order, venueOrderId);
        }
        else if (order.venueOrderId == null)
        {
            order.venueOrderId = venueOrderId;
            sendWantedCancel(order);
        }
    }

    private static String nonNull(final String text)
    {
        return text == null ? "" : text;
    }

    /** The venue reports cumulative quantities: the difference to what was reported before is one fill. */
    private void reportFill(final TrackedOrder order, final UserOrderUpdate u)
    {
        final long cumulative = FixedPoint.parse(u.cumulativeQuantity() == null ? "0" : u.cumulativeQuantity());
        final long filledValue = quoteAmount(u.filledValue());
        final long fees = quoteAmount(u.totalFees());
        if (FixedPoint.isError(cumulative) || cumulative <= order.cumulativeQuantity)
        {
            return;
        }
        final long quantity = cumulative - order.cumulativeQuantity;
        final long value = FixedPoint.isError(filledValue) ? 0 : filledValue - order.filledValue;
        final long fee = FixedPoint.isError(fees) ? 0 : fees - order.fees;
        final long price = FixedPoint.fromDouble(FixedPoint.toDouble(value) / FixedPoint.toDouble(quantity));
        order.cumulativeQuantity = cumulative;
        order.filledValue = FixedPoint.isError(filledValue) ? order.filledValue : filledValue;
        order.fees = FixedPoint.isError(fees) ? order.fees : fees;
        metrics.fills.increment();
        listener.onFill(order.orderId, order.venueOrderId + "-" + u.numberOfFills(), quantity, price, fee,
            "Market".equalsIgnoreCase(u.orderType()) || order.request.type() != CoinbaseOrderType.LIMIT_GTC
                ? VenueResponseListener.LIQUIDITY_TAKER
                : order.request.postOnly() ? VenueResponseListener.LIQUIDITY_MAKER : VenueResponseListener.LIQUIDITY_UNKNOWN);
    }

    /**
     * A quote-currency amount of the venue (filled value, fees). Unlike sizes these may carry more decimals
     * than the scale: a size of 8 decimals times a price of 2 has 10. They are rounded half-even to the scale,
     * not refused: refused, the fill's value read as 0 and the fill went to the core at price 0.
     */
    static long quoteAmount(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        final long exact = FixedPoint.parse(text);
        if (exact != FixedPoint.ERR_TOO_MANY_DECIMALS)
        {
            return exact;
        }
        try
        {
            return FixedPoint.parse(new java.math.BigDecimal(text.trim())
                .setScale(FixedPoint.DECIMALS, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        catch (final NumberFormatException ex)
        {
            return exact;
        }
    }

    private void accept(final TrackedOrder order, final String venueOrderId)
    {
        order.accepted = true;
        order.unknown = false;
        order.venueOrderId = venueOrderId;
        listener.onAccepted(order.orderId, venueOrderId);
        sendWantedCancel(order);
    }

    private void sendWantedCancel(final TrackedOrder order)
    {
        if (order.cancelWanted)
        {
            order.cancelWanted = false;
            pending.addFirst(new QueuedRequest.Cancel(order.orderId));
        }
    }

    void reject(final TrackedOrder order, final int reason, final String detail)
    {
        finish(order);
        listener.onRejected(order.orderId, reason, detail);
    }

    private void finishCancelled(final TrackedOrder order)
    {
        if (!order.done)
        {
            finish(order);
            listener.onCancelled(order.orderId, order.venueOrderId);
        }
    }

    /** The order is finished: marked done once, and remembered among the recent finished orders. */
    private void finish(final TrackedOrder order)
    {
        if (!order.done)
        {
            order.done = true;
            finished.finished(order);
        }
    }
}
