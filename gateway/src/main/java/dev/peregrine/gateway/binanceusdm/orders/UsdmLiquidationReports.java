package dev.peregrine.gateway.binanceusdm.orders;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.binance.orders.ExecutionReport;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Turns the venue closing our own position into a journaled input: each fill of its {@code autoclose-} LIQUIDATION
 * order (or ADL's {@code adl_autoclose}) in {@code ORDER_TRADE_UPDATE} becomes a LIQUIDATION event flagged
 * {@link LiquidationFlags#OWN_POSITION} for the symbol's instrument, with the fill's price {@code L}, quantity
 * {@code l}, the side {@code S} of the venue's closing order and its commission {@code n} as the fee (positive =
 * paid), so the core closes the engine's position as the venue did. A fill seen again (its trade id {@code t}: the
 * stream can repeat itself after a reconnect) is published once. Called on the user stream's thread; off the hot path.
 */
final class UsdmLiquidationReports
{
    private final RingBuffer<InboundEvent> ring;
    private final ToIntFunction<String> instrumentOf;
    private final EpochClock clock = new EpochClock();
    private final Set<Long> seen = new HashSet<>();
    private final AtomicLong published = new AtomicLong();

    /** @param instrumentOf the instrument id of a venue symbol, -1 for one the engine does not trade. */
    UsdmLiquidationReports(final RingBuffer<InboundEvent> ring, final ToIntFunction<String> instrumentOf)
    {
        this.ring = ring;
        this.instrumentOf = instrumentOf;
    }

    /** A fill of the venue's own closing order ({@link UsdmOrderUpdates#venueClose}). */
    void onVenueClose(final ExecutionReport report, final long exchangeTimeMillis)
    {
        onVenueCloseFill(report.symbol(), report.side(), report.lastQuantity(), report.lastPrice(), report.commission(),
            report.tradeId(), exchangeTimeMillis);
    }

    /**
     * One fill of the venue's closing order, from the stream or from {@code userTrades} read at a restart: symbol, the
     * closing order's side, quantity, price and commission as the venue writes them, its trade id (-1: none) and time.
     * Synchronized: the stream's thread and the restart read may both report.
     */
    synchronized void onVenueCloseFill(final String symbol, final String side, final String lastQuantity,
        final String lastPrice, final String commission, final long tradeId, final long exchangeTimeMillis)
    {
        final int instrument = instrumentOf.applyAsInt(symbol == null ? "" : symbol);
        final long quantity = parse(lastQuantity);
        final long price = parse(lastPrice);
        final long fee = parse(commission);
        if (instrument < 0 || quantity <= 0 || price <= 0 || FixedPoint.isError(fee) ||
            (tradeId >= 0 && !seen.add(tradeId)))
        {
            return;
        }
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            final long receiveNanoTime = System.nanoTime();
            MarketDataSlot.head(event, EventType.LIQUIDATION, instrument, Math.max(tradeId, 0),
                exchangeTimeMillis * 1_000_000L, clock.epochNanosAt(receiveNanoTime), receiveNanoTime);
            event.flags = LiquidationFlags.OWN_POSITION;
            event.side = "BUY".equals(side) ? Side.BUY : Side.SELL;
            event.quantity = quantity;
            event.price = price;
            event.fee = fee;
            event.tradeId = Math.max(tradeId, 0);
        }
        finally
        {
            InboundRing.publish(ring, sequence);
        }
        published.incrementAndGet();
    }

    /** LIQUIDATION events of our own position published so far. */
    long published()
    {
        return published.get();
    }

    private static long parse(final String decimal)
    {
        return decimal == null ? FixedPoint.parse("") : FixedPoint.parse(decimal);
    }
}
