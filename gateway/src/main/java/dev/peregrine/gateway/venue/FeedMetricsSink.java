package dev.peregrine.gateway.venue;

/**
 * Where a {@link MarketDataFeed} reports its counters at scrape time. The gateway does not depend on a
 * metrics library: ops adapts this to Prometheus snapshots. Calls with the same metric name form one
 * metric with one data point per call, in call order; the first call's help text names the metric.
 * Scrape time only, never the hot path, so the label varargs are fine here.
 */
public interface FeedMetricsSink
{
    /**
     * A monotonic count.
     *
     * @param labelPairs label name, value, name, value, ...; none for an unlabelled metric.
     */
    void counter(String name, String help, long value, String... labelPairs);

    /**
     * A value that goes up and down (connected, state codes, stale instruments).
     *
     * @param labelPairs label name, value, name, value, ...; none for an unlabelled metric.
     */
    void gauge(String name, String help, double value, String... labelPairs);
}
