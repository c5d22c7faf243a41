package dev.peregrine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Damage as a crash or a power loss leaves it, done to a Chronicle queue folder (an input journal or a decision
 * journal) for the torn-tail tests: where each document lies, and a last record whose second half never reached
 * the disk.
 */
final class QueueTearing
{
    private QueueTearing()
    {
    }

    /** Queue index, file offset of the length word and end of every document, read by Chronicle before any cut. */
    static List<long[]> documents(final Path queueDir)
    {
        final List<long[]> docs = new ArrayList<>();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(queueDir).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    docs.add(new long[] {dc.index(), bytes.readPosition() - 4, bytes.readLimit()});
                }
            }
        }
        return docs;
    }

    /**
     * Zeroes the second half of the last document of the queue's (only) file, as a power loss that persisted its
     * length word and not its whole body does.
     *
     * @return the torn document's queue index
     */
    static long tearLastRecord(final Path queueDir) throws IOException
    {
        final List<long[]> docs = documents(queueDir);
        final long[] last = docs.get(docs.size() - 1);
        final long start = last[1] + 4;
        final long end = last[2];
        final Path file;
        try (Stream<Path> files = Files.list(queueDir))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final long from = start + (end - start) / 2;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.write(ByteBuffer.allocate((int)(end - from)), from);
        }
        return last[0];
    }
}
