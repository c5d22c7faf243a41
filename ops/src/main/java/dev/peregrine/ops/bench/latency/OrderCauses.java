package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.journal.JournalReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which trade caused each of the engine's orders, read from the run's own journal once it has stopped: an order's
 * decision record carries the event time of its cause (the core's clock is the time of the input it processes),
 * and the journaled TRADE with that event time carries the trade id the venue wrote. So an order request, whose
 * client id ends in the engine's order id, is tied to the very frame that caused it: exact, not inferred from order.
 * Frames read off the socket together share a receive time; then each is a candidate and the order's side (up-tick
 * buys, down-tick sells, and the stream alternates them) picks its own.
 */
final class OrderCauses
{
    private final Map<Long, List<Long>> tradeIdsByOrderId = new HashMap<>();

    private OrderCauses()
    {
    }

    static OrderCauses read(final Path journalDir)
    {
        final Map<Long, List<Long>> tradeIdsByEventTime = new HashMap<>();
        try (JournalReader inputs = JournalReader.open(journalDir))
        {
            final InboundEvent event = new InboundEvent();
            while (inputs.next(event))
            {
                if (event.type == EventType.TRADE && (event.flags & TradeFlags.SNAPSHOT) == 0)
                {
                    tradeIdsByEventTime.computeIfAbsent(event.eventTimeNanos, t -> new ArrayList<>()).add(event.tradeId);
                }
            }
        }
        final OrderCauses causes = new OrderCauses();
        if (!DecisionJournalReader.exists(journalDir))
        {
            return causes;
        }
        try (DecisionJournalReader decisions = DecisionJournalReader.open(journalDir))
        {
            final DecisionRecord decision = new DecisionRecord();
            while (decisions.next(decision))
            {
                final List<Long> tradeIds = tradeIdsByEventTime.get(decision.timeNanos());
                if (tradeIds != null)
                {
                    causes.tradeIdsByOrderId.put(decision.orderId(), tradeIds);
                }
            }
        }
        return causes;
    }

    /** The ids of the trades received with the cause of the order whose client id is {@code <prefix><orderId>}; empty if none. */
    List<Long> tradeIdsOf(final String clientOrderId)
    {
        final int dash = clientOrderId.lastIndexOf('-');
        try
        {
            return tradeIdsByOrderId.getOrDefault(Long.parseLong(clientOrderId.substring(dash + 1)), List.of());
        }
        catch (final NumberFormatException ex)
        {
            return List.of();
        }
    }
}
