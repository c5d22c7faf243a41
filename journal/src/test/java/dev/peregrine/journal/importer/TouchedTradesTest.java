package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows before the window are passed over, a row inside it gives its quote then its trade, a row past it ends. */
class TouchedTradesTest
{
    private final TouchedTrades touches = new TouchedTrades(3, 10, new TimeWindow(100, 200));
    private final InboundEvent slot = new InboundEvent();

    @Test
    void aTradeInsideTheWindowIsItsQuoteThenItself()
    {
        assertThat(touches.pendingTrade(slot)).as("nothing offered yet").isFalse();
        assertThat(touches.offer(slot, 99, 1, 5_000, 7, Side.SELL)).isEqualTo(TouchedTrades.BEFORE);
        assertThat(touches.pendingTrade(slot)).isFalse();

        assertThat(touches.offer(slot, 150, 2, 5_000, 7, Side.SELL)).isEqualTo(TouchedTrades.QUOTED);
        assertThat(slot.type).isEqualTo(EventType.QUOTE);
        assertThat(slot.instrumentId).isEqualTo(3);
        assertThat(slot.bidPrice).isEqualTo(4_990);
        assertThat(slot.askPrice).isEqualTo(5_010);
        assertThat(slot.eventTimeNanos).isEqualTo(150);

        assertThat(touches.pendingTrade(slot)).isTrue();
        assertThat(slot.type).isEqualTo(EventType.TRADE);
        assertThat(slot.tradeId).isEqualTo(2);
        assertThat(slot.price).isEqualTo(5_000);
        assertThat(slot.quantity).isEqualTo(7);
        assertThat(slot.side).isEqualTo(Side.SELL);
        assertThat(touches.pendingTrade(slot)).as("each trade once").isFalse();

        assertThat(touches.offer(slot, 200, 3, 5_000, 7, Side.BUY)).isEqualTo(TouchedTrades.PAST);
        assertThat(touches.pendingTrade(slot)).isFalse();
    }

    @Test
    void rowsMustKeepTimeOrderAndTheErrorNamesThePreviousRow()
    {
        assertThat(touches.inOrder(150, 2)).isTrue();
        assertThat(touches.inOrder(150, 3)).as("equal times are normal").isTrue();
        assertThat(touches.inOrder(149, 4)).isFalse();
        assertThat(touches.outOfOrder("trades.csv", 4, "time", "149")).hasMessageContaining("trades.csv")
            .hasMessageContaining("'149' is earlier than the previous row's (line 3); rows must be in time order");
        assertThat(touches.inOrder(151, 5)).isTrue();
    }
}
