package dev.peregrine.core.execution;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** With a live venue, orders wait for journaled VENUE_* events, and the same state machine applies them. */
class LiveVenueReportsTest
{
    private static final int BTC = 0;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static CoreHarness live()
    {
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{q("0.01"), q("0.01")}).risk(RiskLimits.basic(new long[]{q("10"), q("10")}, new long[]{q("10"), q("10")})).paperVenue(PaperVenueSettings.FRICTIONLESS).build().withLiveVenue(true));
        h.feed(h.events.quote(BTC, "100", "5", "101", "5"));
        return h;
    }

    /** A VENUE_* event as the live venue publishes it; also used by {@link RecoveredOrderTimeoutTest}. */
    static void report(final CoreHarness h, final int type, final long orderId, final long fillNumber,
        final String quantity, final String price, final String fee, final int flags)
    {
        final InboundEvent e = h.events.clock();
        e.type = type;
        e.instrumentId = -1;
        e.orderId = orderId;
        e.tradeId = fillNumber;
        e.quantity = quantity == null ? 0 : q(quantity);
        e.price = price == null ? 0 : q(price);
        e.fee = fee == null ? 0 : q(fee);
        e.flags = flags;
        h.feed(e);
    }

    @Test
    void ordersWaitForTheVenueAndItsAnswersDriveTheStateMachine()
    {
        final CoreHarness h = live();
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("2"), q("100"));
        h.advanceMillis(1_000);
        assertThat(h.outputs.lines()).as("no paper venue answers in live mode").containsExactly("ORDER #1 i0 BUY 2 LIMIT @ 100");

        report(h, EventType.VENUE_ACCEPTED, id, 0, null, null, null, 0);
        report(h, EventType.VENUE_FILL, id, 1, "0.5", "100", "0.2", 1);
        report(h, EventType.VENUE_FILL, id, 1, "0.5", "100", "0.2", 1);     // the same fill again
        report(h, EventType.VENUE_FILL, id, 2, "0.5", "99.99", "0.3", 2);
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().cancelOrder(id)).isTrue();
        h.feed(h.events.clock());
        report(h, EventType.VENUE_CANCEL_REJECTED, id, 0, null, null, null, 0);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(h.outputs.cancelRefusals()).as("the listeners hear the order works again").containsExactly("#1 acknowledged");
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().cancelOrder(id)).isTrue();
        h.feed(h.events.clock());
        report(h, EventType.VENUE_CANCELLED, id, 0, null, null, null, 0);

        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 2 LIMIT @ 100",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.5 @ 100 fee 0.2000",
            "FILL #1 i0 BUY 0.5 @ 99.99 fee 0.3000",
            "CANCEL_REQUEST #1",
            "CANCEL_REQUEST #1",
            "CANCEL #1 i0 1");
        assertThat(h.metrics.venueFillsDuplicated.get()).isEqualTo(1);
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(q("1"));
        assertThat(h.core.positions().fees(BTC)).isCloseTo(0.5, within(1e-12));
        assertThat(h.core.execution().fees().makerFees(BTC)).isCloseTo(0.2, within(1e-12));
        assertThat(h.core.execution().fees().takerFees(BTC)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void killAsksAgainOnceASecondWhileTheVenueRefusesTheCancel()
    {
        final CoreHarness h = live();
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("99"));
        h.feed(h.events.clock());
        report(h, EventType.VENUE_ACCEPTED, id, 0, null, null, null, 0);
        final InboundEvent kill = h.events.clock();
        kill.type = EventType.COMMAND;
        kill.flags = dev.peregrine.core.event.CommandCode.KILL;
        h.feed(kill);
        report(h, EventType.VENUE_CANCEL_REJECTED, id, 0, null, null, null, 0);   // an outage, say
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.ACKNOWLEDGED);
        h.feed(h.events.clock());
        assertThat(h.outputs.count("cancel_request")).as("not hammered: once a second").isEqualTo(1);
        assertThat(h.core.execution().commandInProgress()).isTrue();

        h.advanceMillis(1_000);
        assertThat(h.outputs.count("cancel_request")).isEqualTo(2);
        report(h, EventType.VENUE_CANCELLED, id, 0, null, null, null, 0);
        h.feed(h.events.clock());
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(h.core.execution().commandInProgress()).isFalse();
    }

    @Test
    void rejectsUnknownsAndStrangers()
    {
        final CoreHarness h = live();
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitMarketOrder(BTC, Side.SELL, q("1"));
        h.feed(h.events.clock());
        report(h, EventType.VENUE_UNKNOWN, id, 0, null, null, null, 8);
        assertThat(h.core.execution().orders().get(id).state()).as("may or may not exist: stays pending").isEqualTo(OrderState.PENDING_NEW);
        report(h, EventType.VENUE_REJECTED, id, 0, null, null, null, 1);
        report(h, EventType.VENUE_FILL, 999, 1, "1", "100", "0", 2);
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 SELL 1", "REJECT #1 i0 SELL 1 VENUE_REJECTED");
        assertThat(h.metrics.venueUnknown.get()).isEqualTo(1);
        assertThat(h.metrics.venueReportsUnmatched.get()).isEqualTo(1);
    }
}
