package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.indicator.RollingHighLow;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The strategy of core/README.md ("Writing a strategy"), compiled and run, so the example stays true. */
class ReadmeBreakoutExampleTest
{
    /** As in the README, with a 1-second bar and a 3-bar range so a test can drive it. */
    static final class Breakout implements Strategy
    {
        private static final String SIGNAL = "breakout-up";
        private static final String HIGH = "high_3";
        private final StrategyContext context;
        private final int btc;
        private final RollingHighLow range = new RollingHighLow(3);
        int rejections;

        Breakout(final StrategyContext context)
        {
            this.context = context;
            this.btc = context.instrumentId("BTC-USD");
            context.subscribeTimeBars(btc, 1_000_000_000L);
        }

        @Override
        public void onBar(final Bar bar)
        {
            if (range.isReady() && bar.closeValue() > range.high() && context.position(btc) == 0)
            {
                context.decision().signal(SIGNAL).value(HIGH, range.high());
                context.submitMarketOrder(btc, Side.BUY, context.defaultOrderQuantity(btc));
            }
            range.update(bar.highValue(), bar.lowValue());
        }

        @Override
        public void onOrderRejected(final long orderId, final int instrumentId, final RejectReason reason, final long t)
        {
            rejections++;
        }

        @Override
        public long hash(final long seed)
        {
            return range.hash(seed);
        }
    }

    @Test
    void buysWhenABarClosesAboveTheLastThreeBarsHigh()
    {
        final long big = FixedPoint.parse("10");
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("0.5"), FixedPoint.parse("1")}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build(), Breakout::new);
        h.feed(h.events.quote(0, "100", "5", "101", "5"));
        // Four 1-second bars with highs 100, 101, 100.5, then a close of 102: above the prior three's high of 101.
        for (final String price : new String[]{"100", "101", "100.5", "102"})
        {
            h.trades(0, price);
            h.advanceMillis(1000);
        }
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.5", "FILL #1 i0 BUY 0.5 @ 101");
        assertThat(((Breakout)h.core.strategies().get(0).strategy()).rejections).isZero();
    }
}
