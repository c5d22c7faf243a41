package dev.peregrine.core.engine;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.ExitReason;
import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixes from the review of the first trading path: each test fails on the code before its fix. */
class CoreResilienceTest
{
    private static final int BTC = 0;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    private static CoreHarness harness(final PaperVenueSettings venue, final ExitRules exits, final long timeoutNanos)
    {
        final long big = q("10");
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{q("0.01"), q("0.01")}).risk(RiskLimits.basic(new long[]{big, big}, new long[]{big, big})).exits(exits).paperVenue(venue).venueTimeoutNanos(timeoutNanos).build());
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        return h;
    }

    /** An event that makes the core throw is contained the same way in live, recovery and replay. */
    @Test
    void aThrowingEventHaltsTradingDeterministicallyAndTheCoreGoesOn()
    {
        final long[] hashes = new long[2];
        for (int run = 0; run < 2; run++)
        {
            final CoreHarness h = harness(PaperVenueSettings.FRICTIONLESS, ExitRules.none(2), 0);
            final InboundEvent bad = h.events.trade(BTC, "100", "1", Side.BUY);
            bad.instrumentId = 7;   // no such instrument: a corrupt journal, or a gateway bug
            h.feed(bad);
            assertThat(h.metrics.coreErrors.get()).isEqualTo(1);
            assertThat(h.core.tradingState().state()).isEqualTo(TradingState.HALTED);
            assertThat(h.core.tradingState().reason()).startsWith("core error at event time ");
            final long events = h.core.eventsProcessed();
            h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
            assertThat(h.core.eventsProcessed()).isEqualTo(events + 1);
            hashes[run] = h.core.stateHash();
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
    }

    /** The cross-thread switch no longer changes decisions: it is not journaled, so it could not replay. */
    @Test
    void theTradingSwitchDoesNotChangeTheCoresDecisions()
    {
        final CoreHarness h = harness(PaperVenueSettings.FRICTIONLESS, ExitRules.none(2), 0);
        h.tradingSwitch.halt("journal failed");
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.feed(h.events.clock());
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 1", "FILL #1 i0 BUY 1 @ 101");
    }

    /** A fill for an order the engine expired is still a real trade: the position follows the venue. */
    @Test
    void aFillArrivingAfterTheEngineExpiredTheOrderStillMovesThePosition()
    {
        final CoreHarness h = harness(new PaperVenueSettings(0, 0, 20_000_000_000L, 0, 0), ExitRules.none(2), 10_000_000_000L);
        h.core.execution().beginEvent(h.events.clock());
        final long id = h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.advanceMillis(11_000);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.EXPIRED);
        assertThat(h.core.positions().quantity(BTC)).isZero();
        h.advanceMillis(10_000);
        assertThat(h.core.positions().quantity(BTC)).isEqualTo(q("1"));
        assertThat(h.metrics.lateFills.get()).isEqualTo(1);
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 1", "EXPIRED #1 i0 1", "FILL #1 i0 BUY 1 @ 101");
    }

    /** A stop-loss first cancels the instrument's working orders, so self-trade prevention cannot block it. */
    @Test
    void aStopLossCancelsWorkingOrdersFirstThenCloses()
    {
        final CoreHarness h = harness(PaperVenueSettings.FRICTIONLESS, new ExitRules(new double[]{0.05, 0},
            new double[2], new double[2], new long[2]), 0);
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));                       // long 1 at 101
        final long resting = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("90"));
        h.feed(h.events.clock());
        h.outputs.clear();

        h.feed(h.events.quote(BTC, "95.4", "50", "96.4", "50"));   // -5.05 %: the stop fires
        h.feed(h.events.clock());
        assertThat(h.outputs.lines()).containsExactly(
            "CANCEL_REQUEST #" + resting,
            "CANCEL #" + resting + " i0 1",
            "ORDER #3 i0 SELL 1",
            "FILL #3 i0 SELL 1 @ 95.4");
        assertThat(h.metrics.rejects[dev.peregrine.core.risk.RejectReason.SELF_TRADE.ordinal()].get()).isZero();
        assertThat(h.metrics.exits[ExitReason.STOP_LOSS.ordinal()].get()).isEqualTo(1);
        assertThat(h.core.positions().quantity(BTC)).isZero();
    }

    /** A rejected exit is retried once a second, not on every event. */
    @Test
    void aRejectedExitIsRetriedOnceASecond()
    {
        final CoreHarness h = harness(PaperVenueSettings.FRICTIONLESS, new ExitRules(new double[]{0.05, 0},
            new double[2], new double[2], new long[2]), 0);
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.feed(h.events.clock());
        final InboundEvent stale = h.events.clock();
        stale.type = EventType.FEED_STALE;
        stale.instrumentId = BTC;
        h.feed(stale);                                               // the feed goes stale ...
        h.outputs.clear();
        h.feed(h.events.quote(BTC, "90", "50", "91", "50"));         // ... then the stop fires: rejected
        for (int i = 0; i < 50; i++)
        {
            h.feed(h.events.clock());   // 50 events within 51 ms
        }
        assertThat(h.outputs.count("reject")).as("one attempt per second, not one per event").isEqualTo(1);
    }
}
