package dev.peregrine.gateway.venue;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.OrderSender;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;

import java.util.List;

/**
 * A venue's order path as the engine sees it in live trading: the outbound stage hands it each order
 * only after the order's cause is journaled ({@link #send}); it talks to the exchange on its own threads
 * and publishes every answer (accepted, rejected, fill, cancelled, ...) back into the inbound ring as a
 * VENUE_* event, so answers are journaled and replayable. Built by {@link Venue#liveVenue}.
 */
public interface LiveVenue extends OrderSender, AutoCloseable
{
    /** Starts the order adapter and the user channel; answers go into {@code inbound} from now on. */
    default void start(final RingBuffer<InboundEvent> inbound, final InstrumentRegistry instruments, final String prefix)
    {
        start(inbound, instruments, prefix, List.of());
    }

    /**
     * Starts as {@link #start(RingBuffer, InstrumentRegistry, String)}, first reconciling the orders the core
     * recovered open from its journal: what became of each while the engine was down is published into the
     * ring like any venue report.
     *
     * @param prefix the client order id prefix: derived from the journal, so an id is never reused.
     */
    void start(RingBuffer<InboundEvent> inbound, InstrumentRegistry instruments, String prefix,
        List<RecoveredOrder> recovered);

    /**
     * Before {@link #start}: what the engine holds, for venues that trade perpetuals. {@code terms} are the leverage and
     * margin type per instrument id the configuration asks for: set on the venue's account at start, or sent with
     * each perpetual order, as the venue takes them; {@code netPosition} reads the engine's net position per
     * instrument id (FixedPoint) from any thread, to compare with the venue's positions after reconciliation
     * (reported, never applied: the engine's state changes only through journaled events). A venue without
     * perpetuals ignores it.
     */
    default void engineView(final PerpetualAccountTerms terms, final java.util.function.IntToLongFunction netPosition)
    {
    }

    /** As {@link #engineView(PerpetualAccountTerms, java.util.function.IntToLongFunction)}, every instrument cross. */
    default void engineView(final long[] leverage, final java.util.function.IntToLongFunction netPosition)
    {
        engineView(PerpetualAccountTerms.cross(leverage), netPosition);
    }

    /**
     * Before {@link #start}, when the engine continues a journal: the time of its last input (epoch ms). A venue that can
     * say what it did to the account since then without an order of ours (a liquidation, a funding payment) publishes
     * it at start as the journaled events its stream would have sent, so the engine's books follow what happened while
     * it was down. Not called for a new journal: nothing before it is the engine's.
     */
    default void resumeAfter(final long epochMillis)
    {
    }

    /** Recovered orders the venue has not yet accounted for (0 once reconciled). */
    int awaitingReconcile();

    /** The order path's counters, for the metrics sidecar. */
    OrderAdapterMetrics metrics();

    /** The client order id the venue knows order {@code orderId} by. */
    String clientOrderId(long orderId);

    /** Refusals the outbound thread could not publish because the ring was full. */
    long refusalsNotDelivered();

    /** Stops the adapter and the user channel; no answer is published after it returns. */
    @Override
    void close();
}
