package dev.peregrine.journal;

import net.openhft.chronicle.queue.RollCycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one check that a journal's files hold everything Chronicle recorded writing to them, run by every
 * reader and writer of a queue folder ({@link JournalReader}, {@link DecisionJournalReader},
 * {@link JournalWriter}, {@link DecisionJournal}) before Chronicle maps a file (and, writable, extends a
 * short one back to full size with zeros).
 *
 * <p>A file is <b>cut short</b> when its store header's write position (the start of the last document
 * written, updated on every append; see {@link QueueFileScan}) names a document the file no longer
 * holds: the file ends before it, or the documents that can be read end before it (a file a writer
 * already extended again). This is what {@code truncate}, a partial copy or a lost tail of a file leaves.
 *
 * <p>Not damage:
 * <ul>
 *   <li>a torn tail: the one last document, at the write position, incomplete or unreadable in a file of
 *   full length. That is what a crash or a power loss mid-write leaves; {@link JournalReader} reports it as
 *   {@code tornTail} and a restarting engine marks it;</li>
 *   <li>documents after the write position (a crash between writing a document and updating the header);</li>
 *   <li>files missing from the start, deleted by {@link JournalRetention}: only the files present are
 *   checked, and each one on its own;</li>
 *   <li>a missing end-of-file marker: a run that stopped before its cycle ended leaves none.</li>
 * </ul>
 *
 * <p>On damage: a {@link JournalException} whose one line names the file and the last good index, unless
 * this process was told to accept the loss ({@link #acceptTruncation}, the CLI's {@value #ACCEPT_FLAG}); then
 * one WARNING line per damaged file says what was lost, and readers read what is left (see
 * {@link AcceptedLoss}). The choice is process-wide because it is the user's, for the one command a
 * process runs, and every reader that command opens (report and backtest open a journal several times)
 * must make the same one.
 */
public final class JournalIntegrity
{
    /** The command-line flag every command that reads or appends to a journal takes to accept a cut-short file. */
    public static final String ACCEPT_FLAG = "--accept-truncated";

    /**
     * How long a reader waits for a live writer to finish creating a file: up to 2 s (200 looks 10 ms apart), since a
     * writer descheduled on a loaded machine took more than the 100 ms this was once (CI saw it); a file that holds
     * its header is seen at the next look, so only a file really cut to nothing costs the whole wait.
     */
    private static final int CREATION_LOOKS = 200;
    private static final long CREATION_PAUSE_NANOS = 10_000_000L;

    private static volatile Consumer<String> acceptedLossWarnings;
    /** Files already warned about in this process, so a command that opens a journal twice warns once. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private JournalIntegrity()
    {
    }

    /** From now on, in this process, a cut-short file is read up to its last good entry, with a WARNING line sent to {@code warnings}. */
    public static void acceptTruncation(final Consumer<String> warnings)
    {
        WARNED.clear();
        acceptedLossWarnings = warnings;
    }

    /** Back to refusing cut-short files (the default). */
    public static void refuseTruncation()
    {
        acceptedLossWarnings = null;
        WARNED.clear();
    }

    public static boolean truncationAccepted()
    {
        return acceptedLossWarnings != null;
    }

    /**
     * Checks every {@code .cq4} file of the queue in {@code queueDir}.
     *
     * @param rollCycle the queue's roll cycle, to name entries by their queue index
     * @return the accepted losses (empty when nothing is damaged), for the reader to step over
     * @throws JournalException on the first damaged file, unless truncation is accepted
     */
    static AcceptedLoss check(final Path queueDir, final RollCycle rollCycle)
    {
        final List<Inspected> files = inspectSettled(queueDir, rollCycle);
        final List<JournalDamage> damages = damagesOf(files);
        if (damages.isEmpty())
        {
            return AcceptedLoss.NONE;
        }
        final Consumer<String> warnings = acceptedLossWarnings;
        if (warnings == null)
        {
            throw JournalException.damaged(damages.get(0).refusal());
        }
        for (final JournalDamage damage : damages)
        {
            if (WARNED.add(damage.file.toAbsolutePath()))
            {
                warnings.accept(damage.warning());
            }
        }
        // Every file's last readable entry, not only the damaged ones': the reader then moves from file to
        // file itself, because Chronicle's own move to the next file would read into a file with nothing left
        // (past its end). The last file is left open-ended when it is whole (a live writer may be appending).
        final TreeMap<Integer, Long> lastGood = new TreeMap<>();
        for (int i = 0; i < files.size(); i++)
        {
            final Inspected f = files.get(i);
            if (f.damage != null)
            {
                lastGood.put(f.cycle, f.damage.lastGoodSequence);
            }
            else if (i < files.size() - 1)
            {
                lastGood.put(f.cycle, f.scan.entries() - 1);
            }
        }
        return new AcceptedLoss(rollCycle, lastGood);
    }

    /**
     * The check for a writer, before it opens the queue writable: a cut-short file is refused, or (loss
     * accepted) rewritten with its good entries ({@link JournalSalvage}) so appends land where readers find them.
     */
    static void checkBeforeAppending(final Path queueDir, final RollCycle expected)
    {
        final List<Path> files = queueFiles(queueDir);
        if (files.isEmpty())
        {
            return;
        }
        final RollCycle rollCycle = files.stream().allMatch(f -> QueueFileCycle.of(f, expected) >= 0) ? expected :
            rollCycleOf(queueDir);
        final List<JournalDamage> damages = inspect(queueDir, rollCycle);
        if (damages.isEmpty())
        {
            return;
        }
        final Consumer<String> warnings = acceptedLossWarnings;
        if (warnings == null)
        {
            throw JournalException.damaged(damages.get(0).refusal());
        }
        for (final JournalDamage damage : damages)
        {
            final Path kept = JournalSalvage.rewrite(queueDir, rollCycle, damage);
            WARNED.add(damage.file.toAbsolutePath());
            warnings.accept(damage.warning() + "; appending after the last good entry, the damaged file kept as " +
                kept.getFileName());
        }
    }

    /** The queue's own roll cycle, from its metadata (read-only: no data file is mapped), when its files are named by another. */
    private static RollCycle rollCycleOf(final Path queueDir)
    {
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue probe =
                 JournalFolder.openQueue(queueDir, JournalWriter.DEFAULT_ROLL_CYCLE, true))
        {
            return probe.rollCycle();
        }
    }

    /** Every damaged file of the queue, oldest first; empty when all are whole. */
    public static List<JournalDamage> inspect(final Path queueDir, final RollCycle rollCycle)
    {
        return damagesOf(inspectAll(queueDir, rollCycle));
    }

    /**
     * {@link #inspectAll}, for a reader that may be reading a live journal: the writer creates each new cycle's
     * file empty and writes its header a moment later, so an empty newest file is looked at again for a while
     * before it counts as cut short (a file cut to nothing stays empty).
     */
    private static List<Inspected> inspectSettled(final Path queueDir, final RollCycle rollCycle)
    {
        List<Inspected> files = inspectAll(queueDir, rollCycle);
        for (int look = 0; look < CREATION_LOOKS && newestIsEmpty(files); look++)
        {
            LockSupport.parkNanos(CREATION_PAUSE_NANOS);
            files = inspectAll(queueDir, rollCycle);
        }
        return files;
    }

    private static boolean newestIsEmpty(final List<Inspected> files)
    {
        return !files.isEmpty() && files.get(files.size() - 1).scan.fileSize() == 0;
    }

    /** One queue file as scanned: its cycle, what it holds, and its damage (null when whole). */
    private record Inspected(Path file, int cycle, QueueFileScan scan, JournalDamage damage)
    {
    }

    private static List<JournalDamage> damagesOf(final List<Inspected> files)
    {
        final List<JournalDamage> damages = new ArrayList<>();
        for (final Inspected f : files)
        {
            if (f.damage != null)
            {
                damages.add(f.damage);
            }
        }
        return damages;
    }

    private static List<Inspected> inspectAll(final Path queueDir, final RollCycle rollCycle)
    {
        final List<Inspected> inspected = new ArrayList<>();
        for (final Path file : queueFiles(queueDir))
        {
            final QueueFileScan scan;
            try
            {
                scan = QueueFileScan.of(file);
            }
            catch (final java.nio.file.NoSuchFileException e)
            {
                continue; // deleted by retention since the listing: gone on purpose, not damage
            }
            catch (final IOException | UncheckedIOException e)
            {
                throw new JournalException("cannot read journal file " + file + ": " + JournalException.describe(e), e);
            }
            inspected.add(new Inspected(file, QueueFileCycle.of(file, rollCycle), scan, judge(file, scan, rollCycle)));
        }
        return inspected;
    }

    private static JournalDamage judge(final Path file, final QueueFileScan scan, final RollCycle rollCycle)
    {
        final int cycle = QueueFileCycle.of(file, rollCycle);
        if (!scan.initialized())
        {
            return null; // Chronicle was creating it when its writer stopped: nothing was written to it
        }
        if (!scan.headerReadable())
        {
            return new JournalDamage(file, cycle, rollCycle, -1, -1, scan);
        }
        if (scan.reachedWritePosition() || scan.writePosition() == 0)
        {
            // 0: Chronicle's value before the file's first append; the header names no document to miss
            // (a reader of a live journal meets every new cycle's file in that state for a moment).
            return null;
        }
        final boolean onlyTheLastIsMissing = scan.dataEnd() == scan.writePosition();
        final boolean fileEndsInsideData = scan.fileSize() < scan.writePosition() + 4;
        if (onlyTheLastIsMissing && !fileEndsInsideData)
        {
            return null; // a torn tail in a file of full length: the reader reports it
        }
        final long lastGoodSequence = scan.entries() - 1;
        return new JournalDamage(file, cycle, rollCycle, lastGoodSequence, scan.lastWrittenSequence(), scan);
    }

    private static List<Path> queueFiles(final Path queueDir)
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(queueDir))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(queueDir, JournalFolder.QUEUE_FILE_GLOB))
        {
            stream.forEach(files::add);
        }
        catch (final IOException e)
        {
            throw new JournalException("cannot list journal folder " + queueDir + ": " + JournalException.describe(e), e);
        }
        files.sort(null);
        return files;
    }
}
