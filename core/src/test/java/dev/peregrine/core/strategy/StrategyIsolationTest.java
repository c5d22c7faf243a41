package dev.peregrine.core.strategy;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A strategy that throws is disabled and its orders cancelled; the engine goes on. */
class StrategyIsolationTest
{
    private static final int BTC = 0;

    /** Buys 1 at market on its first quote, rests a bid at 90, and throws on the trade at 66.6. */
    private static final class FaultyStrategy implements Strategy
    {
        private final StrategyContext execution;
        int callbacks;
        long restingOrderId;
        long orderPlacedBeforeThrowing;

        FaultyStrategy(final StrategyContext execution)
        {
            this.execution = execution;
        }

        @Override
        public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
        {
            callbacks++;
            if (price == FixedPoint.parse("66.6"))
            {
                orderPlacedBeforeThrowing = execution.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("80"));
                throw new IllegalStateException("strategy bug");
            }
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            callbacks++;
            if (restingOrderId == 0)
            {
                execution.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("1"));
                restingOrderId = execution.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("90"));
            }
        }

        @Override
        public void onBook(final int instrumentId, final long timeNanos)
        {
            callbacks++;
        }

        @Override
        public void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
        {
            callbacks++;
        }

        @Override
        public void onClock(final long timeNanos)
        {
            callbacks++;
        }

        @Override
        public long hash(final long seed)
        {
            return seed * 31 + callbacks;
        }
    }

    private FaultyStrategy strategy;

    private CoreHarness harness()
    {
        final long big = FixedPoint.parse("100");
        return new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("1"), FixedPoint.parse("1")}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build(), context -> strategy = new FaultyStrategy(context));
    }

    private static void run(final CoreHarness h)
    {
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        h.feed(h.events.trade(BTC, "100.5", "0.1", Side.SELL));
        h.feed(h.events.trade(BTC, "66.6", "0.1", Side.SELL));
        h.feed(h.events.clock());
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
    }

    @Test
    void aThrowingStrategyIsDisabledItsOrdersCancelledAndTheEngineGoesOn()
    {
        final CoreHarness h = harness();
        run(h);

        assertThat(h.core.strategies().get(0).enabled()).isFalse();
        assertThat(h.core.strategies().get(0).failure()).hasMessage("strategy bug");
        assertThat(h.metrics.strategyFailures.get()).isEqualTo(1);
        assertThat(h.metrics.coreErrors.get()).as("contained by the guard, not the core").isZero();
        assertThat(strategy.callbacks).as("nothing delivered after the failure").isEqualTo(3);
        assertThat(h.core.execution().orders().get(strategy.restingOrderId).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(h.core.execution().orders().get(strategy.orderPlacedBeforeThrowing).state())
            .as("placed in the callback that threw").isEqualTo(OrderState.CANCELLED);
        assertThat(h.core.positions().quantity(BTC)).as("the position stays for the operator").isEqualTo(FixedPoint.parse("1"));
        assertThat(h.core.tradingState().state()).isEqualTo(TradingState.ACTIVE);

        // The engine still obeys the operator: flatten closes what the disabled strategy left.
        final InboundEvent flatten = h.events.clock();
        flatten.type = dev.peregrine.core.event.EventType.COMMAND;
        flatten.flags = CommandCode.FLATTEN;
        h.feed(flatten);
        h.feed(h.events.clock());
        assertThat(h.core.positions().quantity(BTC)).isZero();
    }

    @Test
    void theFailureIsPartOfTheStateAndReplaysIdentically()
    {
        final CoreHarness first = harness();
        run(first);
        final CoreHarness second = harness();
        run(second);
        assertThat(second.core.stateHash()).isEqualTo(first.core.stateHash());
        assertThat(second.outputs.lines()).isEqualTo(first.outputs.lines());
    }
}
