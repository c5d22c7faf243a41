package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The adapter's orders and what Binance says of them: create and cancel answers, user data stream
 * {@code executionReport}s and order queries become {@link VenueResponseListener} calls. A fill is applied exactly
 * once: each carries Binance's trade id (increasing per symbol), reported as the fill number, and a trade is taken
 * only when it raises the order's cumulative quantity and its id is above the last one taken, whichever of the
 * stream and a query ({@code myTrades}) brings it first. Adapter thread only.
 */
final class BinanceReportHandler
{
    private final VenueResponseListener listener;
    private final OrderAdapterMetrics metrics;
    /** Asks for a query of the order's state at the venue (a recheck); the reconciliation runs it. */
    private final Consumer<BinanceTrackedOrder> recheck;
    /** Puts a cancel wanted before the venue had the order at the head of the adapter's queue. */
    private final Consumer<BinanceTrackedOrder> sendCancel;
    private final Map<Long, BinanceTrackedOrder> byOrderId = new HashMap<>();
    private final Map<String, BinanceTrackedOrder> byClientOrderId = new HashMap<>();
    /** Finished orders, the most recent kept for late venue updates, the rest forgotten (else the maps grow forever). */
    private final dev.peregrine.gateway.orders.FinishedOrders<BinanceTrackedOrder> finished =
        new dev.peregrine.gateway.orders.FinishedOrders<>(dev.peregrine.gateway.orders.FinishedOrders.KEPT, order ->
        {
            byOrderId.remove(order.orderId, order);
            byClientOrderId.remove(order.clientOrderId(), order);
        });

    BinanceReportHandler(final VenueResponseListener listener, final OrderAdapterMetrics metrics,
        final Consumer<BinanceTrackedOrder> recheck, final Consumer<BinanceTrackedOrder> sendCancel)
    {
        this.listener = listener;
        this.metrics = metrics;
        this.recheck = recheck;
        this.sendCancel = sendCancel;
    }

    void track(final BinanceTrackedOrder order)
    {
        byOrderId.put(order.orderId, order);
        byClientOrderId.put(order.clientOrderId(), order);
    }

    BinanceTrackedOrder byOrderId(final long orderId)
    {
        return byOrderId.get(orderId);
    }

    /** A copy: the caller may settle orders while it iterates. */
    List<BinanceTrackedOrder> orders()
    {
        return new ArrayList<>(byOrderId.values());
    }

    void onCreateAnswer(final BinanceTrackedOrder order, final BinanceAnswer answer)
    {
        if (order.accepted || order.done)
        {
            return; // the user data stream was quicker
        }
        final String reason = answer.status().message();
        switch (answer.status().outcome())
        {
            case OK:
                accept(order, answer.json().path("orderId").asLong(-1));
                break;
            case REJECTED:
                reject(order, VenueRejectReason.VENUE_REJECTED, reason);
                break;
            case UNAUTHORIZED:
                reject(order, VenueRejectReason.UNAUTHORIZED, reason);
                break;
            case RATE_LIMITED:
                reject(order, VenueRejectReason.RATE_LIMITED, reason);
                break;
            case NOT_SENT:
                reject(order, VenueRejectReason.NOT_SENT, reason);
                break;
            default:
                order.unknown = true;
                metrics.unknownOutcomes.increment();
                final RequestOutcome outcome = answer.status().outcome();
                listener.onUnknown(order.orderId, outcome == RequestOutcome.TIMEOUT ? VenueRejectReason.TIMEOUT
                    : outcome == RequestOutcome.DROPPED ? VenueRejectReason.CONNECTION_DROPPED
                    : VenueRejectReason.SERVER_ERROR, reason);
                recheck.accept(order);
        }
    }

    void onCancelAnswer(final BinanceTrackedOrder order, final BinanceAnswer answer)
    {
        if (order.done)
        {
            return;
        }
        if (answer.status().outcome() == RequestOutcome.OK)
        {
            final long executed = FixedPoint.parse(nonNull(answer.text("executedQty")));
            if (!FixedPoint.isError(executed) && executed <= order.cumulativeQuantity)
            {
                finishCancelled(order);
            }
            else
            {
                // Fills this adapter has not seen yet: the stream or a query brings them before the cancel.
                recheck.accept(order);
            }
            return;
        }
        listener.onCancelRejected(order.orderId, answer.status().outcome().label() +
            (answer.status().message() == null ? "" : ": " + answer.status().message()));
    }

    void onExecutionReport(final ExecutionReport report)
    {
        metrics.userUpdates.increment();
        final BinanceTrackedOrder order = byClientOrderId.get(report.orderClientId());
        if (order == null)
        {
            metrics.foreignUpdates.increment();
            return;
        }
        if (!order.accepted && !order.done)
        {
            if ("REJECTED".equals(report.status()))
            {
                reject(order, VenueRejectReason.FAILED, report.rejectReason());
                return;
            }
            if (order.unknown)
            {
                metrics.reconciled.increment();
            }
            accept(order, report.venueOrderId());
        }
        else if (order.venueOrderId < 0)
        {
            order.venueOrderId = report.venueOrderId();
        }
        if (report.isTrade())
        {
            trade(order, report.tradeId(), FixedPoint.parse(nonNull(report.cumulativeQuantity())),
                FixedPoint.parse(nonNull(report.lastPrice())), report.commission(), report.commissionAsset(), report.maker());
        }
        settle(order, report.status());
    }

