package dev.peregrine.core.snapshot;

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
}
