package dev.peregrine.gateway.sim.binance;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated market's mid walk: one tick a move for spot, a step sized in basis points for the USD-M market. */
class GeneratedBinanceMarketWalkTest
{
    private static final int STEPS = 3_000; // 30 s of the market's 10 ms steps

    @Test
    void stepInTicksIsTheBasisPointsOfThePriceRounded()
    {
        // BTCUSDT perpetual: 60,000 x 0.2 bp = 1.20 USDT = 12 ticks of 0.10; ETHUSDT: 2,600 x 0.2 bp = 0.052 -> 5 of 0.01.
        assertThat(GeneratedBinanceMarket.stepTicks(FixedPoint.parse("60000"), FixedPoint.parse("0.10"), 0.2)).isEqualTo(12);
        assertThat(GeneratedBinanceMarket.stepTicks(FixedPoint.parse("2600"), FixedPoint.parse("0.01"), 0.2)).isEqualTo(5);
        // Never less than a tick: 0 bp (spot's walk) and a step far under a tick both move one tick.
        assertThat(GeneratedBinanceMarket.stepTicks(FixedPoint.parse("60000"), FixedPoint.parse("0.10"), 0)).isEqualTo(1);
        assertThat(GeneratedBinanceMarket.stepTicks(FixedPoint.parse("1"), FixedPoint.parse("0.01"), 0.2)).isEqualTo(1);
    }

    @Test
    void usdmMidMovesTwelveTicksAMoveAndTheBookKeepsItsDepth()
    {
        final GeneratedBinanceMarket market = new GeneratedBinanceMarket(List.of("BTCUSDT"), 42, UsdmProducts.CATALOG, 0.2);
        final List<BigDecimal> bids = drive(market);
        final BigDecimal step = new BigDecimal("1.20");
        long moves = 0;
        for (int i = 1; i < bids.size(); i++)
        {
            final BigDecimal change = bids.get(i).subtract(bids.get(i - 1)).abs();
            assertThat(change.compareTo(BigDecimal.ZERO) == 0 || change.compareTo(step) == 0)
                .as("bid change %s at step %d", change, i).isTrue();
            moves += change.signum();
        }
        // A move on one step in five: about 600 in 3,000 steps (seeded, so exact; a loose bound keeps it readable).
        assertThat(moves).isBetween(450L, 750L);
        final String snapshot = market.snapshot("BTCUSDT", 1000);
        assertThat(snapshot.split("\\],\\[").length).isEqualTo(2 * GeneratedBinanceMarket.LEVELS - 1);
    }

    @Test
    void spotMidStillMovesOneTick()
    {
        final GeneratedBinanceMarket market = new GeneratedBinanceMarket(List.of("BTCUSDT"), 42);
        final List<BigDecimal> bids = drive(market);
        for (int i = 1; i < bids.size(); i++)
        {
            assertThat(bids.get(i).subtract(bids.get(i - 1)).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
        }
    }

    /** The best bid after each of {@link #STEPS} steps. */
    private static List<BigDecimal> drive(final GeneratedBinanceMarket market)
    {
        final List<BigDecimal> bids = new ArrayList<>();
        market.listen(new BinanceMarketListener()
        {
            @Override
            public void publish(final String stream, final String data)
            {
            }

            @Override
            public void onTrade(final String symbol, final BinanceMarketTape.Trade trade)
            {
            }

            @Override
            public void onBook(final String symbol, final long updateId, final BigDecimal bid, final BigDecimal bidQuantity,
                final BigDecimal ask, final BigDecimal askQuantity)
            {
                bids.add(bid);
            }
        });
        for (int i = 0; i < STEPS; i++)
        {
            market.tick();
        }
        return bids;
    }
}
