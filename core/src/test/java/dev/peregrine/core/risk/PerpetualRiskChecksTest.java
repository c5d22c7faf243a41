package dev.peregrine.core.risk;

import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.engine.TradingStateMachine;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.testing.PerpetualMarket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.testing.PerpetualMarket.BUY;
import static dev.peregrine.core.testing.PerpetualMarket.SELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The perpetual checks on one BTCUSDT perpetual ({@link PerpetualMarket}: collateral 1,000, maintenance rate 4 %, no
 * maintenance amount, venue maximum 20x), each passing at its limit and refusing just past it, against figures
 * computed by hand from Binance USD-M's formulas: notional = contracts x mark; margin balance = wallet + unrealized;
 * effective leverage = notional / margin balance; maintenance margin = notional x 4 %; margin ratio = maintenance /
 * margin balance; initial margin = notional / leverage set; liquidation price of a long (one-way, cross) =
 * (WB - TMM1 + UPNL1 + cum - size x entry) / (size x MMR - size).
 */
class PerpetualRiskChecksTest
{
    private static PerpetualLimits limits(final double leverage, final double account, final double marginRatio,
        final double distance, final double funding)
    {
        return new PerpetualLimits(new double[]{leverage}, account, marginRatio, distance, new double[]{funding});
    }

    private static PerpetualMarket market(final PerpetualLimits limits, final String leverage)
    {
        final PerpetualMarket m = new PerpetualMarket(limits, leverage, List.of());
        m.mark("100", "0.0001");
        return m;
    }

    /** 100 contracts at 100 on 1,000: notional 10,000, 10x. 100.001 contracts: 10,000.1 / 1,000 = 10.0001x. */
    @Test
    void instrumentLeverageAtTheLimitPassesJustPastItIsRefused()
    {
        final PerpetualMarket m = market(limits(10, 0, 0, 0, 0), "20");
        assertThat(m.judge(BUY, "100", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "100.001", "100")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    @Test
    void accountLeverageCountsEveryPerpetual()
    {
        final PerpetualMarket m = market(limits(0, 10, 0, 0, 0), "20");
        m.fill(BUY, "60");                                  // 6,000 held at 100
        assertThat(m.judge(BUY, "40", "100")).isEqualTo(RejectReason.NONE);          // 10,000 / 1,000 = 10x
        assertThat(m.judge(BUY, "40.001", "100")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    /** Leverage set 10x: initial margin 10,000 / 10 = 1,000 = the margin balance; 100.001 contracts need 1,000.01. */
    @Test
    void initialMarginAtTheLeverageSetMustFitTheMarginBalance()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0), "10");
        assertThat(m.judge(BUY, "100", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "100.001", "100")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    /** With no configured limit the venue's maximum applies: 200 contracts = 20,000 = 20x on 1,000, the bracket's 20x. */
    @Test
    void theVenuesMaximumLeverageAppliesWithoutAConfiguredLimit()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0), "20");
        assertThat(m.judge(BUY, "200", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "200.001", "100")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    /**
     * A buy above the mark opens at a loss on the mark: 100 contracts bought at 101 with the mark at 100 leave an
     * unrealized -100, a margin balance of 900 and 10,000 / 900 = 11.1x, over a 11x limit.
     */
    @Test
    void leverageIsMeasuredOnTheMarginBalanceAfterTheFill()
    {
        final PerpetualMarket m = market(limits(11, 0, 0, 0, 0), "20");
        assertThat(m.judge(BUY, "99", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "100", "101")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    /** 100 contracts: maintenance 10,000 x 4 % = 400, ratio 400 / 1,000 = 0.4; 100.001 contracts: 0.400004. */
    @Test
    void marginRatioAtTheLimitPassesJustPastItIsRefused()
    {
        final PerpetualMarket m = market(limits(0, 0, 0.4, 0, 0), "20");
        assertThat(m.judge(BUY, "100", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "100.001", "100")).isEqualTo(RejectReason.MAX_MARGIN_RATIO);
    }

    /**
     * Long 100 at 100 on 1,000: LP = (1,000 - 100 x 100) / (100 x 0.04 - 100) = 93.75, 6.25 % under the mark.
     * 100.001 contracts: LP = 93.7501..., 6.2499 % away: under a 6.25 % minimum.
     */
    @Test
    void liquidationDistanceAtTheMinimumPassesJustUnderItIsRefused()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 6.25, 0), "20");
        assertThat(m.judge(BUY, "100", "100")).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(BUY, "100.001", "100")).isEqualTo(RejectReason.LIQUIDATION_DISTANCE);
        // Short 100 at 100: LP = (1,000 + 100 x 100) / (100 x 0.04 + 100) = 105.769..., 5.77 % above: refused too.
        assertThat(m.judge(SELL, "100", "100")).isEqualTo(RejectReason.LIQUIDATION_DISTANCE);
        assertThat(m.judge(SELL, "90", "100")).isEqualTo(RejectReason.NONE); // LP 10,000 / 93.6 = 106.84, 6.8 % above
    }

