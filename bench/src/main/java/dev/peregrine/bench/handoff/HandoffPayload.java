package dev.peregrine.bench.handoff;

/**
 * The values a producer writes for event number {@code sequence}, shared by both hand-offs so they
 * carry the same data and a test can recompute what the consumer must have seen.
 */
public final class HandoffPayload
{
    public static final int INSTRUMENT_ID = 7;

    private HandoffPayload()
    {
    }

    public static long price(final long sequence)
    {
        return 6_500_000_000L + (sequence & 1023);
    }

    public static long quantity(final long sequence)
    {
        return 1 + (sequence & 255);
    }

    /** The checksum {@link ConsumedEvents} must reach after events 1..{@code lastSequence}. */
    public static long expectedChecksum(final long lastSequence)
    {
        long checksum = 0;
        for (long sequence = 1; sequence <= lastSequence; sequence++)
        {
            checksum += price(sequence) * 31 + quantity(sequence);
        }
        return checksum;
    }
}
