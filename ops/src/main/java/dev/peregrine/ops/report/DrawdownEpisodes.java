package dev.peregrine.ops.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every drawdown of the equity after each event, as episodes: from a peak, down to the trough, until the
 * equity is back at the peak (recovery), or open at the end. Keeps the {@value #KEPT} deepest; O(1) per
 * event, bounded memory (pruned back to the deepest whenever {@value #PRUNE_AT} are held).
 */
public final class DrawdownEpisodes
{
    public static final int KEPT = 10;
    private static final int PRUNE_AT = 1_000;
    private static final Comparator<Episode> DEEPEST_FIRST = Comparator.comparingDouble(Episode::depth).reversed()
        .thenComparingLong(Episode::startNanos);

    private final List<Episode> episodes = new ArrayList<>();
    private double peak = Double.NaN;
    private long peakNanos;
    private double trough;
    private long troughNanos;
    private boolean under;

    /**
     * One drawdown.
     *
     * @param startNanos    the peak it fell from
     * @param troughNanos   the lowest equity
     * @param recoveryNanos back at the peak; -1 when it had not recovered by the end
     * @param depth         (peak - trough) / peak
     * @param depthQuote    peak - trough, quote currency
     */
    public record Episode(long startNanos, long troughNanos, long recoveryNanos, double depth, double depthQuote)
    {
        public boolean recovered()
        {
            return recoveryNanos >= 0;
        }
    }

    public void observe(final long timeNanos, final double equity)
    {
        if (Double.isNaN(peak))
        {
            peak = equity;
            peakNanos = timeNanos;
            return;
        }
        if (equity >= peak)
        {
            if (under)
            {
                add(new Episode(peakNanos, troughNanos, timeNanos, depth(), peak - trough));
                under = false;
            }
            peak = equity;
            peakNanos = timeNanos;
            return;
        }
        if (!under || equity < trough)
        {
            trough = equity;
            troughNanos = timeNanos;
            under = true;
        }
    }

    /** Closes an open drawdown as unrecovered; call once after the last event. */
    public void finish()
    {
        if (under)
        {
            add(new Episode(peakNanos, troughNanos, -1, depth(), peak - trough));
            under = false;
        }
        prune();
    }

    private double depth()
    {
        return peak > 0 ? (peak - trough) / peak : 0.0;
    }

    private void add(final Episode episode)
    {
        episodes.add(episode);
        if (episodes.size() >= PRUNE_AT)
        {
            prune();
        }
    }

    private void prune()
    {
        episodes.sort(DEEPEST_FIRST);
        while (episodes.size() > KEPT)
        {
            episodes.remove(episodes.size() - 1);
        }
    }

    /** The deepest episodes, deepest first; call after {@link #finish()}. */
    public List<Episode> worst()
    {
        return List.copyOf(episodes);
    }
}
