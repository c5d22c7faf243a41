package dev.peregrine.bench.strategy;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot-path rule through the whole engine backtest: once the JIT has warmed up, feeding 100,000 bars
 * (300,000 events, thousands of orders and fills), from the pre-built events or through reused slots, allocates nothing; what a backtest allocates is the
 * fresh core it starts with. Bytes are counted on this thread, not timed.
 */
class EngineBacktestAllocationTest
{
    @Test
    void feedingTheBarsAllocatesNothingOnceWarm()
    {
        final RandomWalkBars bars = new RandomWalkBars(EmaCrossoverBacktestBenchmark.BARS, 42);
        final EngineBacktest engine = new EngineBacktest(bars, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP);
        final int[] trades = new int[bars.count()];
        for (int i = 0; i < 5; i++)
        {
            engine.run(trades); // warm up: JIT, escape analysis
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        final long beforeStart = threads.getCurrentThreadAllocatedBytes();
        engine.start();
        final long beforeFeed = threads.getCurrentThreadAllocatedBytes();
        engine.feedAll();
        final long afterFeed = threads.getCurrentThreadAllocatedBytes();

        assertThat(engine.orders().orderCount()).as("orders in the measured run").isGreaterThan(1_000);
        assertThat(engine.core().lastError()).isNull();
        assertThat(afterFeed - beforeFeed).as("bytes allocated feeding 100,000 bars (start-up took %d)",
            beforeFeed - beforeStart).isLessThan(16 * 1024);

        for (int i = 0; i < 5; i++)
        {
            engine.runThroughSlots(trades);
        }
        engine.start();
        final long beforeSlots = threads.getCurrentThreadAllocatedBytes();
        engine.feedThroughSlots();
        assertThat(threads.getCurrentThreadAllocatedBytes() - beforeSlots).as("bytes allocated feeding them through reused slots")
            .isLessThan(16 * 1024);
        assertThat(engine.orders().orderCount()).isGreaterThan(1_000);

        // timed as live inputs: the stage histograms record without allocating
        for (int i = 0; i < 5; i++)
        {
            engine.runThroughSlotsTimed(trades);
        }
        engine.start();
        final long beforeTimed = threads.getCurrentThreadAllocatedBytes();
        engine.feedThroughSlots(true);
        assertThat(threads.getCurrentThreadAllocatedBytes() - beforeTimed).as("bytes allocated feeding timed inputs")
            .isLessThan(16 * 1024);
        assertThat(engine.metrics().stages.strategyNanos.getIntervalHistogram().getTotalCount()).isPositive();
    }
}
