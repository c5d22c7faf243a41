package dev.peregrine.gateway.venue;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.orders.OrderGateway;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class LiveOrderPathTest
{
    /** An adapter whose queue takes orders while {@code open}, recording what it took. */
    private static final class Queue implements OrderGateway
    {
        final List<String> taken = new ArrayList<>();
        boolean open = true;

        @Override
        public boolean submit(final OrderCommand command, final String clientOrderId)
        {
            if (open)
            {
                taken.add("new " + clientOrderId);
            }
            return open;
        }

        @Override
        public boolean cancel(final long orderId)
        {
            if (open)
            {
                taken.add("cancel " + orderId);
            }
            return open;
        }
    }

    @Test
    void handsOrdersToTheAdapterWithPrefixedIdsAndRefusesWhatItsFullQueueCannotTake()
    {
        final RecordingRing ring = new RecordingRing(16);
        final LiveOrderPath path = new LiveOrderPath();
        final Queue queue = new Queue();
        path.attach(ring.ring(), "prg-ab-");
        path.route(queue);

        path.send(command(OrderCommand.NEW, 7));
        path.send(command(OrderCommand.CANCEL, 7));
        assertThat(queue.taken).containsExactly("new prg-ab-7", "cancel 7");
        assertThat(path.clientOrderId(12)).isEqualTo("prg-ab-12");
        assertThat(ring.drain()).isEmpty();

        queue.open = false;
        path.send(command(OrderCommand.NEW, 8));
        path.send(command(OrderCommand.CANCEL, 7));
        final List<InboundEvent> events = ring.drain();
        assertThat(events).extracting(e -> e.type).containsExactly(EventType.VENUE_REJECTED, EventType.VENUE_CANCEL_REJECTED);
        assertThat(events).extracting(e -> e.orderId).containsExactly(8L, 7L);
        assertThat(path.refusalsNotDelivered()).isZero();
    }

    @Test
    void symbolsAreNullOutsideTheRegistry()
    {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("BTCUSDT", 1, 1);
        final IntFunction<String> symbols = LiveOrderPath.symbols(instruments);
        assertThat(symbols.apply(0)).isEqualTo("BTCUSDT");
        assertThat(symbols.apply(1)).isNull();
        assertThat(symbols.apply(-1)).isNull();
    }

    private static OrderCommand command(final int action, final long orderId)
    {
        final OrderCommand command = new OrderCommand();
        command.action = action;
        command.orderId = orderId;
        return command;
    }
}
