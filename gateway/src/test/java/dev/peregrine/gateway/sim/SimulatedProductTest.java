package dev.peregrine.gateway.sim;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedProductTest
{
    @Test
    void sameSeedSamePathAndPricesStayOnTheGrid()
    {
        final ProductCatalog.Product doge = CoinbaseProducts.CATALOG.find("DOGE-USD");
        final SimulatedProduct a = new SimulatedProduct(doge, new SplittableRandom(99));
        final SimulatedProduct b = new SimulatedProduct(doge, new SplittableRandom(99));
        for (int i = 0; i < 5_000; i++)
        {
            a.step(i);
            b.step(i);
            final int newest = a.newest(0);
            assertThat(a.price(newest)).isEqualTo(b.price(b.newest(0)));
            assertThat(a.size(newest)).isEqualTo(b.size(b.newest(0))).isPositive();
            assertThat(a.size(newest) % doge.sizeIncrement()).isZero();
            assertThat(a.bid()).isPositive().isLessThan(a.ask());
            assertThat(a.bid() % doge.priceIncrement()).isZero();
            // The maker's side: a maker sell prints at the ask, a maker buy at the bid.
            assertThat(a.price(newest)).isEqualTo(a.side(newest) == Side.SELL ? a.ask() : a.bid());
        }
        assertThat(a.historySize()).isEqualTo(SimulatedProduct.HISTORY);
    }

    @Test
    void theDefaultMovesOneTickAndTakesTheSameRandomPathAsAnExplicitZero()
    {
        final ProductCatalog.Product eth = CoinbaseProducts.CATALOG.find("ETH-USD");
        final SimulatedProduct byDefault = new SimulatedProduct(eth, new SplittableRandom(7));
        final SimulatedProduct zero = new SimulatedProduct(eth, new SplittableRandom(7), SimulatedExchangeConfig.ONE_TICK_MOVES);
        long previousBid = byDefault.bid();
        for (int i = 0; i < 2_000; i++)
        {
            byDefault.step(i);
            zero.step(i);
            assertThat(byDefault.moveTicks()).isEqualTo(1);
            assertThat(Math.abs(byDefault.bid() - previousBid)).isIn(0L, eth.priceIncrement());
            assertThat(zero.bid()).isEqualTo(byDefault.bid());
            assertThat(zero.price(zero.newest(0))).isEqualTo(byDefault.price(byDefault.newest(0)));
            assertThat(zero.size(zero.newest(0))).isEqualTo(byDefault.size(byDefault.newest(0)));
            previousBid = byDefault.bid();
        }
    }

    @Test
    void aMoveInBasisPointsIsSizedFromThePriceInWholeTicks()
    {
        final ProductCatalog.Product perp = IntxProducts.perpetuals().stream()
            .filter(p -> p.symbol().equals("BTC-PERP-INTX")).findFirst().orElseThrow();
        final long tick = perp.priceIncrement();
        final SimulatedProduct market = new SimulatedProduct(perp, new SplittableRandom(42), 0.2);
        // 65,000 / 0.1 = 650,000 ticks; 0.2 bp of that = 650,000 x 0.2 / 10,000 = 13 ticks (1.3 a move).
        assertThat(market.bid()).isEqualTo(650_000 * tick);
        assertThat(market.moveTicks()).isEqualTo(13);
        long previousBid = market.bid();
        long low = previousBid;
        long high = previousBid;
        for (int i = 0; i < 1_200; i++) // a minute at 20 trades a second
        {
            final long expectedMove = market.moveTicks() * tick;
            market.step(i);
            assertThat(Math.abs(market.bid() - previousBid)).isIn(0L, expectedMove);
            assertThat(market.bid() % tick).isZero();
            assertThat(market.bid()).isLessThan(market.ask());
            assertThat(market.book().bids().firstKey()).isEqualTo(market.bid());
            assertThat(market.book().asks().firstKey()).isEqualTo(market.ask());
            previousBid = market.bid();
            low = Math.min(low, market.bid());
            high = Math.max(high, market.bid());
        }
        // One-tick moves would span a few dozen ticks in a minute; 13-tick moves span hundreds (several bp).
        assertThat(high - low).isGreaterThan(100 * tick);
        assertThatThrownBy(() -> SimulatedExchangeConfig.forProducts(java.util.List.of("BTC-PERP-INTX")).withMoveBasisPoints(-1))
            .hasMessageContaining("moveBasisPoints must be in [0, 100]");
    }

    @Test
    void formatsTimesLikeGo()
    {
        final StringBuilder sb = new StringBuilder();
        GoTimeFormat.appendRfc3339Nano(sb, 1_786_309_549_253_283_580L);
        assertThat(sb.toString()).isEqualTo("2026-08-09T21:05:49.25328358Z");
        sb.setLength(0);
        GoTimeFormat.appendRfc3339Micros(sb, 1_786_309_538_504_360_999L);
        assertThat(sb.toString()).isEqualTo("2026-08-09T21:05:38.50436Z");
        sb.setLength(0);
        GoTimeFormat.appendGoString(sb, 1_786_309_548_854_840_045L, 41_691_260_485_341L);
        assertThat(sb.toString()).isEqualTo("2026-08-09 21:05:48.854840045 +0000 UTC m=+41691.260485341");
    }
}
