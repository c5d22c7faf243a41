package dev.peregrine.core.perpetual;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.perpetual.PerpetualFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The margin account against Binance USD-M's documented formulas, every figure computed by hand in the comments.
 * Instruments: 0 BTCUSDT (brackets 0.4% / 0.5% cum 50 / 1% cum 1,300), 1 ETHUSDT (0.5%), 2 BTC-USD spot.
 */
class MarginAccountTest
{
    private static final double EPS = 1e-9;

    private final InstrumentRegistry registry = PerpetualFixtures.CATALOG.registryFor(List.of("BTCUSDT", "ETHUSDT", "BTC-USD"));
    private final PositionBook positions = new PositionBook(3);
    private final MarginAccount account = new MarginAccount(registry, positions, 10_000.0,
        new long[]{d("10"), d("20"), d("1")});

    @Test
    void aLongMarkedBelowItsEntry()
    {
        // long 1 BTC at 40,000, no fee; mark 39,000
        positions.applyFill(0, Side.BUY, d("1"), d("40000"), 0.0);
        account.onMark(0, d("39000"));

        assertThat(account.contracts(0)).isEqualTo(d("1"));
        assertThat(account.notional(0)).isCloseTo(39_000.0, within(EPS));          // 1 x 1 x 39,000
        assertThat(account.unrealizedPnl(0)).isCloseTo(-1_000.0, within(EPS));     // 1 x (39,000 - 40,000)
        assertThat(account.initialMargin(0)).isCloseTo(3_900.0, within(EPS));      // 39,000 / 10
        assertThat(account.maintenanceMargin(0)).isCloseTo(156.0, within(EPS));    // 39,000 x 0.4% - 0
        assertThat(account.walletBalance()).isCloseTo(10_000.0, within(EPS));
        assertThat(account.marginBalance()).isCloseTo(9_000.0, within(EPS));       // 10,000 - 1,000
        assertThat(account.availableMargin()).isCloseTo(5_100.0, within(EPS));     // 9,000 - 3,900
        assertThat(account.marginRatio()).isCloseTo(156.0 / 9_000.0, within(EPS)); // 1.7333%
        assertThat(account.effectiveLeverage()).isCloseTo(39_000.0 / 9_000.0, within(EPS));
        // LP = (WB - TMM1 + UPNL1 + cum - side x size x EP) / (size x MMR - side x size)
        //    = (10,000 - 0 + 0 + 0 - 40,000) / (0.004 - 1) = -30,000 / -0.996 = 30,120.4819...; 30,120 < 50,000: bracket 1
        assertThat(account.liquidationPrice(0)).isCloseTo(30_000.0 / 0.996, within(1e-6));
    }

    @Test
    void aShortWhoseLiquidationNotionalFallsInTheSecondBracket()
    {
        // short 2 BTC at 40,000. Bracket 1: (10,000 + 0 + 80,000) / (2 x 0.004 + 2) = 44,820.7; notional 89,641 is
        // not below 50,000, so bracket 2: (10,000 + 50 + 80,000) / (2 x 0.005 + 2) = 90,050 / 2.01 = 44,800.995...,
        // notional 89,602 lies in 50,000..250,000: that is the price.
        positions.applyFill(0, Side.SELL, d("2"), d("40000"), 0.0);

        assertThat(account.contracts(0)).isEqualTo(-d("2"));
        assertThat(account.liquidationPrice(0)).isCloseTo(90_050.0 / 2.01, within(1e-6));
        // no mark yet: valued at the entry price, 80,000 notional in bracket 2: 80,000 x 0.5% - 50 = 350
        assertThat(account.unrealizedPnl(0)).isZero();
        assertThat(account.maintenanceMargin(0)).isCloseTo(350.0, within(EPS));
        assertThat(account.initialMargin(0)).isCloseTo(8_000.0, within(EPS));      // 80,000 / 10
    }

    @Test
    void otherPositionsFeeAndFundingMoveTheWalletAndTheLiquidationPrice()
    {
        // long 1 BTC at 40,000 paying a 16 USDT fee; long 10 ETH at 2,500 (no fee), ETH marked 2,400;
        // 3 USDT funding paid; a spot fill changes nothing.
        positions.applyFill(0, Side.BUY, d("1"), d("40000"), 16.0);
        positions.applyFill(1, Side.BUY, d("10"), d("2500"), 0.0);
        positions.applyFill(2, Side.BUY, d("1"), d("40000"), 40.0);
        account.onMark(1, d("2400"));
        account.applyFunding(3.0);

        // WB = 10,000 - 16 - 3 = 9,981 (the spot fee is not the perpetual account's)
        assertThat(account.walletBalance()).isCloseTo(9_981.0, within(EPS));
        // ETH: notional 24,000, maintenance 24,000 x 0.5% = 120, unrealized 10 x (2,400 - 2,500) = -1,000
        assertThat(account.maintenanceMargin(1)).isCloseTo(120.0, within(EPS));
        // BTC LP = (9,981 - 120 + (-1,000) + 0 - 40,000) / (0.004 - 1) = -31,139 / -0.996 = 31,264.0562...
        assertThat(account.liquidationPrice(0)).isCloseTo(31_139.0 / 0.996, within(1e-6));
        // margin used = 40,000 / 10 + 24,000 / 20 = 5,200; balance = 9,981 - 1,000 = 8,981
        assertThat(account.marginUsed()).isCloseTo(5_200.0, within(EPS));
        assertThat(account.marginBalance()).isCloseTo(8_981.0, within(EPS));
        assertThat(account.notional()).isCloseTo(64_000.0, within(EPS));
        assertThat(account.isPerpetual(2)).isFalse();
        assertThat(account.contracts(2)).isZero();
    }

    @Test
    void closingRealizesIntoTheWalletAndFlatMeansNoRatioNoLeverageNoLiquidationPrice()
    {
        // long 1 at 40,000, sell 1 at 41,000: +1,000 realized, 2 x 4 fee
        positions.applyFill(0, Side.BUY, d("1"), d("40000"), 4.0);
        positions.applyFill(0, Side.SELL, d("1"), d("41000"), 4.0);

        assertThat(account.walletBalance()).isCloseTo(10_992.0, within(EPS));       // 10,000 + 1,000 - 8
        assertThat(account.marginRatio()).isZero();
        assertThat(account.effectiveLeverage()).isZero();
        assertThat(account.liquidationPrice(0)).isZero();
    }

    @Test
    void aPositionTheWalletCannotLoseGetsNoLiquidationPrice()
    {
        // long 0.1 BTC at 40,000 on 10,000: LP = (10,000 - 4,000) / (0.1 x 0.004 - 0.1) < 0: the venue shows "--"
        positions.applyFill(0, Side.BUY, d("0.1"), d("40000"), 0.0);
        assertThat(account.liquidationPrice(0)).isZero();
    }
}
