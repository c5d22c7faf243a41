package dev.peregrine.bench.handoff;

/**
 * Fails a benchmark trial whose consumer lost, repeated or reordered an event: a fast number from
 * broken code is worse than no number.
 */
public final class HandoffChecks
{
    private HandoffChecks()
    {
    }

    /** Call after {@link Handoff#sendAndAwait} has returned, so the consumer's counters are visible. */
    public static void assertDeliveredInOrder(final Handoff handoff)
    {
        final ConsumedEvents consumed = handoff.consumed();
        final long published = handoff.lastPublished();
        if (consumed.outOfOrderCount() != 0 || consumed.count() != published || consumed.lastSequence() != published)
        {
            throw new IllegalStateException(
                handoff.getClass().getSimpleName() + " delivered events wrongly: published " + published +
                ", consumed " + consumed.count() + ", last sequence " + consumed.lastSequence() +
                ", out of order " + consumed.outOfOrderCount());
        }
    }
}
