package dev.peregrine.core.engine;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core's gauges follow orders, fills and state at once, and the mark-to-market of every quote at
 * most 64 market events late (recomputing unrealized PnL per tick costs more than a 1 s scrape can see).
 */
class GaugePublishingTest
{
    @Test
    void fillsPublishAtOnceQuotesAtLeastEverySixtyFourthEvent()
    {
        final CoreHarness h = CoreHarness.btcEth("0.5", "1", "1");
        h.feed(h.events.quote(0, "100", "5", "101", "5"));
        h.trades(0, "100", "101", "102"); // fast (2) above slow (3): the first relation, no trade
        h.trades(0, "90");                // the cross down: the crossover sells 0.5 at the bid, 100
        assertThat(h.core.positions().quantity(0)).isEqualTo(FixedPoint.parse("-0.5"));
        assertThat(h.metrics.positions[0].get()).as("a fill publishes at once").isEqualTo(-0.5);
        final double unrealizedAtFill = h.metrics.unrealizedPnl.get();

        // The quote moves against the short: the core's PnL changes on the next event, the gauge lags.
        h.feed(h.events.quote(0, "110", "5", "111", "5"));
        assertThat(h.core.totalUnrealizedPnl()).isEqualTo(-5.25);
        assertThat(h.metrics.unrealizedPnl.get()).isEqualTo(unrealizedAtFill);
        for (int i = 0; i < 63; i++)
        {
            h.feed(h.events.quote(0, "110", "5", "111", "5"));
        }
        assertThat(h.metrics.unrealizedPnl.get()).as("within 64 market events").isEqualTo(-5.25);

        h.feed(h.events.quote(0, "120", "5", "121", "5"));
        h.advanceMillis(1); // a clock event is not market data: it publishes
        assertThat(h.metrics.unrealizedPnl.get()).isEqualTo(h.core.totalUnrealizedPnl()).isEqualTo(-10.25);
    }
}
