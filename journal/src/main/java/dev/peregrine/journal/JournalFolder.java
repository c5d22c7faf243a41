package dev.peregrine.journal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks on a journal folder that run before Chronicle touches it, so an operator gets one line
 * naming the folder and the fix instead of a Chronicle stack trace.
 */
final class JournalFolder
{
    /** Chronicle Queue's data files; the {@code .cq4t} metadata file alone is not a journal. */
    static final String QUEUE_FILE_SUFFIX = ".cq4";
    static final String QUEUE_FILE_GLOB = "*" + QUEUE_FILE_SUFFIX;

    private JournalFolder()
    {
    }

    /** Creates the folder if needed and proves it writable by creating and deleting a probe file. */
    static void prepareForWriting(final Path dir)
    {
        if (Files.exists(dir) && !Files.isDirectory(dir))
        {
            throw new JournalException("journal folder " + dir + " is not a directory (it is a file); " +
                "point the journal at a directory");
        }
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException | SecurityException e)
        {
            throw new JournalException("cannot create journal folder " + dir + ": " + JournalException.describe(e), e);
        }
        // Files.isWritable only reads permission bits (and says yes to root); a real file creation
        // also catches read-only mounts and full quotas before the engine starts trading.
        try
        {
            final Path probe = Files.createTempFile(dir, ".peregrine-write-probe", ".tmp");
            Files.delete(probe);
        }
        catch (final IOException | SecurityException e)
        {
            throw new JournalException("journal folder " + dir + " is not writable: " + JournalException.describe(e), e);
        }
    }

    /** Checks there is a queue to read, without creating anything in the folder. */
    static void checkReadable(final Path dir)
    {
        if (!Files.exists(dir))
        {
            throw JournalException.notAJournal("journal folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir))
        {
            throw JournalException.notAJournal("journal folder " + dir + " is not a directory (it is a file)");
        }
        if (!hasQueueFiles(dir))
        {
            throw JournalException.notAJournal("journal folder " + dir + " holds no journal (no Chronicle Queue " +
                QUEUE_FILE_GLOB + " files)");
        }
    }

    static boolean hasQueueFiles(final Path dir)
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, QUEUE_FILE_GLOB))
        {
            return files.iterator().hasNext();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list journal folder " + dir + ": " + JournalException.describe(e), e);
        }
    }

    static SingleChronicleQueue openQueue(final Path dir, final RollCycle rollCycle, final boolean readOnly)
    {
        return openQueue(dir, rollCycle, readOnly, SystemTimeProvider.INSTANCE);
    }

    /** @param time what Chronicle rolls files by; tests pass a settable one to roll without waiting */
    static SingleChronicleQueue openQueue(final Path dir, final RollCycle rollCycle, final boolean readOnly,
        final TimeProvider time)
    {
        try
        {
            return SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).readOnly(readOnly).timeProvider(time).build();
        }
        catch (final RuntimeException | InternalError e)
        {
            throw new JournalException("cannot open the Chronicle queue in journal folder " + dir + ": " +
                MappedFileFault.describe(dir, e), e);
        }
    }
}
