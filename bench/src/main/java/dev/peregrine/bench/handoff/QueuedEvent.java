package dev.peregrine.bench.handoff;

/**
 * The message {@link QueueHandoff} passes: the input fields of an {@code InboundEvent} the benchmark
 * fills, in an immutable object allocated per message. A queue cannot safely reuse a message the
 * consumer may still be reading, so one object per message is the queue's honest cost. It is
 * deliberately leaner than {@code InboundEvent} (no pre-allocated order array), so the queue is not
 * charged for allocating objects it would never need.
 */
public final class QueuedEvent
{
    /** Tells the consumer to stop; compared by identity. */
    static final QueuedEvent STOP = new QueuedEvent(0, 0, -1, 0, 0, 0, 0);

    public final int type;
    public final int instrumentId;
    public final long venueSequence;
    public final long eventTimeNanos;
    public final long price;
    public final long quantity;
    public final int side;

    public QueuedEvent(
        final int type,
        final int instrumentId,
        final long venueSequence,
        final long eventTimeNanos,
        final long price,
        final long quantity,
        final int side)
    {
        this.type = type;
        this.instrumentId = instrumentId;
        this.venueSequence = venueSequence;
        this.eventTimeNanos = eventTimeNanos;
        this.price = price;
        this.quantity = quantity;
        this.side = side;
    }
}
