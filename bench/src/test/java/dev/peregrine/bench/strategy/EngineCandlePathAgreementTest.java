package dev.peregrine.bench.strategy;

import dev.peregrine.core.engine.TradingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar path ({@link EngineBacktest#runCandles}: one closed CANDLE per bar, the strategy on candle bars)
 * reaches exactly what the three-event path reaches on the same bars when that path's quote sits at the close
 * (the market a candle makes): the same orders at the same times and sides, the same fills at the same prices,
 * the same final position and realized PnL. And it trades on ta4j's bars.
 */
class EngineCandlePathAgreementTest
{
    private static final Ta4jAgreement.Backtester CANDLE_PATH = (bars, fast, slow, warmUp, trades, what) ->
    {
        final EngineBacktest engine = new EngineBacktest(bars, fast, slow, warmUp, true, 0);
        final int n = engine.runCandles(trades);
        assertThat(engine.core().lastError()).as(what).isNull();
        assertThat(engine.core().tradingState().state()).as(what).isEqualTo(TradingState.ACTIVE);
        assertThat(engine.core().eventsProcessed()).as(what + ": one event per bar").isEqualTo(bars.count());
        assertThat(engine.orders().unexpectedCount()).as(what + ": rejects, cancels, stray fills").isZero();
        assertThat(engine.orders().fillCount()).as(what).isEqualTo(n);
        return n;
    };

    @Test
    void theCandlePathTradesOnTa4jsBarsOnTheBenchmarksBars()
    {
        Ta4jAgreement.assertSameTradesOnTheBenchmarksBars(CANDLE_PATH);
    }

    @Test
    void theCandlePathGivesTheSameOrdersFillsAndPnlAsTheThreeEventPath()
    {
        final RandomWalkBars bars = new RandomWalkBars(EmaCrossoverBacktestBenchmark.BARS, 42);
        final EngineBacktest events = new EngineBacktest(bars, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP, false, 0);
        final EngineBacktest candles = new EngineBacktest(bars, EmaCrossoverBacktestBenchmark.FAST,
            EmaCrossoverBacktestBenchmark.SLOW, EmaCrossoverBacktestBenchmark.WARM_UP, true, 0);
        final int[] fromEvents = new int[bars.count()];
        final int[] fromCandles = new int[bars.count()];

        final int n = events.runThroughSlots(fromEvents);
        assertThat(candles.runCandles(fromCandles)).isEqualTo(n);
        assertThat(n).as("the benchmark's bars trade").isGreaterThan(1000);
        assertThat(events.orders().unexpectedCount()).isZero();
        assertThat(candles.orders().unexpectedCount()).isZero();
        assertThat(fromCandles).isEqualTo(fromEvents);
        final RecordedOrders a = events.orders();
        final RecordedOrders b = candles.orders();
        assertThat(b.fillCount()).isEqualTo(a.fillCount());
        for (int i = 0; i < n; i++)
        {
            assertThat(b.orderTime(i)).as("order %d", i).isEqualTo(a.orderTime(i));
            assertThat(b.orderSide(i)).as("order %d", i).isEqualTo(a.orderSide(i));
            assertThat(b.orderQuantity(i)).as("order %d", i).isEqualTo(a.orderQuantity(i));
            assertThat(b.fillPrice(i)).as("fill %d", i).isEqualTo(a.fillPrice(i));
        }
        assertThat(candles.core().positions().quantity(0)).isEqualTo(events.core().positions().quantity(0));
        assertThat(candles.core().positions().totalRealizedPnl()).as("realized PnL")
            .isEqualTo(events.core().positions().totalRealizedPnl());
    }
}
