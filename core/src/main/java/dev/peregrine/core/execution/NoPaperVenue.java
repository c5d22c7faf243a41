package dev.peregrine.core.execution;

import dev.peregrine.core.output.Hash64;

/**
 * Live mode has no paper venue, but its journals' state hashes were recorded when live mode still carried
 * one that never received an order. This mixes exactly what such an idle {@link PaperVenue} mixed (three
 * empty action queues, nothing resting, no liquidity taken on any instrument, no capacity rejects), so a
 * live journal replays to the same state hash as before the venue was dropped.
 */
public final class NoPaperVenue
{
    private NoPaperVenue()
    {
    }

    /** The hash an idle paper venue over {@code instrumentCount} instruments gave after {@code seed}. */
    public static long hash(final long seed, final int instrumentCount)
    {
        long h = Hash64.mix(seed, 0L);  // arrivals: none queued
        h = Hash64.mix(h, 0L);          // cancels
        h = Hash64.mix(h, 0L);          // outgoing reports
        h = Hash64.mix(h, 0L);          // resting orders
        for (int instrument = 0; instrument < instrumentCount; instrument++)
        {
            h = Hash64.mix(h, 0L);      // liquidity taken since the last book message
        }
        return Hash64.mix(h, 0L);       // capacity rejects
    }
}
