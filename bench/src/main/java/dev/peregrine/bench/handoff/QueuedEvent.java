package dev.peregrine.bench.handoff;

/**
 * The message {@link QueueHandoff} passes: the input fields of an {@code InboundEvent} the benchmark
 * fills, in an immutable object allocated per message. A queue cannot safely reuse a message the
 * consumer may still be reading, so one object per message is the queue's honest cost. It is
 * deliberately leaner than {@code InboundEvent} (no pre-allocated order array), so the queue is not
 * charged for allocating objects it would never need.
 */
public record QueuedEvent(
    int type,
    int instrumentId,
    long venueSequence,
    long eventTimeNanos,
    long price,
    long quantity,
    int side)
{
    /** Tells the consumer to stop; compared by identity. */
    static final QueuedEvent STOP = new QueuedEvent(0, 0, -1, 0, 0, 0, 0);
}
