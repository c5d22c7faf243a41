package dev.peregrine.journal;

import net.openhft.chronicle.wire.Wires;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one Chronicle Queue {@code .cq4} file holds, read with plain file I/O before Chronicle maps it:
 * Chronicle maps a file in large chunks and a writable queue extends a short file back to the chunk's
 * size (with zeros), so the file's real size is only evidence until a writer touches it.
 *
 * <p>What Chronicle leaves in the file (version 5 store, checked against the files our writer makes):
 * <ul>
 *   <li>The store header, the first document (a meta-data document): {@code writePosition}, an
 *   {@code int64} array of two values updated on every append: the file offset of the <em>start</em> of
 *   the last document written, and that offset {@code << 32} or'ed with the document's sequence number.
 *   This is the witness a truncation cannot hide: it names a document that must exist.</li>
 *   <li>Documents: a 4-byte little-endian header word (length, a meta-data bit and a not-complete bit
 *   that stays set while a document is being written), the body, then the next word at the next
 *   4-byte boundary. Data documents are the queue's entries (sequence 0, 1, ...); meta-data documents
 *   are Chronicle's own (the index2index and index arrays, which name every 256th entry's offset and so
 *   lag the write position; they add nothing the write position does not say).</li>
 *   <li>The end-of-file marker a roll writes after the last document of the cycle it leaves (header
 *   word with both bits set, then {@code "EOF"}). A file whose writer stopped before the next cycle
 *   began has none, so its absence alone is not damage.</li>
 *   <li>Zeros after the data: the file is pre-allocated, so a zero header word is the end of the data.</li>
 * </ul>
 *
 * <p>The walk reads header words only (a window of the file mapped read-only at a time, within the
 * file's real size), so it costs a few milliseconds per million entries.
 *
 * @param fileSize             the file's size on disk when scanned
 * @param headerReadable       false when the store header itself is cut off or unreadable: then nothing below is
 *                             known
 * @param initialized          false for a file Chronicle had only begun to create when its writer stopped: its first
 *                             header word is still zero or not complete (Chronicle claims the word, then writes the
 *                             header). No entry was ever written to it, so it is not damage; Chronicle finishes or
 *                             replaces it.
 * @param writePosition        offset of the last document Chronicle recorded as written (its store header), or -1
 * @param lastWrittenSequence  sequence number of that document, or -1
 * @param dataEnd              offset where the readable, complete documents end: the first header word that is not a
 *                             complete document
 * @param entries              entries (data documents) readable from the start: the last good sequence number is this
 *                             minus one
 * @param reachedWritePosition whether the walk met the complete document at {@code writePosition}
 * @param endOfFileMarker      whether the file ends with Chronicle's end-of-file marker (a rolled cycle)
 */
record QueueFileScan(
    long fileSize,
    boolean headerReadable,
    boolean initialized,
    long writePosition,
    long lastWrittenSequence,
    long dataEnd,
    long entries,
    boolean reachedWritePosition,
    boolean endOfFileMarker)
{
    /** How much of the file is mapped at once while walking. */
    private static final long WINDOW = 256L << 20;
    private static final byte[] WRITE_POSITION = "writePosition".getBytes(StandardCharsets.US_ASCII);
    /** Chronicle's binary wire code for an {@code int64} array. */
    private static final int I64_ARRAY = 0x8d;

    static QueueFileScan of(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            final Window window = new Window(channel, size);
            final int first = window.word(0);
            if (first == 0 || first != Window.PAST_END && Wires.isNotComplete(first) && !Wires.isEndOfFile(first))
            {
                return new QueueFileScan(size, false, false, -1, -1, 0, 0, false, false);
            }
            if (first == Window.PAST_END || !Wires.isReadyMetaData(first) || !Wires.isKnownLength(first) ||
                4L + Wires.lengthOf(first) > size)
            {
                return new QueueFileScan(size, false, true, -1, -1, 0, 0, false, false);
            }
            final long[] position = writePosition(window, Wires.lengthOf(first));
            if (position == null)
            {
                return new QueueFileScan(size, false, true, -1, -1, 0, 0, false, false);
            }
            final long writePosition = position[0];
            final long lastSequence = position[1] >>> 32 == writePosition ? position[1] & 0xFFFF_FFFFL : -1;
            long pos = align(4L + Wires.lengthOf(first));
            long entries = 0;
            boolean reached = false;
            boolean eof = false;
            while (true)
            {
                final int word = window.word(pos);
                if (word == Window.PAST_END || word == 0)
                {
                    break;
                }
                if (Wires.isEndOfFile(word))
                {
                    eof = true;
                    break;
                }
                if (Wires.isNotComplete(word) || !Wires.isKnownLength(word) || pos + 4 + Wires.lengthOf(word) > size)
                {
                    break; // being written when the writer stopped, or cut off by the end of the file
                }
                if (pos == writePosition)
                {
                    reached = true;
                }
                if (Wires.isData(word))
                {
                    entries++;
                }
                pos = align(pos + 4 + Wires.lengthOf(word));
            }
            return new QueueFileScan(size, true, true, writePosition, lastSequence, pos, entries, reached, eof);
        }
    }

    /** Chronicle starts each document's header word on a 4-byte boundary. */
    private static long align(final long position)
    {
        return (position + 3) & ~3L;
    }

    /** The two values of the store header's {@code writePosition} array, or null when not found. */
    private static long[] writePosition(final Window window, final int headerLength)
    {
        final long end = 4L + headerLength;
        final long name = window.find(WRITE_POSITION, 4, end);
        if (name < 0)
        {
            return null;
        }
        // Padding bytes align the array; its layout is: code, capacity (8), used (8), values (8 each).
        for (long p = name + WRITE_POSITION.length; p < Math.min(end, name + 32); p++)
        {
            if (window.unsignedByte(p) == I64_ARRAY && p + 1 + 32 <= end)
            {
                final long used = window.longAt(p + 9);
                if (used < 2)
                {
                    return null;
                }
                return new long[] {window.longAt(p + 17), window.longAt(p + 25)};
            }
        }
        return null;
    }

    /** A read-only view of the file, mapped a window at a time, never past its real size. */
    private static final class Window
    {
        static final int PAST_END = -1;
        private final FileChannel channel;
        private final long size;
        private MappedByteBuffer buffer;
        private long start;
        private long end;

        Window(final FileChannel channel, final long size)
        {
            this.channel = channel;
            this.size = size;
        }

        /** The header word at {@code pos}, or {@link #PAST_END} when the file ends before its 4 bytes. */
        int word(final long pos)
        {
            if (pos + 4 > size)
            {
                return PAST_END;
            }
            ensure(pos, 4);
            return buffer.getInt((int)(pos - start));
        }

        long longAt(final long pos)
        {
            ensure(pos, 8);
            return buffer.getLong((int)(pos - start));
        }

        int unsignedByte(final long pos)
        {
            ensure(pos, 1);
            return buffer.get((int)(pos - start)) & 0xFF;
        }

        long find(final byte[] text, final long from, final long to)
        {
            for (long p = from; p + text.length <= to; p++)
            {
                boolean match = true;
                for (int i = 0; i < text.length && match; i++)
                {
                    match = unsignedByte(p + i) == (text[i] & 0xFF);
                }
                if (match)
                {
                    return p;
                }
            }
            return -1;
        }

        private void ensure(final long pos, final int bytes)
        {
            if (buffer != null && pos >= start && pos + bytes <= end)
            {
                return;
            }
            start = pos & ~4095L;
            end = Math.min(size, start + WINDOW);
            try
            {
                buffer = channel.map(FileChannel.MapMode.READ_ONLY, start, end - start);
            }
            catch (final IOException e)
            {
                throw new java.io.UncheckedIOException(e);
            }
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
