package dev.peregrine.core.execution;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExitsAndTimeoutsTest
{
    private static final int BTC = 0;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static CoreHarness harness(final double stop, final double take, final double trail, final long holdMillis,
        final PaperVenueSettings venue, final long timeoutNanos)
    {
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{q("0.01"), q("0.01")}).risk(RiskLimits.basic(new long[]{q("10"), q("10")}, new long[]{q("10"), q("10")})).exits(new ExitRules(new double[]{stop, 0}, new double[]{take, 0}, new double[]{trail, 0}, new long[]{holdMillis * 1_000_000L, 0})).paperVenue(venue).venueTimeoutNanos(timeoutNanos).build();
        final CoreHarness h = new CoreHarness(settings);
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        return h;
    }

    private static void buyOne(final CoreHarness h)
    {
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.feed(h.events.clock());
        h.outputs.clear();
    }

    /** The long of 1 {@link #buyOne} opened was closed by {@code reason}: one market sell, filled at {@code price}. */
    private static void assertClosedBy(final CoreHarness h, final ExitReason reason, final String price)
    {
        assertThat(h.outputs.lines()).containsExactly("ORDER #2 i0 SELL 1", "FILL #2 i0 SELL 1 @ " + price);
        assertThat(h.metrics.exits[reason.ordinal()].get()).isEqualTo(1);
    }

    @Test
    void stopLossClosesPastTheThresholdNotBefore()
    {
        final CoreHarness h = harness(0.05, 0, 0, 0, PaperVenueSettings.FRICTIONLESS, 0);
        buyOne(h);                                                    // long 1 at 101
        h.feed(h.events.quote(BTC, "95.5", "50", "96.5", "50"));     // mark 96: -4.95 %
        assertThat(h.outputs.lines()).isEmpty();
        h.feed(h.events.quote(BTC, "95.4", "50", "96.4", "50"));     // mark 95.9: -5.05 %
        assertClosedBy(h, ExitReason.STOP_LOSS, "95.4");
        assertThat(h.core.positions().quantity(BTC)).isZero();
    }

    @Test
    void takeProfit()
    {
        final CoreHarness h = harness(0, 0.1, 0, 0, PaperVenueSettings.FRICTIONLESS, 0);
        buyOne(h);
        h.feed(h.events.quote(BTC, "110.5", "50", "111.5", "50"));   // mark 111: +9.9 %
        assertThat(h.outputs.lines()).isEmpty();
        h.feed(h.events.quote(BTC, "110.7", "50", "111.7", "50"));   // mark 111.2: +10.1 %
        assertClosedBy(h, ExitReason.TAKE_PROFIT, "110.7");
    }

    @Test
    void trailingStopFollowsTheBestMark()
    {
        final CoreHarness h = harness(0, 0, 0.05, 0, PaperVenueSettings.FRICTIONLESS, 0);
        buyOne(h);
        h.feed(h.events.quote(BTC, "119.5", "50", "120.5", "50"));   // best mark 120
        h.feed(h.events.quote(BTC, "114.5", "50", "114.5", "50"));   // 114.5: 4.58 % back
        assertThat(h.outputs.lines()).isEmpty();
        h.feed(h.events.quote(BTC, "114", "50", "114", "50"));       // 114: 5 % back from 120
        assertClosedBy(h, ExitReason.TRAILING_STOP, "114");
    }

    @Test
    void timeStopInEventTime()
    {
        final CoreHarness h = harness(0, 0, 0, 60_000, PaperVenueSettings.FRICTIONLESS, 0);
        buyOne(h);
        h.advanceMillis(59_000);
        assertThat(h.outputs.lines()).isEmpty();
        h.advanceMillis(1_000);
        assertClosedBy(h, ExitReason.TIME_STOP, "100");
    }

    @Test
    void anExitIsNotSentTwiceWhileItIsInFlight()
    {
        final CoreHarness h = harness(0.05, 0, 0, 0, new PaperVenueSettings(50_000_000L, 0, 0, 0, 0), 0);
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.advanceMillis(60);
        h.outputs.clear();
        h.feed(h.events.quote(BTC, "90", "50", "91", "50"));
        h.feed(h.events.quote(BTC, "89", "50", "90", "50"));
        assertThat(h.outputs.lines()).containsExactly("ORDER #2 i0 SELL 1");
        h.advanceMillis(60);
        assertThat(h.outputs.lines()).containsExactly("ORDER #2 i0 SELL 1", "FILL #2 i0 SELL 1 @ 89");
    }

    @Test
    void anOrderTheVenueNeverAnswersExpires()
    {
        // The venue takes 20 s to report: past the 10 s time-out.
        final CoreHarness h = harness(0, 0, 0, 0, new PaperVenueSettings(0, 0, 20_000_000_000L, 0, 0), 10_000_000_000L);
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("99"));
        h.feed(h.events.clock());
        h.advanceMillis(9_990);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.PENDING_NEW);
        h.advanceMillis(1_100);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.EXPIRED);
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 1 LIMIT @ 99", "EXPIRED #1 i0 1");
        assertThat(h.metrics.venueTimeouts.get()).isEqualTo(1);

        h.advanceMillis(10_000);   // the late acceptance is refused and counted, not applied
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.EXPIRED);
        assertThat(h.core.execution().orders().illegalTransitions()).isZero();
        assertThat(h.outputs.lines()).hasSize(2);
    }
}
