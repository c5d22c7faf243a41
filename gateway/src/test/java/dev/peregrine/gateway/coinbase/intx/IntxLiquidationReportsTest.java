package dev.peregrine.gateway.coinbase.intx;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.UserOrderUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user channel's cumulative figures turned into increments. A liquidation order filled in two parts:
 * first 0.04 at 41,000 with fees 9.84; then cumulative 0.1 at average 40,940 with fees 24.56. The second increment:
 * quantity 0.1 - 0.04 = 0.06; price (40,940 x 0.1 - 41,000 x 0.04) / 0.06 = (4,094 - 1,640) / 0.06 = 40,900;
 * fee 24.56 - 9.84 = 14.72. Repeats (the same cumulative again, and a snapshot after a reconnect) publish nothing.
 */
class IntxLiquidationReportsTest
{
    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
    private final IntxLiquidationReports reports = new IntxLiquidationReports(ring, p -> "BTC-PERP-INTX".equals(p) ? 3 : -1);

    @Test
    void publishesIncrementsOnceEach()
    {
        reports.onUpdate(update("liquidation-o1", "OPEN", "0.04", "41000", "9.84", "1", false));
        reports.onUpdate(update("liquidation-o1", "OPEN", "0.04", "41000", "9.84", "1", false)); // repeat
        reports.onUpdate(update("liquidation-o1", "FILLED", "0.1", "40940", "24.56", "2", false));
        reports.onUpdate(update("liquidation-o1", "FILLED", "0.1", "40940", "24.56", "2", true)); // snapshot on reconnect
        reports.onUpdate(update("prg-1", "FILLED", "0.1", "40940", "24.56", "2", false)); // our own order: not this

        final List<InboundEvent> events = events();
        assertThat(events).hasSize(2);
        assertThat(reports.published()).isEqualTo(2);
        assertEvent(events.get(0), "0.04", "41000", "9.84");
        assertEvent(events.get(1), "0.06", "40900", "14.72");
        assertThat(events.get(0).tradeId).isNotEqualTo(events.get(1).tradeId);
    }

    @Test
    void aSnapshotOnlySetsTheBaseline()
    {
        reports.onUpdate(update("liquidation-o2", "OPEN", "0.04", "41000", "9.84", "1", true));
        reports.onUpdate(update("liquidation-o2", "FILLED", "0.1", "40940", "24.56", "2", false));

        final List<InboundEvent> events = events();
        assertThat(events).hasSize(1);
        assertEvent(events.get(0), "0.06", "40900", "14.72");
    }

    private static void assertEvent(final InboundEvent event, final String quantity, final String price, final String fee)
    {
        assertThat(event.type).isEqualTo(EventType.LIQUIDATION);
        assertThat(event.flags).isEqualTo(LiquidationFlags.OWN_POSITION);
        assertThat(event.instrumentId).isEqualTo(3);
        assertThat(event.side).isEqualTo(Side.SELL);
        assertThat(event.quantity).isEqualTo(FixedPoint.parse(quantity));
        assertThat(event.price).isEqualTo(FixedPoint.parse(price));
        assertThat(event.fee).isEqualTo(FixedPoint.parse(fee));
    }

    private List<InboundEvent> events()
    {
        final List<InboundEvent> found = new ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++)
        {
            found.add(ring.get(sequence));
        }
        return found;
    }

    private static UserOrderUpdate update(final String clientId, final String status, final String cum, final String avg,
        final String fees, final String fills, final boolean snapshot)
    {
        return new UserOrderUpdate("o1-" + clientId, clientId, "BTC-PERP-INTX", "SELL", "MARKET", status, cum, "0", avg,
            null, fees, fills, null, null, snapshot);
    }
}
