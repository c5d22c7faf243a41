package dev.peregrine.core.execution;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.CommandCode;
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

/**
 * A restart longer than the venue time-out: the orders recovered pending at the venue wait for the venue's report
 * (the restart reconciliation's), announced by the journaled RECOVERED command, instead of expiring on the time the
 * engine was down.
 */
class RecoveredOrderTimeoutTest
{
    private static final int BTC = 0;
    private static final long TIMEOUT_NANOS = 10_000_000_000L;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static CoreHarness live()
    {
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3)
            .orderQuantity(new long[]{q("0.01"), q("0.01")})
            .risk(RiskLimits.basic(new long[]{q("10"), q("10")}, new long[]{q("10"), q("10")}))
            .paperVenue(PaperVenueSettings.FRICTIONLESS).venueTimeoutNanos(TIMEOUT_NANOS).build().withLiveVenue(true));
        h.feed(h.events.quote(BTC, "100", "5", "101", "5"));
        return h;
    }

    private static void report(final CoreHarness h, final int type, final long orderId, final long fillNumber,
        final String quantity, final String price)
    {
        LiveVenueReportsTest.report(h, type, orderId, fillNumber, quantity, price, null, 0);
    }

    /** The first event of the restarted engine, {@code downMillis} after the last one of the crashed run. */
    private static void restartAfter(final CoreHarness h, final long downMillis)
    {
        final InboundEvent recovered = h.events.clockAfterMillis(downMillis);
        recovered.type = EventType.COMMAND;
        recovered.flags = CommandCode.RECOVERED;
        h.feed(recovered);
    }

    /** Three orders as the crash left them: one pending new, one pending cancel, one pending new again. */
    private static long[] pendingOrders(final CoreHarness h)
    {
        h.core.execution().beginEvent(h.events.clock());
        final long pendingNew = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("2"), q("100"));
        final long pendingCancel = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("99"));
        final long unknown = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("98"));
        h.feed(h.events.clock());
        report(h, EventType.VENUE_ACCEPTED, pendingCancel, 0, null, null);
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().cancelOrder(pendingCancel)).isTrue();
        h.feed(h.events.clock());
        return new long[] {pendingNew, pendingCancel, unknown};
    }

    private static OrderState state(final CoreHarness h, final long orderId)
    {
        return h.core.execution().orders().get(orderId).state();
    }

    @Test
    void recoveredOrdersWaitForTheReconciliationsReportThoughTheClockJumpedPastTheTimeout()
    {
        final CoreHarness h = live();
        final long[] ids = pendingOrders(h);

        restartAfter(h, 30_000);
        h.advanceMillis(15_000); // the reconciliation takes its time: the venue was slow to list
        assertThat(state(h, ids[0])).isEqualTo(OrderState.PENDING_NEW);
        assertThat(state(h, ids[1])).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(state(h, ids[2])).isEqualTo(OrderState.PENDING_NEW);
        assertThat(h.metrics.venueTimeouts.get()).isZero();
        assertThat(h.core.tradingState().state()).as("not an operator's command").isEqualTo(TradingState.ACTIVE);

        // The reconciliation's answers: the first order was accepted and filled while the engine was down, the
        // second cancelled, the third is unknown to the venue.
        report(h, EventType.VENUE_ACCEPTED, ids[0], 0, null, null);
        report(h, EventType.VENUE_FILL, ids[0], 1, "2", "100");
        report(h, EventType.VENUE_CANCELLED, ids[1], 0, null, null);
        report(h, EventType.VENUE_UNKNOWN, ids[2], 0, null, null);
        assertThat(state(h, ids[0])).isEqualTo(OrderState.FILLED);
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(q("2"));
        assertThat(state(h, ids[1])).isEqualTo(OrderState.CANCELLED);

        // From its report on, the unknown order's time-out runs as any other's.
        h.advanceMillis(9_000);
        assertThat(state(h, ids[2])).isEqualTo(OrderState.PENDING_NEW);
        h.advanceMillis(2_000);
        assertThat(state(h, ids[2])).isEqualTo(OrderState.EXPIRED);
        assertThat(h.metrics.venueTimeouts.get()).isEqualTo(1);
    }

    @Test
    void withoutTheRecoveredCommandTheJumpExpiresThemAndNewOrdersStillTimeOut()
    {
        final CoreHarness before = live();
        final long[] lost = pendingOrders(before);
        before.advanceMillis(30_000); // what the journal held before: the first event after the restart expired them
        assertThat(state(before, lost[0])).isEqualTo(OrderState.EXPIRED);
        assertThat(state(before, lost[1])).isEqualTo(OrderState.EXPIRED);

        final CoreHarness h = live();
        pendingOrders(h);
        restartAfter(h, 30_000);
        h.core.execution().beginEvent(h.events.clock());
        final long placedAfter = h.core.execution().submitLimitOrder(BTC, Side.SELL, q("1"), q("105"));
        h.advanceMillis(11_000);
        assertThat(state(h, placedAfter)).as("an order of this run is timed out as before").isEqualTo(OrderState.EXPIRED);
        assertThat(h.metrics.venueTimeouts.get()).isEqualTo(1);
    }
}