    @Test
    void reduceOnlyPassesWhenItReducesAndIsRefusedWhenItWouldOpenOrFlip()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0), "20");
        assertThat(m.judge(0, SELL, "1", "100", true)).as("flat: a reduce-only sell would open").isEqualTo(RejectReason.REDUCE_ONLY);
        m.fill(BUY, "10");
        assertThat(m.judge(0, SELL, "10", "99.9", true)).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(0, SELL, "10.001", "99.9", true)).as("would flip").isEqualTo(RejectReason.REDUCE_ONLY);
        assertThat(m.judge(0, BUY, "1", "100", true)).as("would add").isEqualTo(RejectReason.REDUCE_ONLY);
        assertThat(m.core.execution().riskChain().lastPassed()).isZero();
    }

    /** 190 contracts held (19x) under a 5x limit set afterwards: a reducing order still passes every check. */
    @Test
    void aReducingOrderPassesTheLimitsItBringsTheAccountBackUnder()
    {
        final PerpetualMarket held = market(limits(0, 0, 0, 0, 0), "20");
        held.fill(BUY, "190");
        held.core.applySettings(held.core.settings().withRisk(held.core.settings().risk().withPerpetual(
            limits(5, 5, 0.1, 50, 0.00001))));
        assertThat(held.judge(0, SELL, "10", "99.9", true)).isEqualTo(RejectReason.NONE);
        assertThat(held.judge(SELL, "190", "99.9")).isEqualTo(RejectReason.NONE);
        assertThat(held.judge(BUY, "0.001", "100")).isEqualTo(RejectReason.MAX_LEVERAGE);
    }

    /** Rate 0.0006 > 0.0005: longs pay, no new long; shorts are paid, a sell passes. At exactly 0.0005 a buy passes. */
    @Test
    void fundingGuardRefusesANewPositionOnTheSideThatPays()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0.0005), "20");
        m.mark("100", "0.0006");
        assertThat(m.judge(BUY, "1", "100")).isEqualTo(RejectReason.FUNDING_RATE);
        assertThat(m.judge(SELL, "1", "100")).isEqualTo(RejectReason.NONE);
        m.mark("100", "-0.0006");
        assertThat(m.judge(SELL, "1", "100")).isEqualTo(RejectReason.FUNDING_RATE);
        assertThat(m.judge(BUY, "1", "100")).isEqualTo(RejectReason.NONE);
        m.mark("100", "0.0005");
        assertThat(m.judge(BUY, "1", "100")).isEqualTo(RejectReason.NONE);
    }

    /** A strategy's own guard (0.0003) is tighter than the engine's (0.0005): it binds that strategy only. */
    @Test
    void aStrategysOwnFundingGuardBindsThatStrategy()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0.0005), "20");
        m.core.execution().riskChain().fundingGuards().set(1, PerpetualMarket.BTC, 0.0003);
        m.mark("100", "0.0004");
        assertThat(m.judge(1, BUY, "1", "100", false)).isEqualTo(RejectReason.FUNDING_RATE);
        assertThat(m.judge(2, BUY, "1", "100", false)).isEqualTo(RejectReason.NONE);
        assertThat(m.judge(0, BUY, "1", "100", false)).isEqualTo(RejectReason.NONE);
    }

    @Test
    void aPerpetualChainListsFourMoreChecksThanASpotOne()
    {
        final PerpetualMarket m = market(limits(0, 0, 0, 0, 0), "20");
        final RiskChain chain = m.core.execution().riskChain();
        assertThat(chain.size()).isEqualTo(RiskChain.standard().size() + 4);
        assertThat(List.of(chain.checkName(8), chain.checkName(9), chain.checkName(10), chain.checkName(11)))
            .containsExactly("max-leverage", "max-margin-ratio", "liquidation-distance", "funding-rate-guard");
    }

    /**
     * Long 100 at 100 (ratio 0.4), limit 0.5. Mark 97.8: unrealized -220, balance 780, maintenance 9,780 x 4 % =
     * 391.2, ratio 0.5015: REDUCING. Mark 99: balance 900, maintenance 396, ratio 0.44: the hold lifts, the state
     * waits for a resume.
     */
    @Test
    void theTradingStateReducesWhenTheMarginRatioCrossesItsLimit()
    {
        final PerpetualMarket m = market(limits(0, 0, 0.5, 0, 0), "20");
        m.fill(BUY, "100");
        m.mark("97.9", "0.0001");                            // 0.4957
        final TradingStateMachine state = m.core.tradingState();
        assertThat(state.state()).isEqualTo(TradingState.ACTIVE);
        m.mark("97.8", "0.0001");
        assertThat(state.state()).isEqualTo(TradingState.REDUCING);
        assertThat(state.reasonCode()).isEqualTo(TradingStateMachine.MARGIN_RATIO_CODE);
        assertThat(state.reason()).isEqualTo(
            "margin ratio 0.5015 above its limit 0.5000 (maintenance margin 391.20, margin balance 780.00)");
        m.feed(m.events.command(CommandCode.RESUME));
        assertThat(state.state()).as("resumed while it holds").isEqualTo(TradingState.REDUCING);
        m.mark("99", "0.0001");
        assertThat(state.marginRatioHolds()).isFalse();
        assertThat(state.state()).isEqualTo(TradingState.REDUCING);
        m.feed(m.events.command(CommandCode.RESUME));
        assertThat(state.state()).isEqualTo(TradingState.ACTIVE);
    }
}
