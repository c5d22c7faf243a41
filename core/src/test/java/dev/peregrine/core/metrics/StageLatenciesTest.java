package dev.peregrine.core.metrics;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.testing.TestEvents;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core splits each live input's time into stages. The test makes each stage slow in a known way (a
 * strategy that spins, an output listener that spins while the order is handed on) and checks that each
 * stage's histogram holds its own time and not its neighbour's. Only lower bounds and wide separations
 * are asserted: the machine is shared and a thread can be paused at any moment.
 */
class StageLatenciesTest
{
    private static final long STRATEGY_SPIN = TimeUnit.MILLISECONDS.toNanos(5);
    /** Far above the strategy's spin, so a strategy thread descheduled for tens of ms on a loaded machine still separates. */
    private static final long EXECUTION_SPIN = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long RING_WAIT = TimeUnit.MILLISECONDS.toNanos(1);

    private static void spin(final long nanos)
    {
        final long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end)
        {
            Thread.onSpinWait();
        }
    }

    /** Spins, then buys at market, on every quote. */
    private static final class SlowBuyer implements Strategy
    {
        private final StrategyContext context;

        SlowBuyer(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            spin(STRATEGY_SPIN);
            context.submitMarketOrder(instrumentId, Side.BUY, FixedPoint.parse("0.01"));
        }

        @Override
        public long hash(final long seed)
        {
            return seed;
        }
    }

    /** Makes handing an order on (part of execution) slow. */
    private static final class SlowOrderOutputs extends OutputAdapter
    {
        int orders;

        @Override
        public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
            final long quantity, final long limitPrice, final long timeNanos)
        {
            orders++;
            spin(EXECUTION_SPIN);
        }
    }

    private final SlowOrderOutputs outputs = new SlowOrderOutputs();
    private final CoreMetrics metrics = new CoreMetrics(2);
    private final TestEvents events = new TestEvents();
    private final TradingCore core;

    StageLatenciesTest()
    {
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("100");
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
        core = CoreAssembly.build(TestProducts.CATALOG, settings, outputs, metrics, new TradingSwitch(), SlowBuyer::new);
    }

    private void feed(final InboundEvent event, final boolean live)
    {
        if (live)
        {
            final long now = System.nanoTime();
            event.receiveNanoTime = now - 2 * RING_WAIT;
            event.publishNanoTime = now - RING_WAIT;
        }
        core.onEvent(event, events.sequence(), true);
    }

    private static Histogram drain(final org.HdrHistogram.SingleWriterRecorder recorder)
    {
        return recorder.getIntervalHistogram();
    }

    @Test
    void eachStageHoldsItsOwnTimeAndOnlyLiveInputsAreTimed()
    {
        for (int i = 0; i < 5; i++)
        {
            feed(events.quote(0, "100", "1", "100.1", "1"), true);
        }
        feed(events.clockAfterMillis(10), true);
        assertThat(outputs.orders).as("one order per quote").isEqualTo(5);

        final StageLatencies stages = metrics.stages;
        final Histogram ringWait = drain(stages.ringWaitNanos);
        final Histogram strategy = drain(stages.strategyNanos);
        final Histogram risk = drain(stages.riskNanos);
        final Histogram execution = drain(stages.executionNanos);

        assertThat(ringWait.getTotalCount()).as("every live input waited in the ring").isEqualTo(6);
        // A histogram keeps a value to its bucket: compare with the lowest value of the bucket the bound falls in.
        assertThat(ringWait.getMinValue()).as("published 1 ms before the core took it")
            .isGreaterThanOrEqualTo(ringWait.lowestEquivalentValue(RING_WAIT));

        // five quotes with the spinning callback, and the clock (a callback that does nothing)
        assertThat(strategy.getTotalCount()).isEqualTo(6);
        assertThat(strategy.getValueAtPercentile(50)).as("the quotes' callbacks spin 5 ms")
            .isGreaterThanOrEqualTo(strategy.lowestEquivalentValue(STRATEGY_SPIN));
        assertThat(strategy.getMaxValue()).as("the order's 250 ms hand-off is execution, not strategy")
            .isLessThan(EXECUTION_SPIN - STRATEGY_SPIN);

        assertThat(risk.getTotalCount()).as("inputs that placed an order").isEqualTo(5);
        assertThat(execution.getTotalCount()).isEqualTo(5);
        assertThat(execution.getMinValue()).as("the hand-off spins 250 ms")
            .isGreaterThanOrEqualTo(execution.lowestEquivalentValue(EXECUTION_SPIN));
        assertThat(risk.getMaxValue()).as("neither the strategy's nor the hand-off's time is risk")
            .isLessThan(STRATEGY_SPIN);
    }

    @Test
    void sampledTimesRingWaitAndStrategyOnOneInputInNAndEveryOrder()
    {
        metrics.stages.sampleEvery(4);
        for (int i = 0; i < 8; i++)
        {
            feed(events.quote(0, "100", "1", "100.1", "1"), true);
        }
        final StageLatencies stages = metrics.stages;
        assertThat(drain(stages.ringWaitNanos).getTotalCount()).as("inputs 1 and 5 of 8").isEqualTo(2);
        final Histogram strategy = drain(stages.strategyNanos);
        assertThat(strategy.getTotalCount()).isEqualTo(2);
        assertThat(strategy.getMinValue()).isGreaterThanOrEqualTo(strategy.lowestEquivalentValue(STRATEGY_SPIN));
        assertThat(drain(stages.riskNanos).getTotalCount()).as("every order").isEqualTo(8);
        assertThat(drain(stages.executionNanos).getTotalCount()).isEqualTo(8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stages.sampleEvery(3))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }

    @Test
    void replayedInputsAreNotTimed()
    {
        for (int i = 0; i < 3; i++)
        {
            feed(events.quote(0, "100", "1", "100.1", "1"), false);
        }
        assertThat(outputs.orders).isEqualTo(3);
        final StageLatencies stages = metrics.stages;
        assertThat(drain(stages.ringWaitNanos).getTotalCount()).isZero();
        assertThat(drain(stages.strategyNanos).getTotalCount()).isZero();
        assertThat(drain(stages.riskNanos).getTotalCount()).isZero();
        assertThat(drain(stages.executionNanos).getTotalCount()).isZero();
    }
}
