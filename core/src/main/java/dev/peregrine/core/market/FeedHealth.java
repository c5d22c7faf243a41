package dev.peregrine.core.market;

import dev.peregrine.core.output.Hash64;

/**
 * Whether each instrument's market data can be traded on, as told by FEED_STALE, FEED_GAP and
 * FEED_RECOVERED events. Because those are journaled inputs, a replay sees the feed fail and recover
 * at the same events as the live run did. Owned by the core thread.
 */
public final class FeedHealth
{
    private final boolean[] unhealthy;
    private final long[] gaps;
    private final long[] staleEpisodes;

    public FeedHealth(final int instrumentCount)
    {
        unhealthy = new boolean[instrumentCount];
        gaps = new long[instrumentCount];
        staleEpisodes = new long[instrumentCount];
    }

    public void onStale(final int instrumentId)
    {
        if (!unhealthy[instrumentId])
        {
            staleEpisodes[instrumentId]++;
        }
        unhealthy[instrumentId] = true;
    }

    public void onGap(final int instrumentId)
    {
        gaps[instrumentId]++;
        unhealthy[instrumentId] = true;
    }

    public void onRecovered(final int instrumentId)
    {
        unhealthy[instrumentId] = false;
    }

    public boolean isHealthy(final int instrumentId)
    {
        return !unhealthy[instrumentId];
    }

    public long gaps(final int instrumentId)
    {
        return gaps[instrumentId];
    }

    public long staleEpisodes(final int instrumentId)
    {
        return staleEpisodes[instrumentId];
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < unhealthy.length; i++)
        {
            h = Hash64.mix(h, unhealthy[i] ? 1 : 0);
            h = Hash64.mix(h, gaps[i]);
            h = Hash64.mix(h, staleEpisodes[i]);
        }
        return h;
    }
}
