package dev.peregrine.ops.orderlog;

import dev.peregrine.core.event.Side;
import dev.peregrine.ops.logging.JsonLine;

import java.util.List;

/**
 * The JSON line of one order event (see the ops README, "Logs", for the fields), and the names it uses:
 * product symbols by instrument id, strategy names by id. Used by the order-log thread only: it reuses one
 * {@link JsonLine}.
 */
final class OrderEventFormat
{
    private final JsonLine line = new JsonLine();
    private final List<String> products;
    /** Index i names strategy id i + 1. */
    private final List<String> strategyNames;

    OrderEventFormat(final List<String> products, final List<String> strategyNames)
    {
        this.products = List.copyOf(products);
        this.strategyNames = List.copyOf(strategyNames);
    }

    /** The line of one event; {@code order} is the open order after the event, or null if the view has none. */
    JsonLine line(final OrderEventSlot e, final int strategyId, final OpenOrder order)
    {
        final boolean warn = e.kind == OrderEventKind.REJECTED || e.kind == OrderEventKind.EXPIRED ||
            e.kind == OrderEventKind.CANCEL_REFUSED;
        final JsonLine l = line.begin(e.timeNanos, warn ? JsonLine.WARN : JsonLine.INFO, OrderEventKind.eventName(e.kind))
            .field("order_id", e.orderId);
        if (strategyId >= 0)
        {
            l.field("strategy", strategyId);
        }
        else
        {
            l.field("strategy", (String) null);
        }
        l.field("strategy_name", strategyName(strategyId)).field("product", product(e.instrumentId));
        switch (e.kind)
        {
            case OrderEventKind.SUBMITTED:
                l.field("side", Side.name(e.side)).field("type", e.type.name()).decimal("quantity", e.quantity);
                if (e.price != 0)
                {
                    l.decimal("price", e.price);
                }
                l.field("signal", e.signal);
                break;
            case OrderEventKind.REJECTED:
                l.field("side", Side.name(e.side)).decimal("quantity", e.quantity).field("reason", e.reason.label());
                if (e.signal != null)
                {
                    l.field("signal", e.signal);
                }
                break;
            case OrderEventKind.FILLED:
                l.field("side", Side.name(e.side)).decimal("fill_quantity", e.quantity).decimal("fill_price", e.price)
                    .number("fee", e.fee);
                if (order != null)
                {
                    l.decimal("filled_quantity", order.filledQuantity()).decimal("leaves", Math.max(0, order.leavesQuantity()));
                }
                break;
            case OrderEventKind.EXPIRED:
            case OrderEventKind.CANCELLED:
                l.decimal("leaves", e.quantity);
                break;
            default:
                break;
        }
        return l;
    }

    String product(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < products.size() ? products.get(instrumentId) : null;
    }

    String strategyName(final int strategyId)
    {
        if (strategyId == 0)
        {
            return "engine";
        }
        return strategyId > 0 && strategyId <= strategyNames.size() ? strategyNames.get(strategyId - 1) : null;
    }
}
