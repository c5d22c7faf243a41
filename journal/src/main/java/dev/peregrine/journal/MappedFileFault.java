package dev.peregrine.journal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Names what a failed access to a journal's memory-mapped files means. Chronicle Queue maps its files
 * (sparse, tens of MiB each) and writes and reads them as memory; when the volume cannot back a page (a
 * full disk, a full tmpfs, where even reading an unwritten page needs one) the kernel signals SIGBUS and
 * the JVM raises an {@link InternalError} ("a fault occurred in a recent unsafe memory access operation")
 * from whatever touched the page, with no file name and no errno. This turns it into the cause an operator
 * can act on, by looking at the volume's free space.
 */
public final class MappedFileFault
{
    /** Below this many free bytes a volume counts as full: less than one page of a Chronicle file's growth. */
    private static final long FULL_BELOW_BYTES = 1L << 20;

    private MappedFileFault()
    {
    }

    /** True for the error a fault on a mapped page becomes (the JVM's InternalError). */
    public static boolean is(final Throwable failure)
    {
        return failure instanceof InternalError;
    }

    /**
     * One line: "No space left on device (the volume of DIR has 0 bytes free of 8.0 MiB)" when the volume is
     * full, else the fault as it came, with the free space beside it.
     */
    public static String describe(final Path dir, final Throwable failure)
    {
        if (failure instanceof JournalException)
        {
            return JournalException.describe(failure); // ours (VolumeReserve): it already names the volume
        }
        final String space = freeSpace(dir);
        if (is(failure) && volumeFull(dir))
        {
            return "No space left on device (" + space + "; a page of a memory-mapped journal file could not be allocated)";
        }
        final String text = JournalException.describe(failure);
        return (is(failure) ? "a page of a memory-mapped journal file could not be accessed (" + text + ")" : text) +
            (space.isEmpty() ? "" : "; " + space);
    }

    /** Whether the volume holding {@code dir} has (almost) no room left; false when it cannot be told. */
    public static boolean volumeFull(final Path dir)
    {
        final FileStore store = store(dir);
        try
        {
            return store != null && store.getUsableSpace() < FULL_BELOW_BYTES;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static String freeSpace(final Path dir)
    {
        final FileStore store = store(dir);
        if (store == null)
        {
            return "";
        }
        try
        {
            return "the volume of " + dir + " has " + bytes(store.getUsableSpace()) + " free of " + bytes(store.getTotalSpace());
        }
        catch (final IOException e)
        {
            return "";
        }
    }

    private static FileStore store(final Path dir)
    {
        Path at = dir.toAbsolutePath();
        while (at != null && !Files.exists(at))
        {
            at = at.getParent();
        }
        try
        {
            return at == null ? null : Files.getFileStore(at);
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    static String bytes(final long count)
    {
        if (count < 1024)
        {
            return count + " bytes";
        }
        final String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1)
        {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
