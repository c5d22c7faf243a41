package dev.peregrine.core.snapshot;

import java.lang.reflect.Field;

/**
 * A state snapshot that does not fit the engine it is read into: another format, other settings (an
 * instrument, a strategy or a window length that differs), or damaged bytes. The engine it was read into
 * is then in an unknown state and must be rebuilt; recovery falls back to an older snapshot or a full
 * replay.
 */
public final class SnapshotMismatchException extends RuntimeException
{
    public SnapshotMismatchException(final String message)
    {
        super(message);
    }

    public SnapshotMismatchException(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    /** A field whose value in the engine (a final one: a setting) differs from the snapshot's. */
    static SnapshotMismatchException forField(final Field field, final Object engine, final Object snapshot)
    {
        return new SnapshotMismatchException(field.getDeclaringClass().getSimpleName() + "." + field.getName() +
            " is " + describe(engine) + " in this engine but " + describe(snapshot) +
            " in the snapshot: it was taken under other settings");
    }

    private static String describe(final Object value)
    {
        return value == null ? "null" : value instanceof String || value instanceof Number || value instanceof Enum ?
            String.valueOf(value) : "another " + value.getClass().getSimpleName();
    }
}
