package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.journal.JournalReader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Which trade caused each of the engine's orders, read from the run's own journal once it has stopped: an order's
 * decision record carries the event time of its cause (the core's clock is the time of the input it processes),
 * and the journaled TRADE with that event time carries the trade id the venue wrote. So an order request, whose
 * client id ends in the engine's order id, is tied to the very frame that caused it: exact, not inferred from order.
 */
final class OrderCauses
{
    private final Map<Long, Long> tradeIdByOrderId = new HashMap<>();

    private OrderCauses()
    {
    }

    static OrderCauses read(final Path journalDir)
    {
        final Map<Long, Long> tradeIdByEventTime = new HashMap<>();
        try (JournalReader inputs = JournalReader.open(journalDir))
        {
            final InboundEvent event = new InboundEvent();
            while (inputs.next(event))
            {
                if (event.type == EventType.TRADE && (event.flags & TradeFlags.SNAPSHOT) == 0)
                {
                    tradeIdByEventTime.put(event.eventTimeNanos, event.tradeId);
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
                final Long tradeId = tradeIdByEventTime.get(decision.timeNanos());
                if (tradeId != null)
                {
                    causes.tradeIdByOrderId.put(decision.orderId(), tradeId);
                }
            }
        }
        return causes;
    }

    /** The trade id that caused the order whose client id is {@code <prefix><orderId>}, or -1. */
    long tradeIdOf(final String clientOrderId)
    {
        final int dash = clientOrderId.lastIndexOf('-');
        try
        {
            final Long tradeId = tradeIdByOrderId.get(Long.parseLong(clientOrderId.substring(dash + 1)));
            return tradeId == null ? -1 : tradeId;
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
