package dev.peregrine.gateway.coinbase.intx;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.coinbase.orders.UserOrderUpdate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Turns INTX closing our own position into a journaled input: the venue's liquidation order on the {@code user}
 * channel (client order id {@code liquidation-<orderId>}) becomes a LIQUIDATION event flagged
 * {@link LiquidationFlags#OWN_POSITION} for the product's instrument, so the core closes the engine's position as
 * the venue did. The channel reports cumulative figures per order, so each event is the increment since the last
 * update of that order: quantity = increase of {@code cumulative_quantity}, price = (avg_new x cum_new - avg_old x
 * cum_old) / quantity, fee = increase of {@code total_fees} (positive = paid); an update that adds nothing (a repeat)
 * publishes nothing. Snapshot entries (sent on every subscribe, also after a restart, when the journal already holds
 * what they show) only set the baseline: a liquidation missed while disconnected is left to the positions check.
 * The trade id is derived from the order id and the fill count, so it is the same on every run.
 * Called on the user channel's thread; off the hot path (BigDecimal is fine here).
 */
public final class IntxLiquidationReports
{
    /** The client order id prefix of the venue's liquidation orders. */
    public static final String PREFIX = "liquidation-";

    private final RingBuffer<InboundEvent> ring;
    private final ToIntFunction<String> instrumentOf;
    private final EpochClock clock = new EpochClock();
    /** Per order id: {cumulative quantity, cumulative quantity x average price, total fees} last seen. */
    private final Map<String, BigDecimal[]> last = new HashMap<>();
    private final AtomicLong published = new AtomicLong();

    /** @param instrumentOf the instrument id of a product id, -1 for one the engine does not trade. */
    public IntxLiquidationReports(final RingBuffer<InboundEvent> ring, final ToIntFunction<String> instrumentOf)
    {
        this.ring = ring;
        this.instrumentOf = instrumentOf;
    }

    /** Whether the update is the venue's liquidation order. */
    public static boolean isLiquidation(final UserOrderUpdate update)
    {
        return update.clientOrderId() != null && update.clientOrderId().startsWith(PREFIX) && update.orderId() != null &&
            update.productId() != null;
    }

    /** One user-channel update; publishes the increment of a liquidation order, if any. */
    public void onUpdate(final UserOrderUpdate update)
    {
        if (!isLiquidation(update))
        {
            return;
        }
        final BigDecimal cum = decimal(update.cumulativeQuantity());
        final BigDecimal avg = decimal(update.avgPrice());
        final BigDecimal fees = decimal(update.totalFees());
        if (cum == null || avg == null)
        {
            return;
        }
        final BigDecimal[] now = {cum, cum.multiply(avg), fees == null ? BigDecimal.ZERO : fees};
        final BigDecimal[] before = last.get(update.orderId());
        if (before != null && cum.compareTo(before[0]) <= 0)
        {
            return; // a repeat, or an older figure
        }
        last.put(update.orderId(), now);
        final int instrument = instrumentOf.applyAsInt(update.productId());
        if (update.snapshot() || instrument < 0)
        {
            return;
        }
        final BigDecimal dq = before == null ? now[0] : now[0].subtract(before[0]);
        final BigDecimal value = before == null ? now[1] : now[1].subtract(before[1]);
        final BigDecimal fee = before == null ? now[2] : now[2].subtract(before[2]);
        final long quantity = FixedPoint.parse(dq.setScale(8, RoundingMode.HALF_EVEN).toPlainString());
        final long price = FixedPoint.parse(value.divide(dq, 8, RoundingMode.HALF_EVEN).toPlainString());
        final long feePaid = FixedPoint.parse(fee.setScale(8, RoundingMode.HALF_EVEN).toPlainString());
        if (quantity <= 0 || price <= 0 || FixedPoint.isError(feePaid))
        {
            return;
        }
        final long tradeId = tradeId(update);
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            final long receiveNanoTime = System.nanoTime();
            final long receiveEpochNanos = clock.epochNanosAt(receiveNanoTime);
            MarketDataSlot.head(event, EventType.LIQUIDATION, instrument, tradeId, receiveEpochNanos, receiveEpochNanos,
                receiveNanoTime);
            event.flags = LiquidationFlags.OWN_POSITION;
            event.side = "BUY".equals(update.orderSide()) ? Side.BUY : Side.SELL;
            event.quantity = quantity;
            event.price = price;
            event.fee = feePaid;
            event.tradeId = tradeId;
        }
        finally
        {
            InboundRing.publish(ring, sequence);
        }
        published.incrementAndGet();
    }

    /** LIQUIDATION events of our own position published so far. */
    public long published()
    {
        return published.get();
    }

    /** Deterministic: the order id's hash and the venue's fill count (or cumulative size) of this update. */
    private static long tradeId(final UserOrderUpdate update)
    {
        final String fills = update.numberOfFills() != null ? update.numberOfFills() : update.cumulativeQuantity();
        return ((long) update.orderId().hashCode() << 32 | (fills.hashCode() & 0xffffffffL)) & Long.MAX_VALUE;
    }

    private static BigDecimal decimal(final String text)
    {
        if (text == null || text.isEmpty())
        {
            return null;
        }
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException e)
        {
            return null;
        }
    }
}
