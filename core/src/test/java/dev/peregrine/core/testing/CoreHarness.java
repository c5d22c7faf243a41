package dev.peregrine.core.testing;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.config.NamedStrategy;

import java.util.List;

/** A core wired to a recorder, driven one event at a time, as the ring would drive it. */
public final class CoreHarness
{
    public final RecordingOutputs outputs = new RecordingOutputs();
    public final TradingSwitch tradingSwitch = new TradingSwitch();
    public final CoreMetrics metrics;
    public final TradingCore core;
    public final TestEvents events = new TestEvents();

    public CoreHarness(final EngineSettings settings)
    {
        metrics = new CoreMetrics(settings.products().size());
        core = CoreAssembly.build(TestProducts.CATALOG, settings, outputs, metrics, tradingSwitch);
    }

    /** A core running the strategy {@code strategies} builds instead of the configured crossover. */
    public CoreHarness(final EngineSettings settings, final StrategyFactory strategies)
    {
        metrics = new CoreMetrics(settings.products().size());
        core = CoreAssembly.build(TestProducts.CATALOG, settings, outputs, metrics, tradingSwitch, strategies);
    }

    /** A core running {@code strategies} (e.g. from {@code BuiltInStrategies.configure}), with ids 1, 2, ... in list order. */
    public CoreHarness(final EngineSettings settings, final List<NamedStrategy> strategies)
    {
        metrics = new CoreMetrics(settings.products().size());
        core = CoreAssembly.build(TestProducts.CATALOG, settings, outputs, metrics, tradingSwitch, strategies);
    }

    /**
     * BTC-USD and ETH-USD with windows 2/3 and the given quantities (decimal text, same for both).
     */
    public static CoreHarness btcEth(final String orderQty, final String maxOrderQty, final String maxPosition)
    {
        final long order = FixedPoint.parse(orderQty);
        final long maxOrder = FixedPoint.parse(maxOrderQty);
        final long maxPos = FixedPoint.parse(maxPosition);
        return new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{maxOrder, maxOrder}, new long[]{maxPos, maxPos}).paperVenue(PaperVenueSettings.FRICTIONLESS).build());
    }

    /** The same, with the given paper-venue assumptions (latencies, fees). */
    public static CoreHarness btcEth(final PaperVenueSettings venue)
    {
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("100");
        return new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(venue).build());
    }

    public InboundEvent feed(final InboundEvent event)
    {
        core.onEvent(event, events.sequence(), true);
        return event;
    }

    /** Lets event time pass with a CLOCK event {@code millis} after the last event. */
    public void advanceMillis(final long millis)
    {
        final InboundEvent clock = events.clockAfterMillis(millis);
        feed(clock);
    }

    public void trades(final int instrumentId, final String... prices)
    {
        for (final String price : prices)
        {
            feed(events.trade(instrumentId, price, "0.1", dev.peregrine.core.event.Side.BUY));
        }
    }

    /**
     * A complete L2 snapshot in one venue message: each level is {@code "bid PRICE QTY"} or
     * {@code "ask PRICE QTY"}, e.g. {@code bookSnapshot(0, "bid 99.95 1", "ask 100.05 1")}.
     */
    public void bookSnapshot(final int instrumentId, final String... levels)
    {
        bookMessage(instrumentId, true, levels);
    }

    /** One venue message of book updates, levels as in {@link #bookSnapshot}; a quantity of 0 removes a level. */
    public void bookUpdate(final int instrumentId, final String... levels)
    {
        bookMessage(instrumentId, false, levels);
    }

    private void bookMessage(final int instrumentId, final boolean snapshot, final String... levels)
    {
        if (levels.length == 0)
        {
            throw new IllegalArgumentException("a book message needs at least one level");
        }
        for (int i = 0; i < levels.length; i++)
        {
            final String[] parts = levels[i].trim().split("\\s+");
            if (parts.length != 3 || !("bid".equals(parts[0]) || "ask".equals(parts[0])))
            {
                throw new IllegalArgumentException("book level '" + levels[i] + "' is not 'bid|ask PRICE QTY'");
            }
            final boolean last = i == levels.length - 1;
            int flags = last ? BookFlags.END_OF_MESSAGE : 0;
            if (snapshot && i == 0)
            {
                flags |= BookFlags.SNAPSHOT_BEGIN;
            }
            if (snapshot && last)
            {
                flags |= BookFlags.SNAPSHOT_END;
            }
            final int side = "bid".equals(parts[0]) ? Side.BUY : Side.SELL;
            feed(events.bookLevel(instrumentId, side, parts[1], parts[2], flags));
        }
    }
}
