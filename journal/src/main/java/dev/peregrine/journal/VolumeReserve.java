package dev.peregrine.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a journal from ever writing into a page its volume cannot back. Chronicle Queue writes through a
 * memory mapping: on a full volume the write faults (SIGBUS) and the JVM reports it as an
 * {@link InternalError} only at some later point of the writing thread ("a fault occurred in a recent unsafe
 * memory access operation"), after the record was torn and after the writer may already have reported it
 * appended. So the journal stops before that: once the volume's usable space falls under the reserve, the
 * next append is refused with a {@link JournalException}, synchronously, on the record that would not fit,
 * and the journal ends clean at the record before.
 *
 * <p>Cost: the free space is read (one {@code statvfs}) once per {@link #CHECK_EVERY_BYTES} of records
 * written, not per record. The reserve covers what the writer touches between two reads, with room for
 * Chronicle's index pages and a new roll-cycle file; if another process fills the volume faster than that,
 * the fault still comes, later, and is reported as such (see {@link MappedFileFault}).
 *
 * <p>Threads: {@link #claim} on the one writing thread.
 */
final class VolumeReserve
{
    /** Space kept free on the journal's volume: far more than the writer touches between two checks. */
    static final long RESERVE_BYTES = 1L << 20;
    /** Bytes of records between two reads of the free space. */
    static final long CHECK_EVERY_BYTES = 64L << 10;

    private final Path dir;
    /** Null when the volume cannot be found (the reserve then never refuses; a fault is still reported). */
    private final FileStore store;
    /** Bytes charged since the last read; starts full, so the first record checks. */
    private long sinceCheck = CHECK_EVERY_BYTES;

    private VolumeReserve(final Path dir, final FileStore store)
    {
        this.dir = dir;
        this.store = store;
    }

    static VolumeReserve of(final Path dir)
    {
        FileStore store;
        try
        {
            store = Files.getFileStore(dir);
        }
        catch (final IOException e)
        {
            store = null;
        }
        return new VolumeReserve(dir, store);
    }

    /**
     * Charges a record of about {@code bytes} about to be written; refuses it when the volume is within the
     * reserve.
     *
     * @throws JournalException "No space left on device ..." naming the folder and the free space
     */
    void claim(final long bytes)
    {
        sinceCheck += bytes;
        if (sinceCheck < CHECK_EVERY_BYTES)
        {
            return;
        }
        sinceCheck = 0;
        check();
    }

    /** At open: a full volume is refused before Chronicle maps a page it cannot back, with what to do. */
    void checkAtOpen()
    {
        try
        {
            check();
        }
        catch (final JournalException e)
        {
            throw new JournalException("journal folder " + dir + " cannot be written: " + e.getMessage() +
                "; free space on that volume (or use a folder on a bigger one) and start again", e);
        }
    }

    /** Reads the free space now; throws as {@link #claim} does. */
    void check()
    {
        if (store == null)
        {
            return;
        }
        final long usable;
        final long total;
        try
        {
            usable = store.getUsableSpace();
            total = store.getTotalSpace();
        }
        catch (final IOException e)
        {
            return; // cannot tell: write on, a real fault is still caught and reported
        }
        if (usable < RESERVE_BYTES)
        {
            sinceCheck = CHECK_EVERY_BYTES; // check again on the next record (space may have been freed)
            throw new JournalException("No space left on device (the volume of " + dir + " has " +
                MappedFileFault.bytes(usable) + " free of " + MappedFileFault.bytes(total) + ", under the " +
                MappedFileFault.bytes(RESERVE_BYTES) + " the journal keeps free so that it never writes a page the " +
                "volume cannot back)");
        }
    }
}
