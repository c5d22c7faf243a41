package dev.peregrine.core.risk;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per check: it passes at the limit, rejects just past it, and says why. */
class RiskChecksTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    /** BTC and ETH with the given limits, frictionless venue, quotes BTC 100/101 and ETH 10/11. */
    private static CoreHarness harness(final RiskLimits limits)
    {
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{q("0.01"), q("0.01")}).risk(limits).paperVenue(PaperVenueSettings.FRICTIONLESS).build());
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        h.feed(h.events.quote(ETH, "10", "500", "11", "500"));
        return h;
    }

    private static RiskLimits limits(final double notional, final String maxPosition, final double band,
        final double exposure, final double loss, final double drawdown, final int perSecond, final int perMinute)
    {
        return new RiskLimits(new long[]{q("5"), q("5")}, new double[]{notional, notional},
            new long[]{q(maxPosition), q(maxPosition)}, new double[]{band, band}, exposure, loss, drawdown,
            perSecond, perMinute, 0, 0, ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF);
    }

    private static RiskLimits open()
    {
        return limits(0, "100", 0, 0, 0, 0, 0, 0);
    }

    private static OrderRequest request(final CoreHarness h, final int instrument, final int side, final OrderType type,
        final String quantity, final String limit)
    {
        final OrderRequest r = new OrderRequest();
        r.instrumentId = instrument;
        r.side = side;
        r.type = type;
        r.quantity = q(quantity);
        r.limitPrice = limit == null ? 0 : q(limit);
        final long touch = side == Side.BUY ? h.core.market().askPrice(instrument) : h.core.market().bidPrice(instrument);
        r.referencePrice = type == OrderType.MARKET ? touch : r.limitPrice;
        r.timeNanos = h.events.timeNanos();
        r.reducing = h.core.execution().riskContext().isReducing(instrument, side, r.quantity);
        return r;
    }

    private static RejectReason check(final RiskCheck check, final CoreHarness h, final OrderRequest r)
    {
        return check.check(r, h.core.execution().riskContext());
    }

    private static void fill(final CoreHarness h, final int instrument, final int side, final String quantity)
    {
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().submitMarketOrder(instrument, side, q(quantity))).isPositive();
        h.feed(h.events.clock());
    }

    @Test
    void maxOrderQuantity()
    {
        final CoreHarness h = harness(open());
        final MaxOrderQuantityCheck check = new MaxOrderQuantityCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "5", null))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "5.00000001", null)))
            .isEqualTo(RejectReason.MAX_ORDER_QUANTITY);
    }

    @Test
    void maxOrderNotionalAtTheReferencePrice()
    {
        final CoreHarness h = harness(limits(202, "100", 0, 0, 0, 0, 0, 0));
        final MaxOrderNotionalCheck check = new MaxOrderNotionalCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "2", null))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "2", "101.01")))
            .isEqualTo(RejectReason.MAX_ORDER_NOTIONAL);
    }

    @Test
    void maxPositionCountsOpenOrdersAndNeverBlocksReducing()
    {
        final CoreHarness h = harness(limits(0, "3", 0, 0, 0, 0, 0, 0));
        final MaxPositionCheck check = new MaxPositionCheck();
        fill(h, BTC, Side.BUY, "2");
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitLimitOrder(BTC, Side.BUY, q("0.5"), q("90"));   // rests: counts as exposure
        h.feed(h.events.clock());
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "0.5", null))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "0.50000001", null)))
            .isEqualTo(RejectReason.MAX_POSITION);
        assertThat(check(check, h, request(h, BTC, Side.SELL, OrderType.MARKET, "2", null))).isEqualTo(RejectReason.NONE);
    }

    /** Found by replaying the Binance capture with venue latency: reducing orders in flight added up to a flip. */
    @Test
    void reducingOrdersInFlightDoNotAddUpToAFlip()
    {
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{q("0.01"), q("0.01")}).risk(limits(0, "1", 0, 0, 0, 0, 0, 0)).paperVenue(new PaperVenueSettings(50_000_000L, 0, 0, 0, 0)).build());
        h.feed(h.events.quote(BTC, "100", "50", "101", "50"));
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("1"));
        h.advanceMillis(60);                                          // long 1
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().submitMarketOrder(BTC, Side.SELL, q("1"))).isPositive();   // reducing, in flight
        final OrderRequest another = request(h, BTC, Side.SELL, OrderType.MARKET, "1", null);
        assertThat(another.reducing).as("a second sell of 1 would flip to -1 once both fill").isFalse();
        assertThat(check(new MaxPositionCheck(), h, another)).isEqualTo(RejectReason.NONE);   // -1 is at the limit
        final OrderRequest flip = request(h, BTC, Side.SELL, OrderType.MARKET, "1.5", null);
        assertThat(check(new MaxPositionCheck(), h, flip)).isEqualTo(RejectReason.MAX_POSITION);
    }

    @Test
    void maxGrossExposureAcrossInstrumentsReducingPasses()
    {
        // Long 2 BTC marked at 100.5 = 201; ETH buy of 9 at 11 = 99 -> 300 exactly.
        final CoreHarness h = harness(limits(0, "100", 0, 300, 0, 0, 0, 0));
        fill(h, BTC, Side.BUY, "2");
        final MaxGrossExposureCheck check = new MaxGrossExposureCheck();
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "9", null))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "9.01", null)))
            .isEqualTo(RejectReason.MAX_GROSS_EXPOSURE);
        h.feed(h.events.quote(BTC, "200", "50", "201", "50"));   // the mark doubles: over the limit already
        assertThat(check(check, h, request(h, BTC, Side.SELL, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.NONE);
    }

    @Test
    void dailyLossLimitStopsNewRiskAndMovesTheStateByItself()
    {
        final CoreHarness h = harness(limits(0, "100", 0, 0, 10, 0, 0, 0));
        fill(h, BTC, Side.BUY, "1");                                  // bought at 101, marked at 100.5
        h.feed(h.events.quote(BTC, "90.5", "50", "91.5", "50"));     // marked 91: -10 exactly
        final DailyLossLimitCheck check = new DailyLossLimitCheck();
        assertThat(h.core.execution().riskContext().dailyPnl.dayPnl()).isEqualTo(-10.0);
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "1", null)))
            .isEqualTo(RejectReason.DAILY_LOSS_LIMIT);
        assertThat(check(check, h, request(h, BTC, Side.SELL, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.NONE);
        assertThat(h.core.tradingState().state()).isEqualTo(dev.peregrine.core.engine.TradingState.REDUCING);
        assertThat(h.core.tradingState().reason()).isEqualTo("daily loss limit: day PnL -10.00 reached -10.00");

        final CoreHarness under = harness(limits(0, "100", 0, 0, 10.01, 0, 0, 0));
        fill(under, BTC, Side.BUY, "1");
        under.feed(under.events.quote(BTC, "90.5", "50", "91.5", "50"));
        assertThat(check(check, under, request(under, ETH, Side.BUY, OrderType.MARKET, "1", null)))
            .isEqualTo(RejectReason.NONE);
    }

    @Test
    void aLossLimitBreachCancelsWorkingOrdersButNotTheExitsSentAfterIt()
    {
        final CoreHarness h = harness(limits(0, "100", 0, 0, 10, 0, 0, 0));
        fill(h, BTC, Side.BUY, "1");
        h.core.execution().beginEvent(h.events.clock());
        final long resting = h.core.execution().submitLimitOrder(ETH, Side.BUY, q("1"), q("9"));
        h.feed(h.events.clock());
        assertThat(h.core.execution().orders().get(resting).state()).isEqualTo(dev.peregrine.core.order.OrderState.ACKNOWLEDGED);

        h.feed(h.events.quote(BTC, "90.5", "50", "91.5", "50"));     // -10: the limit
        h.core.execution().beginEvent(h.events.clock());
        final long exit = h.core.execution().submitLimitOrder(BTC, Side.SELL, q("1"), q("95"));   // reducing: allowed
        h.feed(h.events.clock());
        h.feed(h.events.clock());
        assertThat(h.core.execution().orders().get(resting).state()).as("could add to the loss")
            .isEqualTo(dev.peregrine.core.order.OrderState.CANCELLED);
        assertThat(h.core.execution().orders().get(exit).state()).as("sent after the breach: left working")
            .isEqualTo(dev.peregrine.core.order.OrderState.ACKNOWLEDGED);
        assertThat(h.core.execution().commandInProgress()).isFalse();
    }

    @Test
    void notionalAndExposureLimitsRefuseAnOrderTheyCannotPrice()
    {
        final CoreHarness h = harness(limits(202, "100", 0, 1000, 0, 0, 0, 0));
        final OrderRequest unpriced = request(h, BTC, Side.BUY, OrderType.MARKET, "1", null);
        unpriced.referencePrice = 0;                                  // no touch on that side
        assertThat(check(new MaxOrderNotionalCheck(), h, unpriced)).isEqualTo(RejectReason.MAX_ORDER_NOTIONAL);
        assertThat(check(new MaxGrossExposureCheck(), h, unpriced)).isEqualTo(RejectReason.MAX_GROSS_EXPOSURE);

        final CoreHarness unlimited = harness(open());
        final OrderRequest free = request(unlimited, BTC, Side.BUY, OrderType.MARKET, "1", null);
        free.referencePrice = 0;
        assertThat(check(new MaxOrderNotionalCheck(), unlimited, free)).as("no limit set: nothing to price").isEqualTo(RejectReason.NONE);
        assertThat(check(new MaxGrossExposureCheck(), unlimited, free)).isEqualTo(RejectReason.NONE);
    }

    @Test
    void trailingDrawdownFromTheDaysPeak()
    {
        final CoreHarness h = harness(limits(0, "100", 0, 0, 0, 5, 0, 0));
        fill(h, BTC, Side.BUY, "1");
        h.feed(h.events.quote(BTC, "110.5", "50", "111.5", "50"));   // peak: +10
        h.feed(h.events.quote(BTC, "106", "50", "106", "50"));       // +5: 5 below the peak
        final TrailingDrawdownCheck check = new TrailingDrawdownCheck();
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "1", null)))
            .isEqualTo(RejectReason.TRAILING_DRAWDOWN);
        h.feed(h.events.quote(BTC, "113", "50", "113", "50"));       // a new peak
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.NONE);
    }

    @Test
    void orderRatePerSecondAndPerMinuteInEventTime()
    {
        final CoreHarness h = harness(limits(0, "100", 0, 0, 0, 0, 2, 3));
        final RiskContext context = h.core.execution().riskContext();
        final long t = h.events.timeNanos();
        assertThat(context.orderRateAllows(t)).isTrue();
        context.recordOrder(t);
        context.recordOrder(t + 100_000_000L);
        assertThat(context.orderRateAllows(t + 999_999_999L)).isFalse();
        assertThat(context.orderRateAllows(t + 1_000_000_000L)).isTrue();
        context.recordOrder(t + 1_000_000_000L);
        assertThat(context.orderRateAllows(t + 59_999_999_999L)).as("3 per minute used").isFalse();
        assertThat(context.orderRateAllows(t + 60_000_000_000L)).isTrue();
    }

    @Test
    void cancelRateHoldsBackCancels()
    {
        final RiskLimits limits = new RiskLimits(new long[]{q("5"), q("5")}, new double[2], new long[]{q("100"), q("100")},
            new double[2], 0, 0, 0, 0, 0, 1, 0, ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF);
        final CoreHarness h = harness(limits);
        h.core.execution().beginEvent(h.events.clock());
        final long a = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("90"));
        final long b = h.core.execution().submitLimitOrder(BTC, Side.BUY, q("1"), q("91"));
        h.feed(h.events.clock());
        h.core.execution().beginEvent(h.events.clock());
        assertThat(h.core.execution().cancelOrder(a)).isTrue();
        assertThat(h.core.execution().cancelOrder(b)).as("second cancel within a second").isFalse();
        assertThat(h.metrics.rejects[RejectReason.CANCEL_RATE.ordinal()].get()).isEqualTo(1);
    }

    @Test
    void priceBandAroundTheMark()
    {
        final CoreHarness h = harness(limits(0, "100", 0.1, 0, 0, 0, 0, 0));   // mark 100.5, band 10 %
        final PriceBandCheck check = new PriceBandCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "1", "110.55"))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "1", "110.56"))).isEqualTo(RejectReason.PRICE_BAND);
        assertThat(check(check, h, request(h, BTC, Side.SELL, OrderType.LIMIT, "1", "90.44"))).isEqualTo(RejectReason.PRICE_BAND);
    }

    @Test
    void tradingWindowInItsZoneReducingPasses()
    {
        // Weekdays 09:30-16:00 New York.
        final RiskLimits limits = new RiskLimits(new long[]{q("5"), q("5")}, new double[2], new long[]{q("100"), q("100")},
            new double[2], 0, 0, 0, 0, 0, 0, 0, ZoneId.of("America/New_York"), 570, 960,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), MarketSanitySettings.OFF);
        final CoreHarness h = harness(limits);
        final TradingWindowCheck check = new TradingWindowCheck();
        final OrderRequest r = request(h, BTC, Side.BUY, OrderType.MARKET, "1", null);
        r.timeNanos = nanos(ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("America/New_York")));   // a Monday
        assertThat(check(check, h, r)).isEqualTo(RejectReason.NONE);
        r.timeNanos = nanos(ZonedDateTime.of(2026, 11, 23, 9, 29, 59, 0, ZoneId.of("America/New_York")));
        assertThat(check(check, h, r)).isEqualTo(RejectReason.OUTSIDE_TRADING_WINDOW);
        r.timeNanos = nanos(ZonedDateTime.of(2026, 11, 23, 16, 0, 0, 0, ZoneId.of("America/New_York")));
        assertThat(check(check, h, r)).isEqualTo(RejectReason.OUTSIDE_TRADING_WINDOW);
        r.timeNanos = nanos(ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ZoneId.of("America/New_York")));   // Sunday
        assertThat(check(check, h, r)).isEqualTo(RejectReason.OUTSIDE_TRADING_WINDOW);
        r.reducing = true;
        assertThat(check(check, h, r)).isEqualTo(RejectReason.NONE);
    }

    private static long nanos(final ZonedDateTime time)
    {
        return time.toInstant().getEpochSecond() * 1_000_000_000L;
    }

    @Test
    void staleDataAndUnsyncedBooks()
    {
        final CoreHarness h = harness(open());
        final MarketDataCheck check = new MarketDataCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.NONE);
        final InboundEvent stale = h.events.clock();
        stale.type = EventType.FEED_STALE;
        stale.instrumentId = BTC;
        h.feed(stale);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.FEED_UNHEALTHY);
        final InboundEvent level = h.events.clock();
        level.type = EventType.BOOK_LEVEL;
        level.instrumentId = ETH;
        level.side = Side.BUY;
        level.price = q("10");
        level.quantity = q("1");
        level.flags = BookFlags.SNAPSHOT_BEGIN;
        h.feed(level);
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.BOOK_NOT_SYNCED);
    }

    @Test
    void productRules()
    {
        final CoreHarness h = harness(open());
        final InboundEvent info = h.events.clock();
        info.type = EventType.INSTRUMENT_INFO;
        info.instrumentId = BTC;
        info.priceIncrement = q("0.5");
        info.sizeIncrement = q("0.001");
        info.quantity = q("0.01");
        h.feed(info);
        final ProductRulesCheck check = new ProductRulesCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "0.01", "100.5"))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "0.009", "100.5"))).isEqualTo(RejectReason.BELOW_MIN_SIZE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "0.0105", "100.5"))).isEqualTo(RejectReason.INVALID_QUANTITY);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "0.01", "100.25"))).isEqualTo(RejectReason.INVALID_PRICE);
        info.flags = dev.peregrine.core.event.InstrumentStatus.OFFLINE;
        h.feed(info);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "0.01", "100.5"))).isEqualTo(RejectReason.INSTRUMENT_NOT_TRADING);
    }

    @Test
    void selfTradePrevention()
    {
        final CoreHarness h = harness(open());
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitLimitOrder(BTC, Side.SELL, q("1"), q("105"));
        h.feed(h.events.clock());
        final SelfTradePreventionCheck check = new SelfTradePreventionCheck();
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "1", "104.99"))).isEqualTo(RejectReason.NONE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.LIMIT, "1", "105"))).isEqualTo(RejectReason.SELF_TRADE);
        assertThat(check(check, h, request(h, BTC, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.SELF_TRADE);
        assertThat(check(check, h, request(h, ETH, Side.BUY, OrderType.MARKET, "1", null))).isEqualTo(RejectReason.NONE);
    }

    @Test
    void theChainReportsTheFirstFailureThroughTheCore()
    {
        final CoreHarness h = harness(limits(0, "100", 0, 0, 0, 0, 0, 0));
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, q("6"));
        h.feed(h.events.clock());
        assertThat(h.outputs.lines()).containsExactly("REJECT #1 i0 BUY 6 MAX_ORDER_QUANTITY");
        assertThat(h.metrics.rejects[RejectReason.MAX_ORDER_QUANTITY.ordinal()].get()).isEqualTo(1);
        assertThat(RiskChain.standard().size()).isEqualTo(12);
    }

    @Test
    void limitsAreValidatedWithMessagesThatNameTheSetting()
    {
        assertThatThrownBy(() -> RiskLimits.basic(new long[]{0}, new long[]{1}))
            .hasMessage("risk.maxOrderQuantity of product 0 must be > 0");
        assertThatThrownBy(() -> new RiskLimits(new long[]{1}, new double[1], new long[]{1}, new double[]{1.5}, 0, 0, 0,
            0, 0, 0, 0, ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF))
            .hasMessage("risk.priceBand of product 0 must be in [0, 1)");
        assertThatThrownBy(() -> new RiskLimits(new long[]{1}, new double[1], new long[]{1}, new double[1], 0, 0, 0,
            0, 0, 0, 0, ZoneId.of("UTC"), 600, 600, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF))
            .hasMessageContaining("trading window");
    }
}
