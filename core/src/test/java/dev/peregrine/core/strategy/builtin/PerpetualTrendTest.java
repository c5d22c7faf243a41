package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.risk.PerpetualLimits;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.PerpetualMarket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.testing.PerpetualMarket.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * perp-trend driven by trades and marks on the BTCUSDT perpetual ({@link PerpetualMarket}: quote 99.9 / 100), with
 * fast=2, slow=3, min-hold=0s, quantity=1, max-funding=0.0005. EMAs as TA-Lib seeds them (the simple average of the
 * first {@code period} prices), then {@code ema += k (price - ema)} with k = 2/3 (fast) and 1/2 (slow):
 * <pre>
 *   trades 100, 100, 100: fast 100, slow 100, no trend
 *   101: fast 100.6667, slow 100.5      up: target +1, buy 1
 *   99:  fast 99.5556,  slow 99.75      down: target -1, sell 2 (the flip in one order)
 *   rate -0.0006 (shorts pay more than 0.0005)
 *   98:  fast 98.5185,  slow 98.875     down, but the short pays: flat, buy 1 reduce-only
 *   rate 0.0001
 *   97:  fast 97.5062,  slow 97.9375    down: target -1, sell 1
 * </pre>
 */
class PerpetualTrendTest
{
    private static PerpetualMarket market()
    {
        return market("perp-trend:fast=2,slow=3,min-hold=0s,quantity=1,max-funding=0.0005");
    }

    private static PerpetualMarket market(final String spec)
    {
        return new PerpetualMarket(PerpetualLimits.none(1), "20", BuiltInStrategies.configure(List.of(
            StrategySpec.parse(spec, "trend")), List.of("BTCUSDT"), new long[]{100_000_000L}));
    }

    private static void trades(final PerpetualMarket m, final String... prices)
    {
        for (final String price : prices)
        {
            m.feed(m.events.trade(BTC, price, "0.5", Side.BUY));
        }
    }

    @Test
    void followsTheTrendFlipsInOneOrderAndClosesReduceOnlyWhenItsSidePaysFunding()
    {
        final PerpetualMarket m = market();
        m.mark("100", "0.0001");
        trades(m, "100", "100", "100");
        assertThat(m.outputs.lines()).isEmpty();
        trades(m, "101", "99");
        m.mark("99", "-0.0006");
        trades(m, "98");
        m.mark("98", "0.0001");
        trades(m, "97");
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 1",
            "FILL #1 i0 BUY 1 @ 100",
            "ORDER #2 i0 SELL 2",
            "FILL #2 i0 SELL 2 @ 99.9",
            "ORDER #3 i0 BUY 1",
            "FILL #3 i0 BUY 1 @ 100",
            "ORDER #4 i0 SELL 1",
            "FILL #4 i0 SELL 1 @ 99.9");
        assertThat(m.outputs.decisions()).containsExactly(
            "#1 trend-up ema_fast=100.6667 ema_slow=100.5 mark=100 funding_rate=0.0001",
            "#2 trend-down ema_fast=99.5556 ema_slow=99.75 mark=100 funding_rate=0.0001",
            "#3 funding-filter ema_fast=98.5185 ema_slow=98.875 mark=99 funding_rate=-0.0006",
            "#4 trend-down ema_fast=97.5062 ema_slow=97.9375 mark=98 funding_rate=0.0001");
        assertThat(m.core.execution().orders().get(3).reduceOnly()).as("the close goes reduce-only").isTrue();
        assertThat(m.core.execution().orders().get(2).reduceOnly()).as("a flip cannot").isFalse();
        assertThat(m.core.strategies().get(0).positions().quantity(BTC)).isEqualTo(-100_000_000L);
    }

    /**
     * leverage=5 on 1,000 of margin balance at the mark 100: 5 x 1,000 / 100 = 50 contracts. After the buy at 100
     * (no fees) the balance is still 1,000 with the mark at 100, so the short is 50 too: a sell of 100.
     */
    @Test
    void leverageSizesThePositionOnTheMarginBalance()
    {
        final PerpetualMarket m = market("perp-trend:fast=2,slow=3,min-hold=0s,leverage=5");
        m.mark("100", "0.0001");
        trades(m, "100", "100", "100", "101");
        m.mark("100", "0.0001");
        trades(m, "99");
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 50",
            "FILL #1 i0 BUY 50 @ 100",
            "ORDER #2 i0 SELL 100",
            "FILL #2 i0 SELL 100 @ 99.9");
        // Short 50 at 99.9 after realizing (99.9 - 100) x 50 = -5; on the mark 100 unrealized -5: balance 990,
        // notional 5,000: 5.05x (the leverage drifts with the balance until the next decision sizes again).
        assertThat(m.account().effectiveLeverage()).isCloseTo(5000.0 / 990, org.assertj.core.data.Offset.offset(1e-9));
    }

    /**
     * With its defaults (EMAs of 20 and 60 trades, 5 s between orders) on a busy market, a random walk of 100 trades a
     * second with a mark each second for one minute of event time: a few to a dozen orders, never more than one per
     * 5 s (13 in a minute at most), not one per cross.
     */
    @Test
    void itsDefaultsTradeAFewToADozenTimesAMinuteOnABusyMarket()
    {
        final PerpetualMarket m = market("perp-trend");
        final java.util.Random random = new java.util.Random(42);
        long ticks = 1000;                                   // price in ticks of 0.1
        for (int i = 0; i < 6000; i++)
        {
            ticks += random.nextBoolean() ? 1 : -1;
            final String price = dev.peregrine.core.number.FixedPoint.toString(ticks * 10_000_000L);
            if (i % 100 == 0)
            {
                m.mark(price, "0.0001");
            }
            m.feed(m.events.trade(BTC, price, "0.01", random.nextBoolean() ? Side.BUY : Side.SELL));
            m.feed(m.events.clockAfterMillis(9));           // 10 ms a trade
        }
        final long orders = m.outputs.count("order");
        assertThat(orders).as("orders in a minute").isBetween(3L, 13L);
        assertThat(m.outputs.count("reject")).isZero();
    }

    @Test
    void setsItsFundingLimitAsItsOwnGuardInRisk()
    {
        final PerpetualMarket m = market();
        assertThat(m.core.execution().riskChain().fundingGuards().limit(1, BTC)).isEqualTo(0.0005);
    }

    @Test
    void isListedWithItsParameters()
    {
        assertThat(BuiltInStrategies.find(PerpetualTrend.NAME)).isSameAs(PerpetualTrend.DEFINITION);
        assertThat(PerpetualTrend.DEFINITION.parameterHelp()).extracting(line -> line.substring(0, line.indexOf('=')))
            .containsExactly("instrument", "fast", "slow", "min-hold", "quantity", "leverage", "max-funding", "order");
    }
}
