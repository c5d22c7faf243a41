package dev.peregrine.ops.orderlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.peregrine.core.number.FixedPoint;

import java.time.Instant;

/**
 * One order of the open-order view as {@code GET /admin/orders} shows it: immutable, so the HTTP thread reads
 * a snapshot the log thread published without any lock. Quantities and prices are scaled longs.
 *
 * @param strategyId  0 for orders the engine placed itself (exits, flatten); -1 when not known.
 * @param state       {@link #SENT}, {@link #ACCEPTED} or {@link #CANCEL_REQUESTED}.
 * @param recovered   true when the order was open in the journal this run recovered from.
 */
public record OpenOrder(
    long orderId,
    int strategyId,
    String strategyName,
    String product,
    String side,
    String type,
    long quantity,
    long limitPrice,
    long filledQuantity,
    String state,
    long createdNanos,
    long updatedNanos,
    boolean recovered)
{
    /** Decided and sent; the venue has not acknowledged it yet. */
    public static final String SENT = "sent";
    /** Resting at the venue (possibly partly filled). */
    public static final String ACCEPTED = "accepted";
    /** The engine asked the venue to cancel it; the venue has not confirmed. */
    public static final String CANCEL_REQUESTED = "cancel_requested";

    public long leavesQuantity()
    {
        return quantity - filledQuantity;
    }

    OpenOrder withState(final String newState, final long timeNanos)
    {
        return new OpenOrder(orderId, strategyId, strategyName, product, side, type, quantity, limitPrice, filledQuantity,
            newState, createdNanos, timeNanos, recovered);
    }

    OpenOrder withFill(final long fillQuantity, final long timeNanos)
    {
        return new OpenOrder(orderId, strategyId, strategyName, product, side, type, quantity, limitPrice,
            filledQuantity + fillQuantity, state, createdNanos, timeNanos, recovered);
    }

    /** The JSON object of {@code /admin/orders}, into {@code json}: the same field names as the order log lines. */
    public void writeTo(final ObjectNode json)
    {
        json.put("order_id", orderId);
        if (strategyId < 0)
        {
            json.putNull("strategy");
        }
        else
        {
            json.put("strategy", strategyId);
        }
        json.put("strategy_name", strategyName)
            .put("product", product)
            .put("side", side)
            .put("type", type);
        json.putRawValue("quantity", decimal(quantity));
        if (limitPrice == 0)
        {
            json.putNull("limit_price");
        }
        else
        {
            json.putRawValue("limit_price", decimal(limitPrice));
        }
        json.putRawValue("filled_quantity", decimal(filledQuantity));
        json.putRawValue("leaves", decimal(leavesQuantity()));
        json.put("state", state)
            .put("created", instant(createdNanos).toString())
            .put("updated", instant(updatedNanos).toString())
            .put("recovered", recovered);
    }

    /** A scaled long as an exact JSON number. */
    private static RawValue decimal(final long scaled)
    {
        return new RawValue(FixedPoint.toString(scaled));
    }

    private static Instant instant(final long epochNanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
