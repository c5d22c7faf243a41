package dev.peregrine.ops.bench.latency;

import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What a run measured: frame-out to order-in for the engine and for the floor (HdrHistogram, ns), how the orders
 * matched their frames, the engine's stage histograms, the collections during the measurement and the threads.
 *
 * <p>Matching is exact both ways: the floor's order names its frame ({@code floor-<n>}); the engine's order is tied
 * to the trade that caused it through the run's journal ({@link OrderCauses}). A trade frame that caused no order
 * (the first, which fills the crossover's averages, or one on which the strategy's target was already met by
 * orders in flight) is counted, not guessed at.
 */
record LatencyResult(Histogram engine, Histogram floor, int engineOrders, int engineMatched, int engineFramesWithoutOrder,
    int floorOrders, int floorMatched, long frames, long gcCollections, List<Stage> stages, List<String> threads,
    String waitStrategy, java.util.Map<String, Long> allocated, String warmup)
{
    /** One of the engine's own latency histograms: p50 and p99 in ns. */
    record Stage(String name, long p50, long p99)
    {
    }

    static LatencyResult match(final MarkedStream stream, final List<OrderArrivals.Arrival> arrivals, final OrderCauses causes,
        final long measureStart, final long measureEnd, final long frames, final long gcCollections, final List<Stage> stages,
        final List<String> threads, final String waitStrategy, final java.util.Map<String, Long> allocated,
        final String warmup)
    {
        final Histogram engine = WireLatencyRun.histogram();
        final Histogram floor = WireLatencyRun.histogram();
        final java.util.Map<Long, MarkedStream.Stamp> engineTrades = new java.util.HashMap<>();
        for (final MarkedStream.Stamp stamp : stream.engineTrades())
        {
            engineTrades.put(stamp.tradeId(), stamp);
        }
        final List<MarkedStream.Stamp> floorTrades = stream.floorTrades();
        int engineOrders = 0;
        int engineMatched = 0;
        int floorOrders = 0;
        int floorMatched = 0;
        for (final OrderArrivals.Arrival arrival : arrivals)
        {
            if (arrival.clientOrderId().startsWith(FloorResponder.CLIENT_ID_PREFIX))
            {
                floorOrders++;
                final int n = Integer.parseInt(arrival.clientOrderId().substring(FloorResponder.CLIENT_ID_PREFIX.length()));
                if (n < floorTrades.size() && floorTrades.get(n).side() == arrival.side())
                {
                    floorMatched++;
                    record(floor, floorTrades.get(n), arrival, measureStart, measureEnd);
                }
                continue;
            }
            if (!WireLatencyRun.ENGINE_PRODUCT.equals(arrival.productId()))
            {
                continue;
            }
            engineOrders++;
            for (final Long tradeId : causes.tradeIdsOf(arrival.clientOrderId()))
            {
                final MarkedStream.Stamp cause = engineTrades.get(tradeId);
                if (cause != null && cause.side() == arrival.side())
                {
                    engineMatched++;
                    record(engine, cause, arrival, measureStart, measureEnd);
                    break;
                }
            }
        }
        return new LatencyResult(engine, floor, engineOrders, engineMatched, stream.engineTrades().size() - engineMatched,
            floorOrders, floorMatched, frames, gcCollections, stages, threads, waitStrategy, allocated, warmup);
    }

    /** Only frames written inside the measurement count; the warm-up's are matched but not recorded. */
    private static void record(final Histogram histogram, final MarkedStream.Stamp frame, final OrderArrivals.Arrival arrival,
        final long measureStart, final long measureEnd)
    {
        if (frame.nanoTime() - measureStart >= 0 && frame.nanoTime() - measureEnd < 0 && arrival.nanoTime() > frame.nanoTime())
        {
            histogram.recordValue(arrival.nanoTime() - frame.nanoTime());
        }
    }

    void print(final PrintWriter out)
    {
        out.println("frames written during measurement: " + frames);
        out.println("                      count      p50      p90      p99    p99.9      max   (us, frame out -> order in)");
        row(out, "engine", engine);
        row(out, "floor", floor);
        out.printf(Locale.ROOT, "p50 ratio: %.2f%n", ratio(engine.getValueAtPercentile(50), floor.getValueAtPercentile(50)));
        out.printf(Locale.ROOT, "p99 ratio: %.2f%n", ratio(engine.getValueAtPercentile(99), floor.getValueAtPercentile(99)));
        out.println("engine orders: " + engineOrders + ", matched to their frame: " + engineMatched +
            " (trade frames that caused no order: " + engineFramesWithoutOrder + ")");
        out.println("floor orders: " + floorOrders + ", matched to their frame: " + floorMatched);
        out.println(warmup);
        out.println("engine stages (its own histograms, during measurement, us):");
        for (final Stage stage : stages)
        {
            out.printf(Locale.ROOT, "  %-32s p50 %8.1f  p99 %8.1f%n", stage.name(), stage.p50() / 1000.0, stage.p99() / 1000.0);
        }
        out.println("ring wait strategy: " + waitStrategy + "; cpus: " + Runtime.getRuntime().availableProcessors());
        out.println("threads: " + String.join(", ", threads));
        out.println("gc collections during measurement: " + gcCollections + " (the whole process: venue, emulator, floor and engine)");
        // Half the frames go to the engine's product: bytes per frame the engine was sent.
        final StringBuilder line = new StringBuilder("engine threads' allocation during measurement, bytes per engine frame:");
        for (final java.util.Map.Entry<String, Long> thread : allocated.entrySet())
        {
            line.append(String.format(Locale.ROOT, " %s %.1f;", thread.getKey(), thread.getValue() / Math.max(1.0, frames / 2.0)));
        }
        out.println(line);
    }

    private static void row(final PrintWriter out, final String name, final Histogram h)
    {
        out.printf(Locale.ROOT, "%-16s %10d %8.1f %8.1f %8.1f %8.1f %8.1f%n", name, h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
            h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static double ratio(final long engine, final long floor)
    {
        return floor == 0 ? Double.NaN : (double)engine / floor;
    }
}
