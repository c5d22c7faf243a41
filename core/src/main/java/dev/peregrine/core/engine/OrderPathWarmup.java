package dev.peregrine.core.engine;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.risk.RejectReason;

import java.util.List;
import java.util.Locale;

/**
 * Runs the order path of a live engine (risk chain, execution, the venue's acknowledgements, fills and
 * cancellations, positions) through a scratch core before the engine starts, so that the JIT has compiled it
 * when the first real order comes.
 *
 * <p>Why: a live engine places a handful of orders a minute, so the code each order runs through is called far
 * too rarely to be compiled (the market-data path, thousands of events a second, is); it stays interpreted, and
 * each real order pays tens of microseconds in risk and execution that a compiled path does in one or two. A
 * warm-up is the usual answer: the same classes, fed synthetic orders, on a core that is thrown away.
 *
 * <p>What it cannot touch: the scratch core is built by {@link CoreAssembly} from the same settings (so the same
 * risk limits, products and rules take the same branches) in live mode with no strategies, its outputs go
 * nowhere, and it has its own metrics and trading switch. Nothing is journaled, nothing reaches the outbound
 * stage or a venue, and the real core is not built yet or not touched: the core library has no mutable static
 * state. Its market is synthetic: a quote and a trade a second per product around a price chosen to fit the
 * limits, each order at the touch, then answered as a venue would (accepted, then filled, or every fourth one
 * cancelled), the fills buying and selling in turn so that positions come back flat.
 */
public final class OrderPathWarmup
{
    /** Orders a warm-up places by default: over the C2 compiler's invocation thresholds for every method on the path. */
    public static final int DEFAULT_ORDERS = 10_000;

    private static final long SECOND = 1_000_000_000L;

    private final TradingCore core;
    private final ExecutionEngine execution;
    private final InboundEvent slot = new InboundEvent();
    private final Refusals refusals = new Refusals();
    private long timeNanos;
    private long sequence;
    private long fillNumber;
    /** Per product: the smallest order, its price, and one tick (the quote's width). */
    private final long[] quantity;
    private final long[] price;
    private final long[] ticks;

    private OrderPathWarmup(final ProductCatalog catalog, final EngineSettings settings, final long startNanos)
    {
        core = CoreAssembly.build(catalog, settings.withLiveVenue(true), refusals, new CoreMetrics(settings.products().size()),
            new TradingSwitch(), List.of());
        execution = core.execution();
        timeNanos = startNanos;
        final int products = core.instruments().size();
        quantity = new long[products];
        price = new long[products];
        ticks = new long[products];
        for (int i = 0; i < products; i++)
        {
            quantity[i] = orderQuantity(core.rules(), settings, i);
            price[i] = orderPrice(core.rules(), settings, i, quantity[i]);
            ticks[i] = Math.max(1, core.rules().priceIncrement(i));
        }
    }

    /**
     * Warms the order path for {@code settings} on {@code catalog}'s products with {@code orders} synthetic orders,
     * at event times from {@code startNanos} (the wall clock, so a trading window sees the hours the engine will
     * trade in), one second apart per product.
     */
    public static Result run(final ProductCatalog catalog, final EngineSettings settings, final int orders, final long startNanos)
    {
        if (orders < 0)
        {
            throw new IllegalArgumentException("orders must be >= 0, was " + orders);
        }
        final long began = System.nanoTime();
        final OrderPathWarmup warmup = new OrderPathWarmup(catalog, settings, startNanos);
        final int products = warmup.core.instruments().size();
        int placed = 0;
        int answered = 0;
        final int[] fills = new int[products];
        for (int n = 0; n < orders; n++)
        {
            final int instrument = n % products;
            if (instrument == 0)
            {
                warmup.timeNanos += SECOND;
            }
            // Every fourth order is cancelled; the others fill, buying and selling in turn, so positions come back flat.
            final boolean cancel = (n / products) % 4 == 3;
            final int side = fills[instrument] % 2 == 0 ? Side.BUY : Side.SELL;
            final long id = warmup.order(instrument, side, warmup.quantity[instrument], warmup.price[instrument], cancel);
            if (id > 0)
            {
                placed++;
                fills[instrument] += cancel ? 0 : 1;
                final dev.peregrine.core.order.Order placedOrder = warmup.execution.orders().get(id);
                answered += placedOrder == null || !placedOrder.state().isOpen() ? 1 : 0;
            }
        }
        return new Result(orders, placed, answered, warmup.refusals.count, warmup.refusals.first,
            warmup.core.positions().quantity(0), System.nanoTime() - began);
    }

