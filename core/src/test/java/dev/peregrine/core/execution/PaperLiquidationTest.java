package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.PerpetualLimits;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.testing.PerpetualMarket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.testing.PerpetualMarket.BTC;
import static dev.peregrine.core.testing.PerpetualMarket.BUY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper venue liquidates a perpetual position at the mark once the mark reaches its liquidation price, as
 * Binance USD-M does, with the liquidation clearance fee. Long 100 BTCUSDT at 100 on 1,000 collateral, maintenance
 * rate 4 %: LP = (1,000 - 100 x 100) / (100 x 0.04 - 100) = 93.75. Liquidated at the mark 93.75: realized
 * (93.75 - 100) x 100 = -625, fee 1.2 % of 9,375 = 112.50, wallet 1,000 - 625 - 112.50 = 262.50.
 */
class PaperLiquidationTest
{
    @Test
    void aMarkAtTheLiquidationPriceClosesTheEnginesPositionAtTheMarkWithTheLiquidationFee()
    {
        final PerpetualMarket m = new PerpetualMarket(PerpetualLimits.none(1), "20", List.of());
        m.mark("100", "0.0001");
        m.fill(BUY, "100");
        assertThat(m.account().liquidationPrice(BTC)).isEqualTo(93.75);
        m.outputs.clear();

        m.mark("93.76", "0.0001");
        assertThat(m.outputs.lines()).as("above the liquidation price: nothing").isEmpty();

        m.mark("93.75", "0.0001");
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #2 i0 SELL 100 LIQUIDATION @ 0",
            "FILL #2 i0 SELL 100 @ 93.75 fee 112.5000");
        assertThat(m.core.positions().quantity(BTC)).isZero();
        assertThat(m.account().walletBalance()).isEqualTo(262.5);
        assertThat(m.core.execution().venue().liquidations()).isEqualTo(1);

        m.mark("90", "0.0001");
        assertThat(m.outputs.lines()).as("flat: nothing more to liquidate").hasSize(2);
    }

    /**
     * A strategy's position is liquidated in its own name, so its own book follows the venue; its resting order in the
     * instrument is cancelled first, as the venue cancels the open orders of an account it liquidates.
     */
    @Test
    void aStrategysPositionIsLiquidatedInItsNameAndItsOpenOrdersCancelled()
    {
        final PerpetualMarket m = new PerpetualMarket(PerpetualLimits.none(1), "20",
            List.of(new NamedStrategy("leveraged", "test", BuyOnce::new)));
        m.mark("100", "0.0001");
        m.feed(m.events.trade(BTC, "100", "1", Side.BUY));
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 100",
            "ORDER #2 i0 BUY 1 LIMIT @ 90",
            "FILL #1 i0 BUY 100 @ 100",
            "ACCEPTED #2");
        m.outputs.clear();

        m.mark("93.7", "0.0001");
        assertThat(m.outputs.lines()).containsExactly(
            "CANCEL_REQUEST #2",
            "ORDER #3 i0 SELL 100 LIQUIDATION @ 0",
            "FILL #3 i0 SELL 100 @ 93.7 fee 112.4400",
            "CANCEL #2 i0 1");
        assertThat(m.core.strategies().get(0).positions().quantity(BTC)).as("the strategy's own book").isZero();
        assertThat(m.core.execution().orders().get(3).strategyId()).isEqualTo(1);
    }

    /** Buys 100 at market and rests a buy of 1 at 90, on the first trade. */
    private static final class BuyOnce implements Strategy
    {
        private final StrategyContext context;
        private boolean done;

        BuyOnce(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
        {
            if (!done)
            {
                done = true;
                context.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("100"));
                context.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("90"));
            }
        }

        @Override
        public long hash(final long seed)
        {
            return seed;
        }
    }
}
