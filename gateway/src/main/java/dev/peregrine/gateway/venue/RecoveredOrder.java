package dev.peregrine.gateway.venue;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;

import java.util.ArrayList;
import java.util.List;

/**
 * An order the core still held open after replaying its journal at start-up, copied while the core is
 * idle (before the ring starts), so the live venue can ask the exchange what became of it while the
 * engine was down. Quantities, prices, value and fees are scaled longs.
 */
public record RecoveredOrder(
    long orderId,
    int instrumentId,
    int side,
    OrderType type,
    long quantity,
    long limitPrice,
    boolean acceptedByVenue,
    long filledQuantity,
    long filledValue,
    long fees,
    long createdNanos)
{
    /** The open orders of {@code orders}; call only while nothing else runs the core. */
    public static List<RecoveredOrder> openIn(final OrderStore orders)
    {
        final List<RecoveredOrder> open = new ArrayList<>();
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order o = orders.open(i);
            final long filledValue = o.filledQuantity() == 0 ? 0 :
                FixedPoint.fromDouble(o.averageFillPrice() * FixedPoint.toDouble(o.filledQuantity()));
            open.add(new RecoveredOrder(o.orderId(), o.instrumentId(), o.side(), o.type(), o.quantity(), o.limitPrice(),
                o.state() != OrderState.PENDING_NEW, o.filledQuantity(), filledValue, FixedPoint.fromDouble(o.fees()),
                o.createdNanos()));
        }
        return open;
    }
}
