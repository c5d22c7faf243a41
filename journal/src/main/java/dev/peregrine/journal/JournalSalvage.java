package dev.peregrine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Rewrites a cut-short file, when the user accepted the loss, before anything appends to its queue.
 *
 * <p>Why: a cut-short file's Chronicle header still records the entries that are gone (the write
 * position, the sequence, the index). An appender trusts that header: it would write after the lost
 * entries, past a hole of zeros that every reader stops at, so whatever the engine journaled from then on
 * would never be replayed. So the good entries are copied, byte for byte and in order (each keeps its
 * queue index), into a fresh file of the same cycle made by Chronicle itself in a scratch folder, which
 * then takes the damaged file's place. The damaged file is kept beside it as {@code <name>.damaged}
 * (Chronicle and the journal ignore that name), so nothing is destroyed.
 */
final class JournalSalvage
{
    static final String DAMAGED_SUFFIX = ".damaged";

    private JournalSalvage()
    {
    }

    /** @return where the damaged original was moved */
    static Path rewrite(final Path queueDir, final RollCycle rollCycle, final JournalDamage damage)
    {
        final Path file = damage.file;
        final Path scratch = queueDir.resolve(".salvage-" + damage.cycle);
        final Path kept = file.resolveSibling(file.getFileName() + DAMAGED_SUFFIX);
        try
        {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            if (damage.lastGoodIndex >= 0)
            {
                copyGoodEntries(queueDir, scratch, rollCycle, damage);
            }
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            final Path rewritten = scratch.resolve(file.getFileName());
            if (Files.exists(rewritten))
            {
                Files.move(rewritten, file);
            }
            deleteTree(scratch);
            return kept;
        }
        catch (final IOException | RuntimeException e)
        {
            throw new JournalException("cannot set aside the damaged journal file " + file + ": " +
                JournalException.describe(e), e);
        }
    }

    private static void copyGoodEntries(final Path queueDir, final Path scratch, final RollCycle rollCycle,
        final JournalDamage damage)
    {
        final SetTimeProvider cycleTime = new SetTimeProvider(
            (long)damage.cycle * rollCycle.lengthInMillis() * 1_000_000L);
        final long first = rollCycle.toIndex(damage.cycle, 0);
        try (SingleChronicleQueue source = SingleChronicleQueueBuilder.binary(queueDir).readOnly(true).build();
             ExcerptTailer tailer = source.createTailer();
             SingleChronicleQueue target = SingleChronicleQueueBuilder.binary(scratch).rollCycle(rollCycle)
                 .timeProvider(cycleTime).build();
             ExcerptAppender appender = target.createAppender())
        {
            if (!tailer.moveToIndex(first))
            {
                throw new JournalException("cannot find the first entry of " + damage.file);
            }
            final Bytes<?> copy = Bytes.allocateElasticOnHeap(256);
            // Checked before each read: past the last good entry lie bytes past the end of the file, where a read faults.
            while (tailer.index() <= damage.lastGoodIndex)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    copy.clear();
                    copy.write(dc.wire().bytes());
                }
                try (DocumentContext out = appender.writingDocument())
                {
                    out.wire().bytes().write(copy);
                }
            }
        }
    }

    private static void deleteTree(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }
}