    /**
     * A query's answer: the order ({@code GET /api/v3/order}) and, when it filled more than the adapter knows, its
     * trades ({@code GET /api/v3/myTrades}, null otherwise).
     */
    void onQueried(final BinanceTrackedOrder order, final BinanceAnswer queried, final BinanceAnswer trades)
    {
        if (!order.accepted && !order.done)
        {
            if (order.unknown)
            {
                metrics.reconciled.increment();
            }
            accept(order, queried.json().path("orderId").asLong(-1));
        }
        else if (order.venueOrderId < 0)
        {
            order.venueOrderId = queried.json().path("orderId").asLong(-1);
        }
        if (trades != null)
        {
            final List<JsonNode> list = new ArrayList<>();
            trades.json().forEach(list::add);
            list.sort(Comparator.comparingLong(t -> t.path("id").asLong()));
            // The running sum is the order's cumulative quantity after each trade: the ones the engine had seen
            // before a restart (its recovered fill) raise nothing and are skipped.
            long cumulative = 0;
            for (final JsonNode t : list)
            {
                cumulative += FixedPoint.parse(nonNull(BinanceAnswer.text(t, "qty")));
                trade(order, t.path("id").asLong(), cumulative, FixedPoint.parse(nonNull(BinanceAnswer.text(t, "price"))),
                    BinanceAnswer.text(t, "commission"), BinanceAnswer.text(t, "commissionAsset"),
                    t.has("isMaker") ? t.path("isMaker").asBoolean() : t.path("maker").asBoolean()); // spot, futures
            }
        }
        settle(order, queried.text("status"));
    }

    /** Executed quantity of a queried order, or 0. */
    static long executed(final BinanceAnswer queried)
    {
        final long executed = FixedPoint.parse(nonNull(queried.text("executedQty")));
        return FixedPoint.isError(executed) ? 0 : executed;
    }

    private void trade(final BinanceTrackedOrder order, final long tradeId, final long cumulativeAfter, final long price,
        final String commission, final String commissionAsset, final boolean maker)
    {
        if (FixedPoint.isError(cumulativeAfter) || FixedPoint.isError(price) || cumulativeAfter <= order.cumulativeQuantity ||
            tradeId <= order.lastTradeId)
        {
            return;
        }
        final long quantity = cumulativeAfter - order.cumulativeQuantity;
        order.cumulativeQuantity = cumulativeAfter;
        order.lastTradeId = tradeId;
        metrics.fills.increment();
        listener.onFill(order.orderId, Long.toString(tradeId), quantity, price,
            feeInQuote(order.request.symbol(), commission, commissionAsset, price),
            maker ? VenueResponseListener.LIQUIDITY_MAKER : VenueResponseListener.LIQUIDITY_TAKER);
    }

    /**
     * The commission in the quote asset, as the engine counts fees: Binance charges a buyer in the base asset and a
     * seller in the quote asset (or in BNB when the account pays fees with it). A base-asset commission is valued at
     * the trade's price; one in a third asset cannot be valued here and counts 0.
     */
    static long feeInQuote(final String symbol, final String commission, final String asset, final long price)
    {
        final long amount = commission == null ? 0 : FixedPoint.parse(commission);
        if (FixedPoint.isError(amount) || amount == 0 || asset == null || asset.isEmpty())
        {
            return 0;
        }
        if (symbol.endsWith(asset))
        {
            return amount;
        }
        if (symbol.startsWith(asset))
        {
            return FixedPoint.fromDouble(FixedPoint.toDouble(amount) * FixedPoint.toDouble(price));
        }
        return 0;
    }

    private void settle(final BinanceTrackedOrder order, final String status)
    {
        if ("FILLED".equals(status))
        {
            finish(order);
        }
        else if ("CANCELED".equals(status) || "EXPIRED".equals(status) || "EXPIRED_IN_MATCH".equals(status) ||
            "REJECTED".equals(status))
        {
            finishCancelled(order);
        }
    }

    private void accept(final BinanceTrackedOrder order, final long venueOrderId)
    {
        order.accepted = true;
        order.unknown = false;
        order.venueOrderId = venueOrderId;
        listener.onAccepted(order.orderId, Long.toString(venueOrderId));
        if (order.cancelWanted)
        {
            order.cancelWanted = false;
            sendCancel.accept(order);
        }
    }

    void reject(final BinanceTrackedOrder order, final int reason, final String detail)
    {
        finish(order);
        listener.onRejected(order.orderId, reason, detail);
    }

    /** A recovered order the venue had accepted but no longer knows (its history was pruned): its fate is unknown. */
    void lost(final BinanceTrackedOrder order, final String detail)
    {
        listener.onUnknown(order.orderId, VenueRejectReason.NOT_AT_VENUE, detail);
    }

    private void finishCancelled(final BinanceTrackedOrder order)
    {
        if (!order.done)
        {
            finish(order);
            listener.onCancelled(order.orderId, Long.toString(order.venueOrderId));
        }
    }

    private static String nonNull(final String text)
    {
        return text == null ? "0" : text;
    }

    /** The order is finished: marked done once, and remembered among the recent finished orders. */
    private void finish(final BinanceTrackedOrder order)
    {
        if (!order.done)
        {
            order.done = true;
            finished.finished(order);
        }
    }
}
