package dev.peregrine.core.strategy;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizes on the lot, always: through the real core, what a strategy asks for is capped by the risk limits
 * and rounded down to the venue's lot before risk sees it, on every submit path; what rounds to nothing
 * is not sent; the engine's order notional converts at the current price; and a strategy refused for
 * the same reason again and again is counted.
 */
class OrderSizingTest
{
    /** BTCUSDT: lot 0.00001. ETHUSDT: lot 0.0001 (Binance's lot sizes, from the catalog). */
    private static final int BTC = 0;
    private static final int ETH = 1;

    /** Runs {@code action} on each quote, with the context; records the ids its calls returned. */
    private static final class Scripted implements Strategy
    {
        final StrategyContext context;
        final List<Long> returned = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        Consumer<Scripted> action = s -> { };

        Scripted(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            action.accept(this);
        }

        @Override
        public void onOrderRejected(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
        {
            rejects.add("#" + orderId + " " + reason);
        }

        @Override
        public long hash(final long seed)
        {
            return seed;
        }
    }

    private final Scripted[] built = new Scripted[1];

    /** Max order 2 and max position 3 in both products; {@code perSecond} orders a second (0: no limit). */
    private CoreHarness harness(final double notional, final int perSecond)
    {
        final long two = FixedPoint.parse("2");
        final long three = FixedPoint.parse("3");
        final RiskLimits risk = new RiskLimits(new long[]{two, two}, new double[2], new long[]{three, three}, new double[2],
            0, 0, 0, perSecond, 0, 0, 0, ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF);
        final List<String> products = List.of("BTCUSDT", "ETHUSDT");
        final EngineSettings settings = EngineSettings.builder(products).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("0.01"), FixedPoint.parse("0.5")}).risk(risk).exits(ExitRules.none(2)).paperVenue(PaperVenueSettings.FRICTIONLESS).venueTimeoutNanos(EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS).build().withOrderNotional(notional);
        return new CoreHarness(settings, context ->
        {
            built[0] = new Scripted(context);
            return built[0];
        });
    }

    /** An operator command, as the admin API journals it. */
    private static void command(final CoreHarness h, final int code)
    {
        final InboundEvent event = h.events.clock();
        event.type = EventType.COMMAND;
        event.flags = code;
        h.feed(event);
    }

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    @Test
    void everySubmitPathRoundsDownToTheLotBeforeRisk()
    {
        final CoreHarness h = harness(0, 0);
        built[0].action = s ->
        {
            s.returned.add(s.context.submitMarketOrder(BTC, Side.BUY, q("0.12345678")));
            s.returned.add(s.context.submitLimitOrder(ETH, Side.BUY, q("0.45678"), q("1900")));
            s.returned.add(s.context.submitLimitIocOrder(ETH, Side.SELL, q("0.00019"), q("2100")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));

        assertThat(built[0].rejects).isEmpty();
        assertThat(built[0].returned).containsExactly(1L, 2L, 3L);
        assertThat(h.outputs.lines()).containsSubsequence(
            "ORDER #1 i0 BUY 0.12345",
            "ORDER #2 i1 BUY 0.4567 LIMIT @ 1900",
            "ORDER #3 i1 SELL 0.0001 LIMIT_IOC @ 2100");
        assertThat(built[0].rejects).isEmpty();
        assertThat(h.metrics.rejects[RejectReason.INVALID_QUANTITY.ordinal()].get()).isZero();

        // Cancel-replace: the new quantity goes on the lot too.
        built[0].action = s ->
        {
            s.returned.add(s.context.replaceOrder(2, q("0.33339"), q("1899")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(ETH, "1899", "5", "1901", "5"));
        assertThat(built[0].returned).endsWith(4L);
        assertThat(h.core.execution().orders().get(4).quantity()).isEqualTo(q("0.3333"));
    }

    @Test
    void aQuantityThatRoundsToNothingIsNotSentAndIsNoReject()
    {
        final CoreHarness h = harness(0, 0);
        built[0].action = s ->
        {
            s.context.decision().signal("dust");
            s.returned.add(s.context.submitMarketOrder(BTC, Side.BUY, q("0.000009")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));

        assertThat(built[0].returned).containsExactly(0L);
        assertThat(h.outputs.lines()).isEmpty();
        assertThat(built[0].rejects).isEmpty();
        assertThat(built[0].context.decision().signal()).as("the explanation is not left for a later order")
            .isEqualTo("unexplained");
        assertThat(h.core.strategies().get(0).repeatedRejects().longest()).isZero();
    }

    @Test
    void noOrderLargerThanTheRiskLimitsIsProposed()
    {
        final CoreHarness h = harness(0, 0);
        built[0].action = s ->
        {
            // Max order 2: 5 is cut to 2. It rests, so the next buy has 3 - 2 = 1 of room under max position 3.
            s.returned.add(s.context.submitLimitOrder(BTC, Side.BUY, q("5"), q("59000")));
            s.returned.add(s.context.submitLimitOrder(BTC, Side.BUY, q("2"), q("59000")));
            // Now nothing is left to buy: not sent. A sell of 5 is cut to the max order (2) only.
            s.returned.add(s.context.submitLimitOrder(BTC, Side.BUY, q("1"), q("59000")));
            s.returned.add(s.context.submitLimitOrder(BTC, Side.SELL, q("5"), q("61000")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));

        assertThat(built[0].returned).containsExactly(1L, 2L, 0L, 3L);
        assertThat(h.outputs.lines()).containsSubsequence(
            "ORDER #1 i0 BUY 2 LIMIT @ 59000", "ORDER #2 i0 BUY 1 LIMIT @ 59000", "ORDER #3 i0 SELL 2 LIMIT @ 61000");
        assertThat(built[0].rejects).isEmpty();
    }

    @Test
    void theOrderNotionalConvertsAtTheLastTradeElseTheMid()
    {
        final CoreHarness h = harness(1000, 0);
        final StrategyContext context = built[0].context;
        assertThat(context.defaultOrderQuantity(BTC)).as("no price yet: the configured quantity").isEqualTo(q("0.01"));

        h.feed(h.events.quote(ETH, "2000", "5", "2002", "5"));
        // 1000 / 2001 = 0.49975..., down to ETH's lot of 0.0001.
        assertThat(context.defaultOrderQuantity(ETH)).isEqualTo(q("0.4997"));

        h.feed(h.events.quote(BTC, "79990", "5", "80010", "5"));
        h.feed(h.events.trade(BTC, "80000", "0.1", Side.BUY));
        // 1000 / 80000 = 0.0125 at the trade; a later trade at 89,000 gives 0.01123595... -> 0.01123.
        assertThat(context.defaultOrderQuantity(BTC)).isEqualTo(q("0.0125"));
        h.feed(h.events.trade(BTC, "89000", "0.1", Side.BUY));
        assertThat(context.defaultOrderQuantity(BTC)).isEqualTo(q("0.01123"));
    }

    @Test
    void theOrderNotionalIsInTheJournalHeaderSoReplaySizesAlike()
    {
        final EngineSettings settings = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000);
        final EngineSettings decoded = EngineSettings.decode(settings.encode());
        assertThat(decoded.orderNotional()).isEqualTo(1000.0);
        assertThat(decoded.minHoldNanos()).isEqualTo(MovingAverageCrossover.DEFAULT_MIN_HOLD_NANOS);
        assertThat(decoded.encode()).isEqualTo(settings.encode());

        final EngineSettings fixed = EngineSettings.builder(List.of("BTC-USD")).windows(2, 3).orderQuantity(new long[]{1}).limits(new long[]{1}, new long[]{1}).build();
        assertThat(fixed.encode()).as("fixed-size settings keep their old header").doesNotContain("orderNotional", "minHold");
        assertThat(EngineSettings.decode(fixed.encode()).orderNotional()).isZero();
    }

    @Test
    void aReplacementTheOrderRateWouldRefuseLeavesTheQuoteWorking()
    {
        final CoreHarness h = harness(0, 1);
        built[0].action = s ->
        {
            s.returned.add(s.context.submitLimitOrder(BTC, Side.BUY, q("1"), q("59000")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));
        built[0].action = s ->
        {
            s.returned.add(s.context.replaceOrder(1, q("1"), q("59500")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60100", "5", "60101", "5"));

        assertThat(built[0].returned).containsExactly(1L, -1L);
        assertThat(h.core.execution().orders().get(1).state()).isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(h.outputs.lines()).noneMatch(line -> line.startsWith("CANCEL") || line.startsWith("REJECT"));

        // A second later the limit has room again and the replacement goes through.
        h.advanceMillis(1001);
        built[0].action = s ->
        {
            s.returned.add(s.context.replaceOrder(1, q("1"), q("59500")));
            s.action = x -> { };
        };
        h.feed(h.events.quote(BTC, "60100", "5", "60101", "5"));
        assertThat(built[0].returned).containsExactly(1L, -1L, 2L);
    }

    @Test
    void aRunOfRejectionsForOneReasonIsCountedUntilAnOrderWorks()
    {
        final CoreHarness h = harness(0, 0);
        final RepeatedRejects runs = h.core.strategies().get(0).repeatedRejects();
        built[0].action = s -> s.context.submitLimitOrder(BTC, Side.BUY, q("0.1"), q("59000.005")); // off the tick
        for (int i = 0; i < RepeatedRejects.THRESHOLD - 1; i++)
        {
            h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));
        }
        assertThat(runs.current()).isEqualTo(RepeatedRejects.THRESHOLD - 1);
        assertThat(runs.repeating()).isFalse();
        assertThat(runs.describe("s1")).as("below the threshold: no summary line").isNull();
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));
        assertThat(runs.repeating()).isTrue();
        assertThat(runs.currentReason()).isEqualTo(RejectReason.INVALID_PRICE);
        assertThat(runs.describe("s1")).isEqualTo("strategy 's1': 20 orders in a row rejected for INVALID_PRICE (still going at the end)");

        // Another reason starts a new run; the longest is remembered.
        built[0].action = s -> s.context.submitLimitOrder(BTC, Side.BUY, q("0.1"), q("59000"));
        command(h, CommandCode.PAUSE);
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));
        assertThat(runs.current()).isEqualTo(1);
        assertThat(runs.currentReason()).isEqualTo(RejectReason.TRADING_HALTED);
        assertThat(runs.longest()).isEqualTo(RepeatedRejects.THRESHOLD);
        assertThat(runs.longestReason()).isEqualTo(RejectReason.INVALID_PRICE);
        assertThat(runs.describe("s1")).isEqualTo("strategy 's1': 20 orders in a row rejected for INVALID_PRICE");

        // An order the venue accepts ends the run.
        command(h, CommandCode.RESUME);
        h.feed(h.events.quote(BTC, "60000", "5", "60001", "5"));
        assertThat(runs.current()).isZero();
        assertThat(runs.currentReason()).isNull();
        assertThat(runs.longest()).isEqualTo(RepeatedRejects.THRESHOLD);
    }
}
