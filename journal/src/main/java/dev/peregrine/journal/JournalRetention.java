package dev.peregrine.journal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deletes a journal's old roll-cycle files by a {@link RetentionPolicy}: by age (a file goes once its
 * cycle ended {@code maxAge} ago) and by total size (the oldest files go until the rest fit in
 * {@code maxBytes}). Only ever a prefix of the journal, oldest first, so what is left is one contiguous
 * run of files.
 *
 * <p>Never deleted, whatever the policy says:
 * <ul>
 *   <li>the file of the current cycle (the one being written) and anything newer;</li>
 *   <li>the newest {@code keepNewestFiles} files, which also protects readers in other processes that
 *       follow the end of the journal (they cannot register here);</li>
 *   <li>any file an open {@link JournalReader} of this process may still read ({@link JournalReaders}):
 *       the live engine's recovery reader, a replay, a tail;</li>
 *   <li>in a journal of format 2, the first file: it holds the only header. From format 3 every file
 *       starts with the header, so a journal stays readable after any prefix is deleted
 *       ({@link JournalReader#trimmed()} then says so, and a replay covers what is left).</li>
 * </ul>
 *
 * <p>Runs on the caller's thread, never a ring thread: the writer keeps appending while files are
 * deleted (it only ever touches the newest file).
 */
public final class JournalRetention
{
    /** What one {@link #apply()} did. */
    public record Result(List<Path> deleted, long bytesDeleted, int filesKept, long bytesKept)
    {
    }

    private final Path dir;
    private final RetentionPolicy policy;
    private final TimeProvider time;

    public JournalRetention(final Path dir, final RetentionPolicy policy)
    {
        this(dir, policy, SystemTimeProvider.INSTANCE);
    }

    /** @param time the clock cycles are aged by: the writer's, so tests need not wait for days */
    public JournalRetention(final Path dir, final RetentionPolicy policy, final TimeProvider time)
    {
        this.dir = dir;
        this.policy = policy;
        this.time = time;
    }

    /**
     * Applies the policy once.
     *
     * @throws JournalException naming the folder (and the file) when it is not a journal or a file cannot
     *                          be deleted; files deleted before the failure stay deleted
     */
    public Result apply()
    {
        JournalFolder.checkReadable(dir);
        // Writable (it creates nothing in an existing queue): refreshing the directory listing after deleting
        // must reach the queue's shared metadata, which read-only queues do not write.
        try (SingleChronicleQueue queue = JournalFolder.openQueue(dir, JournalWriter.DEFAULT_ROLL_CYCLE, false, time))
        {
            final short formatVersion = headerVersion(queue);
            final RollCycle rollCycle = queue.rollCycle();
            final List<CycleFile> files = list(rollCycle, queue.epoch());
            final long nowMillis = time.currentTimeMillis();
            final int currentCycle = queue.cycle();
            return JournalReaders.whileRegistrationsHeld(() ->
            {
                int protectedFrom = Math.min(currentCycle, JournalReaders.oldestCycleInUse(dir));
                if (files.size() >= policy.keepNewestFiles())
                {
                    protectedFrom = Math.min(protectedFrom, files.get(files.size() - policy.keepNewestFiles()).cycle);
                }
                if (formatVersion < JournalRecordCodec.FIRST_VERSION_WITH_HEADER_PER_FILE && !files.isEmpty())
                {
                    protectedFrom = Math.min(protectedFrom, files.get(0).cycle + 1);
                }
                long total = 0;
                for (final CycleFile f : files)
                {
                    total += f.size;
                }
                final List<Path> deleted = new ArrayList<>();
                long bytesDeleted = 0;
                for (final CycleFile f : files)
                {
                    if (f.cycle >= protectedFrom)
                    {
                        break;
                    }
                    final long endMillis = queue.epoch() + (f.cycle + 1L) * rollCycle.lengthInMillis();
                    final boolean expired = policy.maxAge() != null && endMillis <= nowMillis - policy.maxAge().toMillis();
                    final boolean overBudget = policy.maxBytes() > 0 && total > policy.maxBytes();
                    if (!expired && !overBudget)
                    {
                        break;
                    }
                    delete(f.path);
                    deleted.add(f.path);
                    bytesDeleted += f.size;
                    total -= f.size;
                }
                // Chronicle keeps the lowest cycle in its metadata: tell it, so new tailers start at the oldest file left.
                queue.refreshDirectoryListing();
                return new Result(List.copyOf(deleted), bytesDeleted, files.size() - deleted.size(), total);
            });
        }
    }

    private short headerVersion(final SingleChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer(); DocumentContext dc = tailer.toStart().readingDocument())
        {
            if (!dc.isPresent())
            {
                throw new JournalException("journal folder " + dir + " holds an empty queue: no header record");
            }
            return JournalRecordCodec.readHeader(dc.wire().bytes()).formatVersion();
        }
        catch (final JournalException e)
        {
            throw new JournalException(e.getMessage().startsWith("journal folder") ? e.getMessage() :
                "journal folder " + dir + " " + e.getMessage() + "; retention leaves it alone", e);
        }
    }

    private record CycleFile(Path path, int cycle, long size)
    {
    }

    /** The queue's data files, oldest first, with the cycle their name encodes (Chronicle names them by the cycle's UTC start). */
    private List<CycleFile> list(final RollCycle rollCycle, final long epoch)
    {
        final DateTimeFormatter format = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
        final List<CycleFile> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, JournalFolder.QUEUE_FILE_GLOB))
        {
            for (final Path p : stream)
            {
                final String name = p.getFileName().toString();
                final String stem = name.substring(0, name.length() - JournalFolder.QUEUE_FILE_SUFFIX.length());
                final long startMillis;
                try
                {
                    final TemporalAccessor t = format.parse(stem);
                    final LocalTime timeOfDay = t.query(TemporalQueries.localTime());
                    startMillis = LocalDateTime.of(t.query(TemporalQueries.localDate()),
                        timeOfDay == null ? LocalTime.MIDNIGHT : timeOfDay).toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                catch (final DateTimeParseException | NullPointerException e)
                {
                    continue; // not a file of this queue's roll cycle: not ours to delete
                }
                files.add(new CycleFile(p, (int)Math.floorDiv(startMillis - epoch, rollCycle.lengthInMillis()), Files.size(p)));
            }
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list journal folder " + dir + ": " + JournalException.describe(e), e);
        }
        files.sort(Comparator.comparingInt(CycleFile::cycle));
        return files;
    }

    private void delete(final Path file)
    {
        try
        {
            Files.delete(file);
        }
        catch (final NoSuchFileException gone)
        {
            // someone else deleted it: the outcome we wanted
        }
        catch (final IOException e)
        {
            throw new JournalException("journal retention cannot delete " + file + ": " + JournalException.describe(e), e);
        }
    }
}
