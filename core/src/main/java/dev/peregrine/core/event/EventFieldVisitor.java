package dev.peregrine.core.event;

/**
 * Receives the payload fields of one event in journal record order ({@link EventDescriptor#visit}); the
 * journal's JSON and text renderers implement it, so they show exactly what the journal records without a
 * switch of their own.
 */
public interface EventFieldVisitor
{
    /** A FixedPoint scaled price, quantity, increment or fee. */
    void decimal(String fieldName, long scaled);

    /** A plain integer: an id, a sequence number, nanoseconds. */
    void integer(String fieldName, long value);

    /** The side, as a {@link Side} code. */
    void side(String fieldName, int side);
}
