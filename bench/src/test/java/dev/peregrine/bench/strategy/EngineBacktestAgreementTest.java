package dev.peregrine.bench.strategy;

import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine ({@link EngineBacktest}: {@code trend-following} in a {@code TradingCore}, bars from
 * trades and clock events, risk, paper venue) and ta4j, given the same bars and rules, trade on exactly the
 * same bars: every BUY is an entry and every SELL an exit of ta4j's list, in order.
 */
class EngineBacktestAgreementTest
{
    /** The whole engine over a case's bars, checked clean (no error, reject or expiry) before its trades count. */
    private static final Ta4jAgreement.Backtester WHOLE_ENGINE = (bars, fast, slow, warmUp, trades, what) ->
    {
        final EngineBacktest engine = new EngineBacktest(bars, fast, slow, warmUp);
        final int n = engine.run(trades);
        assertCleanRun(engine, bars, n, what);
        return n;
    };

    @Test
    void theEngineTradesOnTa4jsBarsOnTheBenchmarksBars()
    {
        Ta4jAgreement.assertSameTradesOnTheBenchmarksBars(WHOLE_ENGINE);
    }

    @Test
    void agreementHoldsOverOtherSeedsAndPeriods()
    {
        Ta4jAgreement.assertSameTradesOverOtherSeedsAndPeriods(WHOLE_ENGINE);
    }

    @Test
    void aSecondRunOfTheSameBacktestGivesTheSameOutputsAndState()
    {
        final RandomWalkBars bars = new RandomWalkBars(20_000, 7);
        final EngineBacktest engine = new EngineBacktest(bars, 12, 26, 40 * 26);
        final int[] first = new int[bars.count()];
        final int[] second = new int[bars.count()];
        final int n = engine.run(first);
        final String digest = engine.digest().hex();
        final long state = engine.core().stateHash();
        assertThat(engine.run(second)).isEqualTo(n);
        assertThat(second).isEqualTo(first);
        assertThat(engine.digest().hex()).as("the reused events replay to the same outputs").isEqualTo(digest);
        assertThat(engine.core().stateHash()).isEqualTo(state);
    }

    @Test
    void feedingThroughReusedSlotsIsTheSameReplayAsFeedingThePreBuiltEvents()
    {
        final RandomWalkBars bars = new RandomWalkBars(EmaCrossoverBacktestBenchmark.BARS, 42);
        final EngineBacktest engine = new EngineBacktest(bars, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP);
        final int[] prebuilt = new int[bars.count()];
        final int[] slots = new int[bars.count()];
        final int n = engine.run(prebuilt);
        final String digest = engine.digest().hex();
        final long state = engine.core().stateHash();

        assertThat(engine.runThroughSlots(slots)).isEqualTo(n);
        assertCleanRun(engine, bars, n, "through slots");
        assertThat(slots).isEqualTo(prebuilt);
        assertThat(engine.digest().hex()).as("every output, decisions included").isEqualTo(digest);
        assertThat(engine.core().stateHash()).isEqualTo(state);

        // Stamped as live inputs, the core times its stages; measuring must not change a single decision.
        final int[] timed = new int[bars.count()];
        assertThat(engine.runThroughSlotsTimed(timed)).isEqualTo(n);
        assertThat(timed).isEqualTo(prebuilt);
        assertThat(engine.digest().hex()).as("timing the stages changes no output").isEqualTo(digest);
        assertThat(engine.core().stateHash()).isEqualTo(state);
        final dev.peregrine.core.metrics.StageLatencies stages = engine.metrics().stages;
        assertThat(stages.ringWaitNanos.getIntervalHistogram().getTotalCount()).isEqualTo(3L * bars.count());
        assertThat(stages.strategyNanos.getIntervalHistogram().getTotalCount()).as("every input reaches a strategy")
            .isEqualTo(3L * bars.count());
        assertThat(stages.riskNanos.getIntervalHistogram().getTotalCount()).as("inputs that placed an order").isEqualTo(n);
        assertThat(stages.executionNanos.getIntervalHistogram().getTotalCount()).isEqualTo(n);
    }

    /**
     * What makes the order list the strategy's decisions and nothing else: no contained error, no reject or
     * other unexpected output, each order decided on the clock event that closed its bar, alternating buy and
     * sell of the configured quantity, each filled at once one cent through that bar's close, and the final
     * position what the last order left.
     */
    private static void assertCleanRun(final EngineBacktest engine, final RandomWalkBars bars, final int n, final String what)
    {
        final RecordedOrders orders = engine.orders();
        assertThat(engine.core().lastError()).as(what).isNull();
        assertThat(engine.core().tradingState().state()).as(what).isEqualTo(TradingState.ACTIVE);
        assertThat(engine.core().eventsProcessed()).as(what).isEqualTo((long)bars.count() * RandomWalkEvents.EVENTS_PER_BAR);
        assertThat(orders.unexpectedCount()).as(what + ": rejects, cancels, stray fills").isZero();
        assertThat(orders.fillCount()).as(what).isEqualTo(n);
        final long quantity = FixedPoint.parse(EngineBacktest.QUANTITY);
        for (int i = 0; i < n; i++)
        {
            final long time = orders.orderTime(i);
            assertThat((time - RandomWalkEvents.START_NANOS) % RandomWalkEvents.BAR_NANOS).as(what + ", order %d on a bar's end", i)
                .isZero();
            final int bar = RandomWalkEvents.barIndexOfDecisionAt(time);
            final boolean entry = i % 2 == 0;
            assertThat(orders.orderSide(i)).as(what + ", order %d", i).isEqualTo(entry ? Side.BUY : Side.SELL);
            assertThat(orders.orderQuantity(i)).as(what + ", order %d", i).isEqualTo(quantity);
            final long close = FixedPoint.fromDouble(bars.close[bar]);
            assertThat(orders.fillPrice(i)).as(what + ", fill %d", i)
                .isEqualTo(entry ? close + RandomWalkEvents.HALF_SPREAD : close - RandomWalkEvents.HALF_SPREAD);
        }
        assertThat(engine.core().positions().quantity(0)).as(what + ": final position").isEqualTo(n % 2 == 1 ? quantity : 0);
    }
}