    /** One order: the market moves (quote, trade), the order is placed at the touch, and the venue answers it. */
    private long order(final int instrument, final int side, final long quantity, final long price, final boolean cancel)
    {
        final long t = timeNanos + instrument * 1_000_000L;
        begin(EventType.QUOTE, instrument, t);
        slot.bidPrice = price;
        slot.bidQuantity = quantity * 1_000;
        slot.askPrice = price + ticks[instrument];
        slot.askQuantity = quantity * 1_000;
        feed();
        begin(EventType.TRADE, instrument, t);
        slot.price = price;
        slot.quantity = quantity;
        slot.side = side;
        slot.tradeId = sequence;
        feed();

        // As a strategy does: inside an event, after the core has begun it.
        begin(EventType.CLOCK, -1, t);
        execution.beginEvent(slot);
        final long id = cancel ? execution.submitLimitOrder(instrument, side, quantity, price)
            : (sequence & 2) == 0 ? execution.submitMarketOrder(instrument, side, quantity)
            : execution.submitLimitOrder(instrument, side, quantity, price);
        feed();
        if (id <= 0)
        {
            return id;
        }
        report(EventType.VENUE_ACCEPTED, id, 0, 0, t);
        if (cancel)
        {
            begin(EventType.CLOCK, -1, t);
            execution.beginEvent(slot);
            execution.cancelOrder(id);
            feed();
            report(EventType.VENUE_CANCELLED, id, 0, 0, t);
        }
        else
        {
            report(EventType.VENUE_FILL, id, quantity, price, t);
        }
        return id;
    }

    private void report(final int type, final long orderId, final long quantity, final long price, final long t)
    {
        begin(type, -1, t);
        slot.orderId = orderId;
        slot.tradeId = type == EventType.VENUE_FILL ? ++fillNumber : 0;
        slot.quantity = quantity;
        slot.price = price;
        slot.flags = type == EventType.VENUE_FILL ? 1 : 0;
        feed();
    }

    private void begin(final int type, final int instrument, final long t)
    {
        slot.clearInputs();
        slot.type = type;
        slot.instrumentId = instrument;
        slot.exchangeTimeNanos = t;
        slot.eventTimeNanos = t;
        slot.venueSequence = ++sequence;
    }

    private void feed()
    {
        core.onEvent(slot, sequence, true);
    }

    /** The smallest quantity the product takes, within the order limit when one is set. */
    static long orderQuantity(final InstrumentRules rules, final EngineSettings settings, final int instrument)
    {
        final long increment = Math.max(1, rules.sizeIncrement(instrument));
        final long min = Math.max(rules.minSize(instrument), increment);
        return (min + increment - 1) / increment * increment;
    }

    /**
     * A price of 10,000 ticks, lowered (in whole ticks) until one order stays within the order-notional limit when
     * one is set; the touch and the trade are both at it, so the price band never refuses it.
     */
    static long orderPrice(final InstrumentRules rules, final EngineSettings settings, final int instrument, final long quantity)
    {
        final long tick = Math.max(1, rules.priceIncrement(instrument));
        long price = tick * 10_000;
        final double limit = settings.risk().maxOrderNotional[instrument];
        final double qty = FixedPoint.toDouble(quantity);
        while (limit > 0 && price > tick && qty * FixedPoint.toDouble(price) > limit / 2)
        {
            price = Math.max(tick, price / 2 / tick * tick);
        }
        return price;
    }

    /** Counts the scratch core's refusals, and keeps the first reason to say why. */
    private static final class Refusals extends OutputAdapter
    {
        private int count;
        private RejectReason first;

        @Override
        public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
            final RejectReason reason, final long timeNanos)
        {
            count++;
            if (first == null)
            {
                first = reason;
            }
        }
    }

    /**
     * What a warm-up did.
     *
     * @param orders    orders asked for
     * @param placed    orders that passed risk and were handed to the (absent) venue
     * @param answered  of those, orders the synthetic venue filled or cancelled (closed in the core)
     * @param refused   orders refused (by risk or the order store), with the first reason
     * @param position  the scratch core's position in its first product at the end (flat when all went through)
     */
    public record Result(int orders, int placed, int answered, int refused, RejectReason firstRefusal, long position,
        long elapsedNanos)
    {
        /** The startup line. */
        public String describe()
        {
            return String.format(Locale.ROOT, "order path warm-up: %,d synthetic orders through risk and execution in %.1f s"
                    + " (%,d placed and answered, %,d refused%s), on a scratch core: nothing journaled or sent",
                orders, elapsedNanos / 1e9, answered, refused, firstRefusal == null ? "" : ", first: " + firstRefusal);
        }
    }
}
