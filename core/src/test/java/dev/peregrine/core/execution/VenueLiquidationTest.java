package dev.peregrine.core.execution;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
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
 * A live venue's liquidation of our own position (LIQUIDATION flagged OWN_POSITION) closes the engine's books as the
 * paper venue's liquidation does, at the venue's price and fee. Long 100 BTCUSDT at 100 on 1,000 collateral.
 */
class VenueLiquidationTest
{
    private static InboundEvent liquidation(final PerpetualMarket m, final int flags, final int side, final String quantity,
        final String price, final String fee)
    {
        final InboundEvent clock = m.events.clock();
        final InboundEvent e = new InboundEvent();
        e.type = EventType.LIQUIDATION;
        e.instrumentId = BTC;
        e.eventTimeNanos = clock.eventTimeNanos;
        e.exchangeTimeNanos = clock.eventTimeNanos;
        e.flags = flags;
        e.side = side;
        e.quantity = FixedPoint.parse(quantity);
        e.price = FixedPoint.parse(price);
        e.fee = FixedPoint.parse(fee);
        return e;
    }

    /** Realized (93.75 - 100) x 100 = -625, the venue's fee 112.50: wallet 1,000 - 625 - 112.50 = 262.50. */
    @Test
    void theVenueClosingOurWholePositionClosesTheEnginesAtItsPriceAndFee()
    {
        final PerpetualMarket m = new PerpetualMarket(PerpetualLimits.none(1), "20", List.of());
        m.mark("100", "0.0001");
        m.fill(BUY, "100");
        m.outputs.clear();

        m.feed(liquidation(m, 0, Side.SELL, "100", "93.75", "0"));
        assertThat(m.core.positions().quantity(BTC)).as("a market print moves nothing").isEqualTo(FixedPoint.parse("100"));
        assertThat(m.core.perpetuals().liquidationPrints(BTC)).isEqualTo(1);

        m.feed(liquidation(m, LiquidationFlags.OWN_POSITION, Side.SELL, "100", "93.75", "112.5"));
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #2 i0 SELL 100 LIQUIDATION @ 0",
            "FILL #2 i0 SELL 100 @ 93.75 fee 112.5000");
        assertThat(m.core.positions().quantity(BTC)).isZero();
        assertThat(m.account().walletBalance()).isEqualTo(262.5);
        assertThat(m.core.execution().venueLiquidations()).isEqualTo(1);
        assertThat(m.core.perpetuals().liquidationPrints(BTC)).as("not a market print").isEqualTo(1);

        m.feed(liquidation(m, LiquidationFlags.OWN_POSITION, Side.SELL, "100", "93.75", "112.5"));
        assertThat(m.outputs.lines()).as("flat: a repeat closes nothing").hasSize(2);
    }

    /**
     * The venue's order filled in two parts: 40 at 95 (fee 10), 60 at 94 (fee 20). Realized (95 - 100) x 40 = -200 and
     * (94 - 100) x 60 = -360; wallet 1,000 - 560 - 30 = 410.
     */
    @Test
    void aLiquidationInPartsClosesWhatEachPartClosed()
    {
        final PerpetualMarket m = new PerpetualMarket(PerpetualLimits.none(1), "20", List.of());
        m.mark("100", "0.0001");
        m.fill(BUY, "100");
        m.outputs.clear();

        m.feed(liquidation(m, LiquidationFlags.OWN_POSITION, Side.SELL, "40", "95", "10"));
        assertThat(m.core.positions().quantity(BTC)).isEqualTo(FixedPoint.parse("60"));
        m.feed(liquidation(m, LiquidationFlags.OWN_POSITION, Side.SELL, "60", "94", "20"));
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #2 i0 SELL 40 LIQUIDATION @ 0",
            "FILL #2 i0 SELL 40 @ 95 fee 10.0000",
            "ORDER #3 i0 SELL 60 LIQUIDATION @ 0",
            "FILL #3 i0 SELL 60 @ 94 fee 20.0000");
        assertThat(m.core.positions().quantity(BTC)).isZero();
        assertThat(m.account().walletBalance()).isEqualTo(410.0);
    }

    /** A strategy's position is closed in its own name, so its book follows the venue. */
    @Test
    void aStrategysPositionIsClosedInItsName()
    {
        final PerpetualMarket m = new PerpetualMarket(PerpetualLimits.none(1), "20",
            List.of(new NamedStrategy("leveraged", "test", BuyOnce::new)));
        m.mark("100", "0.0001");
        m.feed(m.events.trade(BTC, "100", "1", Side.BUY));
        assertThat(m.core.strategies().get(0).positions().quantity(BTC)).isEqualTo(FixedPoint.parse("100"));
        m.outputs.clear();

        m.feed(liquidation(m, LiquidationFlags.OWN_POSITION, Side.SELL, "100", "93.7", "112.44"));
        assertThat(m.outputs.lines()).containsExactly(
            "ORDER #2 i0 SELL 100 LIQUIDATION @ 0",
            "FILL #2 i0 SELL 100 @ 93.7 fee 112.4400");
        assertThat(m.core.strategies().get(0).positions().quantity(BTC)).as("the strategy's own book").isZero();
        assertThat(m.core.execution().orders().get(2).strategyId()).isEqualTo(1);
    }

    /** Buys 100 at market on the first trade. */
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
            }
        }

        @Override
        public long hash(final long seed)
        {
            return seed + (done ? 1 : 0);
        }
    }
}
