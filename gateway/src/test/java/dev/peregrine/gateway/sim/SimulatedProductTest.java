package dev.peregrine.gateway.sim;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

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
