package dev.peregrine.core.market;

import dev.peregrine.core.output.Hash64;

/**
 * Whether each instrument's market data can be traded on, as told by FEED_STALE, FEED_GAP and
 * FEED_RECOVERED events, and by {@link MarketSanity} (a crossed book, a price that cannot be true); healthy
 * means none of them holds. Because those are journaled inputs, a replay sees the feed fail and recover
 * at the same events as the live run did. Owned by the core thread.
 */
public final class FeedHealth
{
    private final boolean[] unhealthy;
    private final long[] gaps;
    private final long[] staleEpisodes;
    /** The venue's book is crossed or locked (see {@link MarketSanity#afterBookMessage}). */
    private final boolean[] crossed;
    private final long[] crossedEpisodes;
    /** The last price judged was dropped as impossible (see {@link MarketSanity}). */
    private final boolean[] implausible;
    private final long[] implausibleEpisodes;

    public FeedHealth(final int instrumentCount)
    {
        unhealthy = new boolean[instrumentCount];
        gaps = new long[instrumentCount];
        staleEpisodes = new long[instrumentCount];
        crossed = new boolean[instrumentCount];
        crossedEpisodes = new long[instrumentCount];
        implausible = new boolean[instrumentCount];
        implausibleEpisodes = new long[instrumentCount];
    }

    public void onCrossed(final int instrumentId)
    {
        if (!crossed[instrumentId])
        {
            crossedEpisodes[instrumentId]++;
        }
        crossed[instrumentId] = true;
    }

    public void onUncrossed(final int instrumentId)
    {
        crossed[instrumentId] = false;
    }

    public void onImplausible(final int instrumentId)
    {
        if (!implausible[instrumentId])
        {
            implausibleEpisodes[instrumentId]++;
        }
        implausible[instrumentId] = true;
    }

    public void onPlausible(final int instrumentId)
    {
        implausible[instrumentId] = false;
    }

    public boolean isCrossed(final int instrumentId)
    {
        return crossed[instrumentId];
    }

    public boolean isImplausible(final int instrumentId)
    {
        return implausible[instrumentId];
    }

    public long crossedEpisodes(final int instrumentId)
    {
        return crossedEpisodes[instrumentId];
    }

    public long implausibleEpisodes(final int instrumentId)
    {
        return implausibleEpisodes[instrumentId];
    }

    /** True while at least one instrument's feed may be traded on. */
    public boolean anyHealthy()
    {
        for (int i = 0; i < unhealthy.length; i++)
        {
            if (isHealthy(i))
            {
                return true;
            }
        }
        return false;
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
        return !unhealthy[instrumentId] && !crossed[instrumentId] && !implausible[instrumentId];
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
            h = Hash64.mix(h, crossed[i] ? 1 : 0);
            h = Hash64.mix(h, crossedEpisodes[i]);
            h = Hash64.mix(h, implausible[i] ? 1 : 0);
            h = Hash64.mix(h, implausibleEpisodes[i]);
        }
        return h;
    }
}
