package dev.peregrine.ops.bench.soak;

import java.util.Locale;

/**
 * One sample of the daemon during a soak, a row of the CSV. Latency percentiles are of the interval since the
 * previous sample (tick to decision, from the daemon's histogram), NaN when nothing was decided in it.
 *
 * @param seconds       since the daemon was ready
 * @param warm          whether warm-up had ended (growth is measured over warm samples only)
 * @param oldGenBytes   old generation after the latest collection of any kind
 * @param oldGenLiveBytes old generation after a full collection the soak asked for (the live set), -1 when this
 *                      sample did not ask for one
 */
record SoakSample(double seconds, boolean warm, long anonRssKib, long oldGenBytes, long oldGenLiveBytes, int threads, int fds,
    long gcCollections, long errors, long events, long orders, double p50Micros, double p99Micros)
{
    static final String HEADER =
        "seconds,warm,anon_rss_kib,old_gen_after_gc_bytes,old_gen_live_bytes,threads,fds,gc_collections,errors,events,orders,tick_to_decision_p50_us,tick_to_decision_p99_us";

    String csv()
    {
        return String.format(Locale.ROOT, "%.1f,%b,%d,%d,%s,%d,%d,%d,%d,%d,%d,%s,%s", seconds, warm, anonRssKib, oldGenBytes,
            oldGenLiveBytes < 0 ? "" : Long.toString(oldGenLiveBytes), threads, fds, gcCollections, errors, events, orders, micros(p50Micros), micros(p99Micros));
    }

    private static String micros(final double value)
    {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
