package dev.peregrine.ops.orderlog;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.ops.logging.JsonLine;

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

    /** The JSON object of {@code /admin/orders}: the same field names as the order log lines. */
    public void appendJson(final StringBuilder json)
    {
        json.append("{\"order_id\":").append(orderId);
        json.append(",\"strategy\":").append(strategyId < 0 ? "null" : Integer.toString(strategyId));
        json.append(",\"strategy_name\":");
        if (strategyName == null)
        {
            json.append("null");
        }
        else
        {
            JsonLine.appendQuoted(json, strategyName);
        }
        json.append(",\"product\":");
        JsonLine.appendQuoted(json, product);
        json.append(",\"side\":\"").append(side).append("\",\"type\":\"").append(type).append('"');
        json.append(",\"quantity\":");
        FixedPoint.appendTo(json, quantity);
        json.append(",\"limit_price\":");
        if (limitPrice == 0)
        {
            json.append("null");
        }
        else
        {
            FixedPoint.appendTo(json, limitPrice);
        }
        json.append(",\"filled_quantity\":");
        FixedPoint.appendTo(json, filledQuantity);
        json.append(",\"leaves\":");
        FixedPoint.appendTo(json, leavesQuantity());
        json.append(",\"state\":\"").append(state).append('"');
        json.append(",\"created\":\"").append(instant(createdNanos)).append('"');
        json.append(",\"updated\":\"").append(instant(updatedNanos)).append('"');
        json.append(",\"recovered\":").append(recovered).append('}');
    }

    private static Instant instant(final long epochNanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
