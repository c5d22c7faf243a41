package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.testing.CoreHarness;
import dev.peregrine.core.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The execution-quality sums behind the fill-ratio and slippage panels, on orders whose prices are known:
 * every fill is measured against the mid of the touch its order was decided on.
 */
class ExecutionQualityMetricsTest
{
    private static final int BTC = 0;

    /** On the first quote: buys 0.5 at market and rests a 0.5 bid at 99. */
    private static final class Buyer implements Strategy
    {
        private final StrategyContext context;
        private boolean done;

        Buyer(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            if (!done)
            {
                done = true;
                context.submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("0.5"));
                context.submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("0.5"), FixedPoint.parse("99"));
            }
        }

        @Override
        public long hash(final long seed)
        {
            return seed;
        }
    }

    @Test
    void fillRatioNotionalsAndSlippageAgainstTheArrivalMid()
    {
        final long order = FixedPoint.parse("0.5");
        final long big = FixedPoint.parse("100");
        final CoreHarness h = new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build(),
            Buyer::new);

        h.feed(h.events.quote(BTC, "100", "5", "100.2", "5")); // mid 100.1
        assertThat(h.metrics.orders.get()).isEqualTo(2);
        assertThat(h.metrics.ordersFilled.get()).as("the market order filled, the bid rests").isEqualTo(1);
        assertThat(h.metrics.orderedNotional.get()).as("0.5 x 100.2 (the ask it crosses) + 0.5 x 99 (its limit)")
            .isCloseTo(0.5 * 100.2 + 0.5 * 99, within(1e-9));
        assertThat(h.outputs.lines()).as("the market order filled at the ask")
            .anyMatch(line -> line.startsWith("FILL #1 ") && line.contains("@ 100.2"));
        assertThat(h.metrics.filledNotional.get()).isCloseTo(0.5 * 100.2, within(1e-9));
        assertThat(h.metrics.slippageCost.get()).as("bought 0.1 above the mid").isCloseTo(0.5 * 0.1, within(1e-9));

        // A trade through the resting bid fills it at 99: 1.1 better than the mid it was placed at.
        h.feed(h.events.trade(BTC, "98.9", "1", Side.BUY)); // the maker side: bids were hit
        assertThat(h.metrics.ordersFilled.get()).as(String.join("\n", h.outputs.lines())).isEqualTo(2);
        assertThat(h.metrics.filledNotional.get()).isCloseTo(0.5 * 100.2 + 0.5 * 99, within(1e-9));
        assertThat(h.metrics.slippageCost.get()).as("price improvement makes the running sum go down")
            .isCloseTo(0.5 * 0.1 - 0.5 * 1.1, within(1e-9));
    }
}
