package dev.peregrine.core.snapshot;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.strategy.config.StrategySpec;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proof a snapshot is the state: a core restored from a snapshot taken mid-run and fed the rest of
 * the events ends with the same output digest, state hash and counters as a core that saw every event,
 * for each built-in strategy, with orders open and positions held at the snapshot point.
 */
class StateSnapshotTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final long[] QUANTITY = {FixedPoint.parse("0.01"), FixedPoint.parse("0.1")};
    private static final long SECOND = 1_000_000_000L;

    private static EngineSettings settings()
    {
        final long one = FixedPoint.parse("1");
        return EngineSettings.builder(PRODUCTS).windows(3, 8).orderQuantity(QUANTITY.clone()).limits(new long[]{one, one * 10}, new long[]{one, one * 10}).paperVenue(PaperVenueSettings.DEFAULT).build();
    }

    /** A core, its digest and its metrics: the parts a snapshot covers. */
    private static final class Engine
    {
        final OutputDigest digest = new OutputDigest();
        final CoreMetrics metrics = new CoreMetrics(PRODUCTS.size());
        final TradingCore core;

        Engine(final String spec)
        {
            final EngineSettings settings = settings();
            core = spec.isEmpty() ? CoreAssembly.build(TestProducts.CATALOG, settings, digest, metrics, new TradingSwitch()) :
                CoreAssembly.build(TestProducts.CATALOG, settings, digest, metrics, new TradingSwitch(), strategies(spec));
        }

        Object[] roots()
        {
            return new Object[]{core, digest};
        }
    }

    private static List<NamedStrategy> strategies(final String spec)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        int n = 0;
        for (final String one : spec.split(";"))
        {
            specs.add(StrategySpec.parse(one, "s" + n++));
        }
        return BuiltInStrategies.configure(specs, PRODUCTS, QUANTITY);
    }

    /** Quotes, trades and clock ticks on two products, a swing that makes every strategy trade both ways. */
    private static List<InboundEvent> market(final int bars)
    {
        final List<InboundEvent> events = new ArrayList<>();
        long time = 1_786_309_548_000_000_000L;
        long sequence = 0;
        for (int i = 0; i < bars; i++)
        {
            for (int instrument = 0; instrument < 2; instrument++)
            {
                final double base = instrument == 0 ? 100.0 : 20.0;
                final double price = base * (1.0 + 0.03 * Math.sin(i * Math.PI / 12) + 0.01 * Math.sin(i * 1.7 + instrument));
                final long close = Math.round(price * 100) * (FixedPoint.SCALE / 100);
                final long tick = FixedPoint.SCALE / 100;
                final InboundEvent quote = new InboundEvent();
                quote.type = EventType.QUOTE;
                quote.instrumentId = instrument;
                quote.bidPrice = close - tick;
                quote.askPrice = close + tick;
                quote.bidQuantity = FixedPoint.SCALE;
                quote.askQuantity = FixedPoint.SCALE;
                time += 1_000_000L;
                quote.eventTimeNanos = time;
                quote.exchangeTimeNanos = time;
                quote.venueSequence = ++sequence;
                events.add(quote);
                time += 1_000_000L;
                book(events, instrument, close, tick, time);
                final InboundEvent trade = new InboundEvent();
                trade.type = EventType.TRADE;
                trade.instrumentId = instrument;
                trade.price = i % 3 == 0 ? close - tick : close + tick;
                trade.quantity = FixedPoint.SCALE / 10;
                trade.side = i % 2 == 0 ? Side.BUY : Side.SELL;
                time += 1_000_000L;
                trade.eventTimeNanos = time;
                trade.exchangeTimeNanos = time;
                trade.venueSequence = ++sequence;
                events.add(trade);
            }
            final InboundEvent clock = new InboundEvent();
            clock.type = EventType.CLOCK;
            clock.instrumentId = -1;
            time = Math.floorDiv(time, SECOND) * SECOND + SECOND;
            clock.eventTimeNanos = time;
            events.add(clock);
        }
        return events;
    }

    /** A two-level book snapshot around {@code close}: what the market maker quotes from. */
    private static void book(final List<InboundEvent> events, final int instrument, final long close, final long tick,
        final long time)
    {
        final long[][] levels = {
            {Side.BUY, close - tick}, {Side.BUY, close - 3 * tick}, {Side.SELL, close + tick}, {Side.SELL, close + 3 * tick}};
        for (int i = 0; i < levels.length; i++)
        {
            final InboundEvent level = new InboundEvent();
            level.type = EventType.BOOK_LEVEL;
            level.instrumentId = instrument;
            level.side = (int)levels[i][0];
            level.price = levels[i][1];
            level.quantity = FixedPoint.SCALE * (i % 2 + 1);
            level.flags = i == 0 ? BookFlags.SNAPSHOT_BEGIN :
                i == levels.length - 1 ? BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE : 0;
            level.eventTimeNanos = time;
            level.exchangeTimeNanos = time;
            events.add(level);
        }
    }

    private static void feed(final TradingCore core, final List<InboundEvent> events, final int from, final int to)
    {
        final InboundEvent slot = new InboundEvent();
        for (int i = from; i < to; i++)
        {
            slot.copyInputsFrom(events.get(i));
            core.onEvent(slot, i, true);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.peregrine.core.testing.StrategyMixes#everyBuiltIn")
    void aCoreRestoredMidRunEndsAsTheOneThatSawEveryEvent(final String spec)
    {
        final List<InboundEvent> events = market(3_000);
        final Engine full = new Engine(spec);
        feed(full.core, events, 0, events.size());

        final Engine before = new Engine(spec);
        final int cut = events.size() / 2 + 1;
        feed(before.core, events, 0, cut);
        final long hashAtCut = before.core.stateHash();
        final StateWriter writer = new StateWriter();
        final int length = writer.write(before.roots());
        final byte[] bytes = new byte[length];
        writer.buffer().getBytes(0, bytes);

        final Engine after = new Engine(spec);
        StateReader.read(new UnsafeBuffer(bytes), 0, length, after.roots());
        assertThat(after.core.stateHash()).as("state hash right after the restore").isEqualTo(hashAtCut);
        assertThat(after.digest.value()).isEqualTo(before.digest.value());
        feed(after.core, events, cut, events.size());

        assertThat(full.metrics.orders.get()).as("orders").isGreaterThan(20);
        assertThat(after.core.stateHash()).as("state hash").isEqualTo(full.core.stateHash());
        assertThat(after.digest.hex()).as("output digest").isEqualTo(full.digest.hex());
        assertThat(after.digest.outputCount()).isEqualTo(full.digest.outputCount());
        assertThat(after.core.eventsProcessed()).isEqualTo(events.size());
        assertThat(after.metrics.orders.get()).isEqualTo(full.metrics.orders.get());
        assertThat(after.metrics.fills.get()).isEqualTo(full.metrics.fills.get());
        assertThat(after.metrics.totalRejects()).isEqualTo(full.metrics.totalRejects());
        assertThat(after.core.positions().totalRealizedPnl()).isEqualTo(full.core.positions().totalRealizedPnl());
    }

    @Test
    void theCutFallsWithOrdersOpenAndPositionsHeld()
    {
        final List<InboundEvent> events = market(3_000);
        final Engine before = new Engine("market-maker:spread-bps=20,quantity=0.01;trend-following:bar=1s,fast=3,slow=8");
        feed(before.core, events, 0, events.size() / 2 + 1);
        assertThat(before.core.execution().orders().openCount()).as("open orders at the cut").isGreaterThan(0);
        assertThat(before.core.positions().quantity(0)).as("BTC position at the cut").isNotZero();
    }

    /** Counts trades and throws on the 100th: the runner disables it and keeps the failure. */
    private static final class FailsOnTheHundredthTrade implements Strategy
    {
        private long trades;

        @Override
        public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
        {
            if (++trades == 100)
            {
                throw new ArithmeticException("the hundredth trade");
            }
        }

        @Override
        public long hash(final long seed)
        {
            return dev.peregrine.core.output.Hash64.mix(seed, trades);
        }
    }

    @Test
    void aDisabledStrategyStaysDisabledWithTheFailureItPrinted()
    {
        final List<InboundEvent> events = market(200);
        final List<NamedStrategy> failing = List.of(new NamedStrategy("failing", "custom", context -> new FailsOnTheHundredthTrade()));
        final TradingCore before = CoreAssembly.build(TestProducts.CATALOG, settings(), new OutputDigest(), new CoreMetrics(2), new TradingSwitch(), failing);
        feed(before, events, 0, events.size());
        assertThat(before.strategies().disabledCount()).isEqualTo(1);
        final StateWriter writer = new StateWriter();
        final int length = writer.write(before);

        final TradingCore after = CoreAssembly.build(TestProducts.CATALOG, settings(), new OutputDigest(), new CoreMetrics(2), new TradingSwitch(), failing);
        StateReader.read(writer.buffer(), 0, length, after);

        assertThat(after.strategies().disabledCount()).isEqualTo(1);
        assertThat(after.strategies().get(0).failure()).isInstanceOf(RestoredFailure.class)
            .hasToString(before.strategies().get(0).failure().toString());
        assertThat(after.stateHash()).isEqualTo(before.stateHash());
    }

    @Test
    void aSnapshotOfOtherSettingsIsRefusedNamingTheField()
    {
        final Engine before = new Engine("trend-following:bar=1s,fast=3,slow=8");
        feed(before.core, market(100), 0, 300);
        final StateWriter writer = new StateWriter();
        final int length = writer.write(before.roots());
        final Engine other = new Engine("trend-following:bar=1s,fast=4,slow=8");
        assertThatThrownBy(() -> StateReader.read(writer.buffer(), 0, length, other.roots()))
            .isInstanceOf(SnapshotMismatchException.class).hasMessageContaining("other settings");
    }

    @Test
    void aCutShortStateIsRefused()
    {
        final Engine before = new Engine("");
        feed(before.core, market(100), 0, 300);
        final StateWriter writer = new StateWriter();
        final int length = writer.write(before.roots());
        assertThatThrownBy(() -> StateReader.read(writer.buffer(), 0, length - 9, new Engine("").roots()))
            .isInstanceOf(SnapshotMismatchException.class);
    }
}
