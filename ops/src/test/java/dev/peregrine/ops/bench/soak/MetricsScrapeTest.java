package dev.peregrine.ops.bench.soak;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scrape's reading of the Prometheus text: family sums and percentiles of the observations between two scrapes. */
class MetricsScrapeTest
{
    private static final String BEFORE = """
        # TYPE peregrine_errors_total counter
        peregrine_errors_total{type="core"} 0.0
        peregrine_errors_total{type="venue_message"} 2.0
        peregrine_errors_total_created{type="core"} 1.0
        peregrine_tick_to_decision_seconds_bucket{le="1.0E-5"} 10
        peregrine_tick_to_decision_seconds_bucket{le="1.0E-4"} 20
        peregrine_tick_to_decision_seconds_bucket{le="+Inf"} 20
        """;
    private static final String AFTER = """
        peregrine_errors_total{type="core"} 1.0
        peregrine_errors_total{type="venue_message"} 2.0
        peregrine_tick_to_decision_seconds_bucket{le="1.0E-5"} 10
        peregrine_tick_to_decision_seconds_bucket{le="1.0E-4"} 120
        peregrine_tick_to_decision_seconds_bucket{le="+Inf"} 120
        """;

    @Test
    void sumsAFamilyOverItsLabelsOnly()
    {
        assertThat(MetricsScrape.of(BEFORE).sum("peregrine_errors_total")).isEqualTo(2.0);
        assertThat(MetricsScrape.of(AFTER).sum("peregrine_errors_total")).isEqualTo(3.0);
    }

    @Test
    void percentilesAreOfTheIntervalBetweenScrapes()
    {
        final var before = MetricsScrape.of(BEFORE).buckets("peregrine_tick_to_decision_seconds");
        final var after = MetricsScrape.of(AFTER).buckets("peregrine_tick_to_decision_seconds");
        // All 100 new observations are in (1e-5, 1e-4]: the median is halfway through that bucket.
        assertThat(MetricsScrape.quantile(before, after, 0.5)).isCloseTo(5.5e-5, within(1e-9));
        assertThat(MetricsScrape.quantile(after, after, 0.5)).isNaN();
    }
}
