package dev.peregrine.core.snapshot;

/**
 * The record kinds of a state stream (see {@link StateWriter} for the layout). Changing a value or a
 * meaning needs a new {@link StateWriter#FORMAT_VERSION}.
 */
final class StateTags
{
    static final byte NULL = 0;
    /** int: id of an object written earlier in this stream (shared references stay shared). */
    static final byte REF = 1;
    /** class, then each field in {@link StateLayout#fields} order. */
    static final byte OBJECT = 2;
    /** class, int length, then each element. */
    static final byte ARRAY = 3;
    /** a UTF-8 string. */
    static final byte STRING = 4;
    /** class, int ordinal. */
    static final byte ENUM = 5;
    /** nothing: the object is not the core's state (see {@link StateLayout#walked}); the reader leaves the field as it is. */
    static final byte OPAQUE = 6;
    static final byte LONG = 7;
    static final byte INT = 8;
    static final byte DOUBLE = 9;
    static final byte BOOLEAN = 10;
    /** a UTF-8 string: what a recorded failure's {@code toString()} printed (see {@link RestoredFailure}). */
    static final byte FAILURE = 11;

    private StateTags()
    {
    }
}
