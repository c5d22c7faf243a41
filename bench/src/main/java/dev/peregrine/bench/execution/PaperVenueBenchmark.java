package dev.peregrine.bench.execution;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.risk.RiskLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The paper venue per inbound event, inside the real core and on its own. One operation = one event.
 *
 * <ul>
 *   <li>{@code core}: a real {@link TradingCore} (BTC-USD, ETH-USD; crossover 3/8; {@link PaperVenueSettings#DEFAULT}:
 *       20 ms order and cancel latency, 5 ms report latency, Coinbase entry-tier fees) fed the
 *       {@link OscillatingMarket} cycle (trades, L2 level updates on a synced 1,000-level book, quotes), one
 *       event per ms of event time, so the latencies elapse and orders, reports and fills happen every cycle.
 *       {@code orderStyle=market}: the crossover crosses with market orders that walk the book as takers;
 *       {@code limit}: it joins the touch with limit orders ({@code withPassiveOrders(true)}) that rest, queue
 *       and fill as makers when trades print through them. The figure is the whole core per event (market
 *       state, book, strategy, risk, execution and venue), the cost the venue lives inside.</li>
 *   <li>{@code venueOnly}: {@link VenueOnlyRig}: the same events applied only as far as the venue needs them
 *       (its market state and book, {@code advanceTo}, {@code onTrade}, {@code onMarketUpdate}), with a resting
 *       ladder of limit orders re-sent as they fill.</li>
 * </ul>
 *
 * <p>Risk in {@code core} is {@code RiskLimits.basic} (size and position only): the chain's own cost with every
 * limit on is {@link RiskChainBenchmark}'s, and loss limits here would trip within seconds of event time (the
 * crossover pays fees every cycle) and change the state being measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PaperVenueBenchmark
{
    static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    static final long[] ORDER_QUANTITY = {RiskScenario.qty("0.01"), RiskScenario.qty("0.1")};
    /** Cycles fed at setup: the strategy's windows fill and the order/fill pattern is periodic before timing. */
    static final int WARM_CYCLES = 8;

    @Param({"market", "limit"})
    public String orderStyle;

    CountingOutputs outputs;
    TradingCore core;
    VenueOnlyRig venueOnly;
    private InboundEvent[] cycle;
    private InboundEvent[] venueCycle;
    private int next;
    private int venueNext;
    private long clock;
    private long venueClock;
    private long sequence;

    public static OscillatingMarket market()
    {
        return new OscillatingMarket(
            new long[]{RiskScenario.px("0.01"), RiskScenario.px("0.01")},
            new long[]{RiskScenario.px("65000"), RiskScenario.px("1900")},
            new long[]{RiskScenario.qty("0.5"), RiskScenario.qty("5")});
    }

    @Setup
    public void setUp()
    {
        final OscillatingMarket source = market();
        final EngineSettings settings = EngineSettings.builder(PRODUCTS).windows(3, 8).orderQuantity(ORDER_QUANTITY).risk(RiskLimits.basic(new long[]{ORDER_QUANTITY[0] * 10, ORDER_QUANTITY[1] * 10}, new long[]{ORDER_QUANTITY[0] * 10, ORDER_QUANTITY[1] * 10})).paperVenue(PaperVenueSettings.DEFAULT).build().withPassiveOrders("limit".equals(orderStyle));
        outputs = new CountingOutputs();
        core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, outputs, new CoreMetrics(PRODUCTS.size()), new TradingSwitch());
        clock = OscillatingMarket.START_NANOS;
        sequence = 0;
        for (final InboundEvent e : source.snapshot())
        {
            feed(e);
        }
        cycle = source.cycle();
        next = 0;
        for (int i = 0; i < WARM_CYCLES * cycle.length; i++)
        {
            coreEvent();
        }

        venueClock = OscillatingMarket.START_NANOS;
        venueOnly = new VenueOnlyRig(source, ORDER_QUANTITY, venueClock);
        venueCycle = source.cycle();
        venueNext = 0;
        for (int i = 0; i < WARM_CYCLES * venueCycle.length; i++)
        {
            venueEvent();
        }
    }

    /** One event through the whole core. */
    @Benchmark
    public long core()
    {
        coreEvent();
        return core.eventsProcessed();
    }

    /** One event through the paper venue alone (and the market state it reads). */
    @Benchmark
    public int venueOnly()
    {
        venueEvent();
        return venueOnly.venue.restingCount();
    }

    void coreEvent()
    {
        final InboundEvent e = cycle[next];
        next = next + 1 == cycle.length ? 0 : next + 1;
        feed(e);
    }

    void venueEvent()
    {
        final InboundEvent e = venueCycle[venueNext];
        venueNext = venueNext + 1 == venueCycle.length ? 0 : venueNext + 1;
        venueClock += OscillatingMarket.EVENT_SPACING_NANOS;
        e.eventTimeNanos = venueClock;
        venueOnly.apply(e);
    }

    int cycleLength()
    {
        return cycle.length;
    }

    private void feed(final InboundEvent e)
    {
        clock += OscillatingMarket.EVENT_SPACING_NANOS;
        e.eventTimeNanos = clock;
        e.exchangeTimeNanos = clock - 500_000L;
        e.venueSequence = ++sequence;
        core.onEvent(e, sequence, true);
    }
}
