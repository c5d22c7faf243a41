package dev.peregrine.journal.snapshot;

/** A snapshot file that cannot be used; the message completes "snapshot FILE ...". */
final class SnapshotFileException extends RuntimeException
{
    SnapshotFileException(final String message)
    {
        super(message, null, false, false);
    }
}
