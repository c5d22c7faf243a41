package dev.peregrine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * How much disk a journal folder takes and how much its volume has left, for the metrics
 * ({@code peregrine_journal_disk_*}) and {@code peregrine journal stats}.
 *
 * <p>Cheap to ask often: a scrape calls {@link #snapshot()} on the HTTP thread, which walks the folder
 * at most once per refresh interval (one second by default) and otherwise returns the cached figures.
 * Nothing here runs on a ring thread. Sizes are the files' lengths: Chronicle pre-allocates its
 * {@code .cq4} files sparsely, so the length of the file being written is an upper bound of the blocks
 * it holds (the free-space figure, read from the volume, is exact).
 *
 * <p>Thread-safe: {@link #snapshot()} is synchronized, and the returned {@link Snapshot} is immutable.
 */
public final class JournalDiskUsage
{
    /**
     * One reading.
     *
     * @param files      regular files under the folder (the decision journal's included)
     * @param queueFiles Chronicle data files ({@code .cq4}) among them
     * @param bytes      total length of those files
     * @param freeBytes  bytes the volume still has for this process ({@link FileStore#getUsableSpace()})
     * @param totalBytes size of the volume
     */
    public record Snapshot(long files, long queueFiles, long bytes, long freeBytes, long totalBytes)
    {
        /** Free space as a fraction of the volume, 0 to 1 (1 when the volume reports no size). */
        public double freeRatio()
        {
            return totalBytes <= 0 ? 1.0 : (double)freeBytes / totalBytes;
        }
    }

    /** Default refresh interval: metrics are scraped every few seconds, a folder walk is not free. */
    public static final long DEFAULT_REFRESH_NANOS = 1_000_000_000L;

    private final Path dir;
    private final long refreshNanos;
    private final LongSupplier nanoClock;
    private Snapshot cached;
    private long cachedAtNanos;

    /** Refreshes at most once a second, timed by {@link System#nanoTime()}. */
    public JournalDiskUsage(final Path dir)
    {
        this(dir, DEFAULT_REFRESH_NANOS, System::nanoTime);
    }

    /** @param nanoClock monotonic nanoseconds; tests pass their own so no test waits for the wall clock */
    public JournalDiskUsage(final Path dir, final long refreshNanos, final LongSupplier nanoClock)
    {
        if (refreshNanos < 0)
        {
            throw new IllegalArgumentException("refresh interval must be >= 0 ns, got " + refreshNanos);
        }
        this.dir = dir;
        this.refreshNanos = refreshNanos;
        this.nanoClock = nanoClock;
    }

    /** The figures, at most one refresh interval old. */
    public synchronized Snapshot snapshot()
    {
        final long now = nanoClock.getAsLong();
        if (cached == null || now - cachedAtNanos >= refreshNanos)
        {
            cached = measure(dir);
            cachedAtNanos = now;
        }
        return cached;
    }

    public Path directory()
    {
        return dir;
    }

    /**
     * Measures {@code dir} now. A missing folder counts as empty (the engine may not have created it
     * yet); files deleted while the walk runs (retention) are skipped.
     *
     * @throws JournalException naming the folder if it cannot be listed
     */
    public static Snapshot measure(final Path dir)
    {
        long files = 0;
        long queueFiles = 0;
        long bytes = 0;
        if (Files.isDirectory(dir))
        {
            try (Stream<Path> walk = Files.walk(dir))
            {
                for (final Path p : (Iterable<Path>)walk::iterator)
                {
                    final long size = sizeOrMinusOne(p);
                    if (size >= 0)
                    {
                        files++;
                        bytes += size;
                        if (p.getFileName().toString().endsWith(JournalFolder.QUEUE_FILE_SUFFIX))
                        {
                            queueFiles++;
                        }
                    }
                }
            }
            catch (final IOException | UncheckedIOException e)
            {
                throw new JournalException("cannot measure journal folder " + dir + ": " + JournalException.describe(e), e);
            }
        }
        long free = 0;
        long total = 0;
        try
        {
            final FileStore store = Files.getFileStore(Files.isDirectory(dir) ? dir : existingParent(dir));
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot read the free space of the volume of journal folder " + dir + ": " +
                JournalException.describe(e), e);
        }
        return new Snapshot(files, queueFiles, bytes, free, total);
    }

    private static long sizeOrMinusOne(final Path p)
    {
        try
        {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        }
        catch (final NoSuchFileException gone)
        {
            return -1;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existingParent(final Path dir)
    {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p))
        {
            p = p.getParent();
        }
        if (p == null)
        {
            throw new JournalException("journal folder " + dir + " has no existing parent folder");
        }
        return p;
    }
}
