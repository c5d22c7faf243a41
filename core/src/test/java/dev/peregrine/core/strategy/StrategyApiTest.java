package dev.peregrine.core.strategy;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.testing.RecordingOutputs;
import dev.peregrine.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy API through the real core: ids on orders, order events to their owner only (and after
 * the submitting callback for risk rejections), own positions, bars, timers, decision records, and a
 * failing strategy that costs only itself.
 */
class StrategyApiTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;

    /** Records its callbacks as text and runs a scripted action on a chosen callback. */
    private static final class Scripted implements Strategy
    {
        final StrategyContext context;
        final List<String> log = new ArrayList<>();
        BiConsumer<StrategyContext, String> action = (c, callback) -> { };

        Scripted(final StrategyContext context)
        {
            this.context = context;
        }

        private void on(final String callback)
        {
            log.add(callback);
            action.accept(context, callback);
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            on("quote i" + instrumentId);
        }

        @Override
        public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
        {
            on("trade i" + instrumentId + " " + FixedPoint.toString(price));
        }

        @Override
        public void onBar(final Bar bar)
        {
            on("bar i" + bar.instrumentId() + " o=" + FixedPoint.toString(bar.open()) + " h=" + FixedPoint.toString(bar.high()) +
                " l=" + FixedPoint.toString(bar.low()) + " c=" + FixedPoint.toString(bar.close()) + " n=" + bar.tradeCount());
        }

        @Override
        public void onTimer(final int timerId, final long timeNanos)
        {
            on("timer " + timerId);
        }

        @Override
        public void onOrderAccepted(final Order order, final long timeNanos)
        {
            on("accepted #" + order.orderId());
        }

        @Override
        public void onOrderPartiallyFilled(final Order order, final long quantity, final long price, final long timeNanos)
        {
            on("partial #" + order.orderId() + " " + FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price));
        }

        @Override
        public void onOrderFilled(final Order order, final long quantity, final long price, final long timeNanos)
        {
            on("filled #" + order.orderId() + " " + FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price));
        }

        @Override
        public void onOrderCancelled(final Order order, final long timeNanos)
        {
            on("cancelled #" + order.orderId());
        }

        @Override
        public void onOrderRejected(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
        {
            on("rejected #" + orderId + " " + reason);
        }

        @Override
        public long hash(final long seed)
        {
            return seed * 31 + log.size();
        }
    }

    /** Decision records as text, in order. */
    private static final class Decisions extends OutputAdapter
    {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onDecision(final DecisionRecord r)
        {
            final StringBuilder sb = new StringBuilder("s" + r.strategyId() + " #" + r.orderId() + " " + r.signal());
            for (int i = 0; i < r.valueCount(); i++)
            {
                sb.append(' ').append(r.valueName(i)).append('=').append(r.value(i));
            }
            sb.append(" book ").append(FixedPoint.toString(r.bidPrice())).append('/').append(FixedPoint.toString(r.askPrice()))
                .append(" pos ").append(FixedPoint.toString(r.position())).append(' ').append(r.outcome())
                .append(" passed ").append(r.checksPassed());
            lines.add(sb.toString());
        }
    }

    private final RecordingOutputs outputs = new RecordingOutputs();
    private final Decisions decisions = new Decisions();
    private final TestEvents events = new TestEvents();
    private final List<Scripted> strategies = new ArrayList<>();
    private CoreMetrics metrics;
    private TradingCore core;

    /** BTC and ETH, a frictionless paper venue, max order 2 and max position 10 per product. */
    private void start(final int strategyCount)
    {
        final long two = FixedPoint.parse("2");
        final long ten = FixedPoint.parse("10");
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("1"), FixedPoint.parse("1")}).limits(new long[]{two, two}, new long[]{ten, ten}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
        final List<NamedStrategy> named = new ArrayList<>();
        for (int i = 0; i < strategyCount; i++)
        {
            named.add(new NamedStrategy("s" + (i + 1), "scripted", context ->
            {
                final Scripted s = new Scripted(context);
                strategies.add(s);
                return s;
            }));
        }
        metrics = new CoreMetrics(2);
        core = CoreAssembly.build(TestProducts.CATALOG, settings, new OutputFanOut(outputs, decisions), metrics, new TradingSwitch(), named);
    }

    private void feed(final InboundEvent event)
    {
        core.onEvent(event, events.sequence(), true);
    }

    private Scripted strategy(final int id)
    {
        return strategies.get(id - 1);
    }

    @Test
    void ordersCarryTheirStrategysIdAndItsEventsGoToItAlone()
    {
        start(2);
        final long[] ids = new long[2];
        strategy(1).action = (c, callback) ->
        {
            if (callback.equals("quote i0") && ids[0] == 0)
            {
                ids[0] = c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("100.5"));
            }
        };
        strategy(2).action = (c, callback) ->
        {
            if (callback.equals("quote i0") && ids[1] == 0)
            {
                ids[1] = c.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("0.5"));
            }
        };
        feed(events.quote(BTC, "100", "5", "101", "5"));
        // A trade at our bid whose maker bought: it fills the resting order, 0.4 then the remaining 0.6.
        feed(events.trade(BTC, "100.5", "0.4", Side.BUY));
        feed(events.trade(BTC, "100.5", "0.6", Side.BUY));

        assertThat(core.execution().orders().get(ids[0]).strategyId()).isEqualTo(1);
        assertThat(core.execution().orders().get(ids[1]).strategyId()).isEqualTo(2);
        // The paper venue matches a trade before the strategies see it, as a venue fills before it prints.
        assertThat(strategy(1).log).containsExactly(
            "quote i0", "accepted #1",
            "partial #1 0.4 @ 100.5", "trade i0 100.5",
            "filled #1 0.6 @ 100.5", "trade i0 100.5");
        assertThat(strategy(2).log).containsExactly(
            "quote i0", "filled #2 0.5 @ 101",
            "trade i0 100.5",
            "trade i0 100.5");
        // Each strategy's own book; the engine's is the sum.
        assertThat(strategy(1).context.position(BTC)).isEqualTo(FixedPoint.parse("1"));
        assertThat(strategy(2).context.position(BTC)).isEqualTo(FixedPoint.parse("0.5"));
        assertThat(core.positions().quantity(BTC)).isEqualTo(FixedPoint.parse("1.5"));
        assertThat(strategy(1).context.averagePrice(BTC)).isEqualTo(100.5);
        assertThat(strategy(2).context.openOrderCount()).isZero();
    }

    @Test
    void aRiskRejectionIsToldAfterTheSubmittingCallbackWithItsReason()
    {
        start(1);
        strategy(1).action = (c, callback) ->
        {
            if (callback.equals("quote i0"))
            {
                // Off the 0.01 tick: sizing leaves prices alone, so risk refuses it.
                final long id = c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("100.005"));
                strategy(1).log.add("submit returned " + id);
            }
        };
        feed(events.quote(BTC, "100", "5", "101", "5"));
        assertThat(strategy(1).log).containsExactly("quote i0", "submit returned -1", "rejected #1 INVALID_PRICE");
        assertThat(outputs.lines()).containsExactly("REJECT #1 i0 BUY 1 INVALID_PRICE");
    }

    @Test
    void cancelAndReplaceWorkOnOwnOrdersOnlyAndKeepTheStrategyId()
    {
        start(2);
        final long[] id = new long[3];
        strategy(1).action = (c, callback) ->
        {
            if (callback.equals("quote i0") && id[0] == 0)
            {
                id[0] = c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("99"));
            }
            else if (callback.equals("quote i1"))
            {
                id[1] = c.replaceOrder(id[0], FixedPoint.parse("1"), FixedPoint.parse("99.5"));
            }
        };
        strategy(2).action = (c, callback) ->
        {
            if (callback.equals("quote i1"))
            {
                strategy(2).log.add("cancel other's: " + c.cancelOrder(id[0]));
            }
        };
        feed(events.quote(BTC, "100", "5", "101", "5"));
        feed(events.quote(ETH, "1900", "5", "1901", "5"));

        assertThat(id[1]).isEqualTo(2);
        assertThat(core.execution().orders().get(id[1]).strategyId()).isEqualTo(1);
        assertThat(core.execution().orders().get(id[0]).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(strategy(1).log).containsExactly("quote i0", "accepted #1", "quote i1", "cancelled #1", "accepted #2");
        assertThat(strategy(2).log).containsExactly("quote i0", "quote i1", "cancel other's: false");
        assertThat(strategy(1).context.openOrderCount()).isEqualTo(1);
        assertThat(strategy(1).context.openOrder(0).orderId()).isEqualTo(2);
        assertThat(strategy(1).context.openQuantity(BTC, Side.BUY)).isEqualTo(FixedPoint.parse("1"));
    }

    @Test
    void timersFireOnTheFirstEventAtOrAfterTheirTimeAndBarsCloseOnClockEvents()
    {
        final long second = 1_000_000_000L;
        final List<NamedStrategy> named = new ArrayList<>();
        start(0);
        // A strategy that subscribes to 1 s bars of BTC while it is built, and sets a timer on its first trade.
        final Scripted[] built = new Scripted[1];
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{1, 1}).limits(new long[]{1, 1}, new long[]{1, 1}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
        named.add(new NamedStrategy("bars", "scripted", context ->
        {
            context.subscribeTimeBars(BTC, second);
            built[0] = new Scripted(context);
            return built[0];
        }));
        core = CoreAssembly.build(TestProducts.CATALOG, settings, outputs, new CoreMetrics(2), new TradingSwitch(), named);
        built[0].action = (c, callback) ->
        {
            if (callback.startsWith("trade") && c.openOrderCount() == 0 && built[0].log.size() == 1)
            {
                c.scheduleTimer(7, c.timeNanos() + 1_500_000_000L);
            }
        };
        final long start = (events.timeNanos() / second + 1) * second; // the next whole second
        feed(events.clockAfterMillis((start - events.timeNanos()) / 1_000_000L));
        feed(events.trade(BTC, "100", "1", Side.BUY));
        feed(events.trade(BTC, "102", "1", Side.BUY));
        feed(events.trade(BTC, "99", "1", Side.BUY));
        feed(events.clockAfterMillis(1000));   // closes [start, start + 1 s); 1.5 s not yet
        feed(events.clockAfterMillis(600));    // the timer's time has passed: it fires on this event
        feed(events.clockAfterMillis(1000));   // an interval without trades: a flat bar

        assertThat(built[0].log).containsExactly(
            "trade i0 100", "trade i0 102", "trade i0 99",
            "bar i0 o=100 h=102 l=99 c=99 n=3",
            "timer 7",
            "bar i0 o=99 h=99 l=99 c=99 n=0");
    }

    @Test
    void aFailingStrategyIsDisabledAloneItsOrdersCancelledTheOthersKeepTrading()
    {
        start(2);
        final long[] resting = new long[2];
        strategy(1).action = (c, callback) ->
        {
            if (callback.equals("quote i0") && resting[0] == 0)
            {
                resting[0] = c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("99"));
            }
            if (callback.equals("quote i1"))
            {
                c.submitMarketOrder(ETH, Side.BUY, FixedPoint.parse("1"));
            }
        };
        strategy(2).action = (c, callback) ->
        {
            if (callback.equals("quote i0") && resting[1] == 0)
            {
                resting[1] = c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("98"));
            }
            if (callback.startsWith("trade"))
            {
                throw new IllegalStateException("bug in s2");
            }
        };
        feed(events.quote(BTC, "100", "5", "101", "5"));
        feed(events.trade(BTC, "100.5", "0.1", Side.SELL));
        feed(events.quote(ETH, "1900", "5", "1901", "5"));

        final StrategyRunner failed = core.strategies().get(1);
        assertThat(failed.enabled()).isFalse();
        assertThat(failed.failure()).hasMessage("bug in s2");
        assertThat(metrics.strategyFailures.get()).isEqualTo(1);
        assertThat(core.strategies().get(0).enabled()).isTrue();
        assertThat(core.execution().orders().get(resting[1]).state()).as("the failed strategy's order").isEqualTo(OrderState.CANCELLED);
        assertThat(core.execution().orders().get(resting[0]).state()).as("the other's order still works")
            .isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(strategy(1).log).as("the other strategy still trades").endsWith("quote i1", "filled #3 1 @ 1901");
        assertThat(strategy(2).log).as("nothing after the failure").containsExactly("quote i0", "accepted #2", "trade i0 100.5");
        assertThat(core.execution().commandInProgress()).isFalse();
    }

    @Test
    void everyOrderCarriesItsDecisionRecordAcceptedOrRejected()
    {
        start(1);
        strategy(1).action = (c, callback) ->
        {
            if (callback.equals("quote i0"))
            {
                c.decision().signal("test-signal").value("ema_fast", 101.25).value("ema_slow", 100.5);
                c.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("1"));
                c.decision().signal("off-tick").value("price", 100.005);
                c.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("100.005"));
                c.submitMarketOrder(BTC, Side.SELL, FixedPoint.parse("1")); // no explanation given
            }
        };
        feed(events.quote(BTC, "100", "5", "101", "5"));
        // The position is the one the decision saw: #1 fills only when the venue runs, after the callback.
        assertThat(decisions.lines).containsExactly(
            "s1 #1 test-signal ema_fast=101.25 ema_slow=100.5 book 100/101 pos 0 NONE passed 12",
            "s1 #2 off-tick price=100.005 book 100/101 pos 0 INVALID_PRICE passed 0",
            "s1 #3 unexplained book 100/101 pos 0 NONE passed 12");
        assertThat(core.execution().riskChain().checkName(0)).isEqualTo("product-rules");
    }

    @Test
    void aStrategySeesTheTradingStateAndTheVenuesMinimumSize()
    {
        start(1);
        final StrategyContext context = strategy(1).context;
        feed(events.quote(BTC, "100", "5", "101", "5"));
        assertThat(context.tradingState()).isEqualTo(TradingState.ACTIVE);
        assertThat(context.minSize(BTC)).isEqualTo(core.rules().minSize(BTC)).isPositive();
        final InboundEvent kill = events.clock();
        kill.type = EventType.COMMAND;
        kill.flags = CommandCode.KILL;
        feed(kill);
        assertThat(context.tradingState()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void twoStrategiesReplayToTheSameStateAndOutputs()
    {
        final List<String> first = runMixed();
        final long firstHash = core.stateHash();
        strategies.clear();
        outputs.clear();
        decisions.lines.clear();
        final List<String> second = runMixed();
        assertThat(second).isEqualTo(first).isNotEmpty();
        assertThat(core.stateHash()).isEqualTo(firstHash);
    }

    private List<String> runMixed()
    {
        final TestEvents fresh = new TestEvents();
        start(2);
        strategy(1).action = (c, callback) ->
        {
            if (callback.startsWith("trade"))
            {
                c.decision().signal("follow");
                c.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("0.1"));
            }
        };
        strategy(2).action = (c, callback) ->
        {
            if (callback.startsWith("trade"))
            {
                c.submitLimitOrder(BTC, Side.SELL, FixedPoint.parse("0.1"), FixedPoint.parse("102"));
            }
        };
        for (int i = 0; i < 20; i++)
        {
            final InboundEvent q = fresh.quote(BTC, "100", "5", "101", "5");
            core.onEvent(q, fresh.sequence(), true);
            final InboundEvent t = fresh.trade(BTC, i % 2 == 0 ? "100.5" : "102", "0.05", i % 2 == 0 ? Side.BUY : Side.SELL);
            core.onEvent(t, fresh.sequence(), true);
        }
        final List<String> all = new ArrayList<>(outputs.lines());
        all.addAll(decisions.lines);
        return all;
    }
}
