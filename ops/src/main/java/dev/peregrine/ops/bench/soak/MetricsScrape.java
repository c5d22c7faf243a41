package dev.peregrine.ops.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.TreeMap;

/**
 * One scrape of the daemon's {@code /metrics} (the Prometheus text format), reduced to what the soak charts:
 * the sum of a family over its labels, and the cumulative buckets of a histogram.
 */
final class MetricsScrape
{
    private final String text;

    private MetricsScrape(final String text)
    {
        this.text = text;
    }

    static MetricsScrape of(final String text)
    {
        return new MetricsScrape(text);
    }

    /**
     * As {@link #fetch}, asking again every second until {@code patience} has passed: a daemon starting up, or on a
     * machine busy enough to stall it for seconds, answers late; a soak is not to end on one slow scrape.
     */
    static MetricsScrape fetchPatiently(final HttpClient client, final URI metrics, final Duration patience)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + patience.toNanos();
        while (true)
        {
            try
            {
                return fetch(client, metrics);
            }
            catch (final IOException ex)
            {
                if (System.nanoTime() - deadline >= 0)
                {
                    throw new IOException(metrics + " did not answer within " + patience.toSeconds() + " s: " + ex, ex);
                }
                Thread.sleep(1_000);
            }
        }
    }

    static MetricsScrape fetch(final HttpClient client, final URI metrics) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
        {
            throw new IOException(metrics + " answered " + response.statusCode());
        }
        return new MetricsScrape(response.body());
    }

    /** The sum of every sample of {@code family} (all labels); 0 when absent. */
    double sum(final String family)
    {
        double sum = 0;
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(family) && line.length() > family.length() && (line.charAt(family.length()) == ' ' || line.charAt(family.length()) == '{'))
            {
                sum += value(line);
            }
        }
        return sum;
    }

    /** Cumulative bucket counts of histogram {@code family} (one label set, or all summed), by upper bound in seconds. */
    TreeMap<Double, Double> buckets(final String family)
    {
        final TreeMap<Double, Double> buckets = new TreeMap<>();
        final String prefix = family + "_bucket{";
        for (final String line : text.split("\n"))
        {
            if (line.startsWith(prefix))
            {
                final int le = line.indexOf("le=\"");
                final String bound = line.substring(le + 4, line.indexOf('"', le + 4));
                final double upper = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.merge(upper, value(line), Double::sum);
            }
        }
        return buckets;
    }

    private static double value(final String line)
    {
        // "name{labels} value [timestamp]" or "name value [timestamp]".
        final int close = line.lastIndexOf('}');
        final String rest = (close >= 0 ? line.substring(close + 1) : line.substring(line.indexOf(' '))).trim();
        final int space = rest.indexOf(' ');
        return Double.parseDouble(space < 0 ? rest : rest.substring(0, space));
    }

    /**
     * The value at {@code quantile} (0..1) of the observations between two scrapes' cumulative buckets, as
     * Prometheus's {@code histogram_quantile} does (linear inside a bucket); NaN when nothing was observed.
     */
    static double quantile(final TreeMap<Double, Double> before, final TreeMap<Double, Double> after, final double quantile)
    {
        final double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0)
        {
            return Double.NaN;
        }
        final double rank = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (final var bucket : after.entrySet())
        {
            final double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= rank)
            {
                if (bucket.getKey().isInfinite())
                {
                    return lowerBound;
                }
                final double inBucket = count - lowerCount;
                return inBucket <= 0 ? bucket.getKey() : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = count;
        }
        return lowerBound;
    }
}
