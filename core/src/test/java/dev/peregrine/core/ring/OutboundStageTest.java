package dev.peregrine.core.ring;

import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.metrics.CoreMetrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The last stage sends what the core decided, and while halted sends only what takes risk off. */
class OutboundStageTest
{
    private final List<String> sent = new ArrayList<>();
    private final TradingSwitch tradingSwitch = new TradingSwitch();
    private final CoreMetrics metrics = new CoreMetrics(1);
    private final OutboundStage stage = new OutboundStage(
        order -> sent.add((order.action == OrderCommand.NEW ? "NEW #" : "CANCEL #") + order.orderId), tradingSwitch, metrics);

    private static InboundEvent newThenCancel()
    {
        final InboundEvent event = new InboundEvent();
        event.orders[0].action = OrderCommand.NEW;
        event.orders[0].orderId = 7;
        event.orders[1].action = OrderCommand.CANCEL;
        event.orders[1].orderId = 3;
        event.orderCount = 2;
        return event;
    }

    @Test
    void sendsEveryCommandInOrderWhileTrading()
    {
        stage.onEvent(newThenCancel(), 0, true);
        assertThat(sent).containsExactly("NEW #7", "CANCEL #3");
        assertThat(metrics.ordersReleased.get()).isEqualTo(2);
        assertThat(metrics.ordersWithheld.get()).isZero();
    }

    @Test
    void whileHaltedWithholdsNewOrdersButStillSendsCancels()
    {
        tradingSwitch.halt("journal append failed");
        stage.onEvent(newThenCancel(), 0, true);
        assertThat(sent).containsExactly("CANCEL #3");
        assertThat(metrics.ordersReleased.get()).isEqualTo(1);
        assertThat(metrics.ordersWithheld.get()).isEqualTo(1);
    }
}
