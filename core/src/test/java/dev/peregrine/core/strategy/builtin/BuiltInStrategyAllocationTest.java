package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategySpec;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot-path rule for both strategies, through the whole core: once warm, bars, signals, decisions and
 * orders allocate nothing. A price that swings every few bars keeps all four strategies crossing and
 * reverting, so the measured run places thousands of orders.
 */
class BuiltInStrategyAllocationTest
{
    private static final long SECOND = 1_000_000_000L;

    private static final class CountingOutputs extends OutputAdapter
    {
        long orders;
        long fills;

        @Override
        public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
            final long quantity, final long limitPrice, final long timeNanos)
        {
            orders++;
        }

        @Override
        public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
            final long price, final double fee, final long timeNanos)
        {
            fills++;
        }
    }

    private final InboundEvent event = new InboundEvent();
    private long time = 1_786_309_548_000_000_000L;
    private long sequence;

    private void feed(final TradingCore core, final int type)
    {
        event.type = type;
        event.instrumentId = type == EventType.CLOCK ? -1 : OneSecondBars.BTC;
        event.venueSequence = ++sequence;
        event.eventTimeNanos = time;
        event.exchangeTimeNanos = time;
        core.onEvent(event, sequence, true);
    }

    /** One 1-second bar closing at {@code close} (scaled): quote around it, a trade at it, the clock at the bar's end. */
    private void bar(final TradingCore core, final long close)
    {
        final long tick = FixedPoint.SCALE / 100;
        event.clearInputs();
        event.bidPrice = close - tick;
        event.askPrice = close + tick;
        event.bidQuantity = FixedPoint.SCALE;
        event.askQuantity = FixedPoint.SCALE;
        time += 1_000_000L;
        feed(core, EventType.QUOTE);
        event.clearInputs();
        event.price = close;
        event.quantity = FixedPoint.SCALE / 10;
        event.side = Side.NONE;
        time += 1_000_000L;
        feed(core, EventType.TRADE);
        event.clearInputs();
        time = Math.floorDiv(time, SECOND) * SECOND + SECOND;
        feed(core, EventType.CLOCK);
    }

    private void run(final TradingCore core, final int bars, final int from)
    {
        for (int i = from; i < from + bars; i++)
        {
            // A swing of +/- 3% with a period of 24 bars and a faster ripple: crosses and band breaks.
            final double price = 100.0 * (1.0 + 0.03 * Math.sin(i * Math.PI / 12) + 0.01 * Math.sin(i * 1.7));
            bar(core, Math.round(price * 100) * (FixedPoint.SCALE / 100));
        }
    }

    @Test
    void barsSignalsDecisionsAndOrdersAllocateNothingOnceWarm()
    {
        final List<StrategySpec> specs = List.of(
            StrategySpec.parse("trend-following:bar=1s,fast=3,slow=8", "ema"),
            StrategySpec.parse("trend-following:bar=1s,signal=macd,fast=3,slow=8,signal-period=3,allow-short=true", "macd"),
            StrategySpec.parse("mean-reversion:bar=1s,rsi-period=5,bb-period=10,bb-k=1.5,allow-short=true", "revert"),
            StrategySpec.parse("mean-reversion:bar=1s,rsi-period=5,bb-period=10,bb-k=1.5,order=limit", "revert-limit"));
        final CountingOutputs outputs = new CountingOutputs();
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, OneSecondBars.settings(), outputs, new CoreMetrics(2), new TradingSwitch(),
            BuiltInStrategies.configure(specs, OneSecondBars.PRODUCTS, OneSecondBars.ORDER_QUANTITY));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        run(core, 50_000, 0); // warm up: JIT, escape analysis
        final long ordersBefore = outputs.orders;
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(core, 100_000, 50_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(outputs.orders - ordersBefore).as("orders in the measured run").isGreaterThan(5_000);
        assertThat(core.strategies().disabledCount()).isZero();
        assertThat(allocated).as("bytes allocated by 100,000 bars of four strategies").isLessThan(64 * 1024);
    }
}
