package dev.peregrine.core.decision;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound stage journals a decision only once its cause is on the input journal: it drains the
 * decisions of inputs up to the one it has reached, never those the core (running ahead) made since.
 */
class DecisionQueueTest
{
    private final SingleWriterCounter dropped = new SingleWriterCounter("dropped");
    private final DecisionQueue queue = new DecisionQueue(8, dropped);
    private final List<Long> written = new ArrayList<>();

    private void decide(final long input, final long... orderIds)
    {
        queue.beginInput(input);
        for (final long orderId : orderIds)
        {
            final DecisionRecord r = new DecisionRecord();
            r.record(new DecisionRecord(), 1, orderId, 0, Side.BUY, OrderType.MARKET, 1, 0, 1_000L, EventType.QUOTE);
            r.verdict(0, 12, RejectReason.NONE);
            queue.append(r);
        }
    }

    @Test
    void drainsOnlyTheDecisionsOfInputsTheStageHasPassed()
    {
        decide(0, 1);
        decide(1);
        decide(2, 2, 3);
        decide(3, 4);

        assertThat(queue.drain(r -> written.add(r.orderId()), 1)).isTrue();
        assertThat(written).as("inputs 0 and 1 only").containsExactly(1L);
        assertThat(queue.drain(r -> written.add(r.orderId()), 1)).as("nothing new up to input 1").isFalse();
        queue.drain(r -> written.add(r.orderId()), 2);
        assertThat(written).containsExactly(1L, 2L, 3L);
        queue.drain(r -> written.add(r.orderId()));
        assertThat(written).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void decisionsWaitingForTheirCauseHoldTheirSlotsAndAFullQueueDropsAndCounts()
    {
        for (long input = 0; input < 8; input++)
        {
            decide(input, input + 1);
        }
        decide(8, 9); // no slot left: the first eight are not drained yet
        assertThat(dropped.get()).isEqualTo(1);

        queue.drain(r -> written.add(r.orderId()), 3);
        assertThat(written).containsExactly(1L, 2L, 3L, 4L);
        decide(9, 10); // a freed slot takes it
        queue.drain(r -> written.add(r.orderId()), 9);
        assertThat(written).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L);
        assertThat(dropped.get()).isEqualTo(1);
    }
}
