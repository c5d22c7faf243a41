package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.EngineVersion;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One state snapshot on disk: the engine's state after a given journal event, with what recovery needs to
 * trust it. Little-endian layout:
 * <pre>
 *  0  long  MAGIC ("PRGSNAP" + format)      40  long  settingsDigest (the settings it was taken under)
 *  8  int   FORMAT_VERSION                  48  long  stateHash (TradingCore.stateHash() at that point)
 * 12  int   stateLength                     56  long  outputDigest (OutputDigest.value())
 * 16  long  events (journal events applied) 64  long  outputCount
 * 24  long  journalIndex (the last one's)   72  long  engineVersionHash (EngineVersion.VERSION)
 * 32  long  eventTimeNanos (core clock)     80  state (StateWriter), stateLength bytes
 *                                           80+stateLength  int  CRC-32C of every byte before it
 * </pre>
 * Written to a temporary name, forced to disk, then renamed: a crash leaves either the whole file or none.
 *
 * @param events         journal events the state covers, counted from the journal's first
 * @param journalIndex   Chronicle index of the last of them
 * @param state          the {@code StateWriter} bytes
 */
public record SnapshotFile(
    long events,
    long journalIndex,
    long eventTimeNanos,
    long settingsDigest,
    long stateHash,
    long outputDigest,
    long outputCount,
    long engineVersionHash,
    byte[] state)
{
    public static final long MAGIC = 0x50414e5347525001L; // "\1PRGSNAP" little-endian
    public static final int FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 80;
    static final String SUFFIX = ".snap";

    /** The engine version of this build, as a snapshot records it: a snapshot of another build is not used. */
    public static long thisEngineVersion()
    {
        return EngineVersion.VERSION.hashCode() & 0xffffffffL;
    }

    /** The file name of the snapshot after {@code events} events: names sort in event order. */
    static String fileName(final long events)
    {
        return String.format("snapshot-%020d%s", events, SUFFIX);
    }

    /** Writes {@code stateLength} bytes of {@code state} with this header to {@code file}, atomically. */
    static void write(final Path file, final long events, final long journalIndex, final long eventTimeNanos,
        final long settingsDigest, final long stateHash, final long outputDigest, final long outputCount,
        final DirectBuffer state, final int stateLength) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + stateLength + 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(stateLength).putLong(events).putLong(journalIndex)
            .putLong(eventTimeNanos).putLong(settingsDigest).putLong(stateHash).putLong(outputDigest)
            .putLong(outputCount).putLong(thisEngineVersion());
        state.getBytes(0, bytes, HEADER_BYTES, stateLength);
        final CRC32C crc = new CRC32C();
        crc.update(bytes.array(), 0, HEADER_BYTES + stateLength);
        bytes.putInt(HEADER_BYTES + stateLength, (int)crc.getValue());
        bytes.position(0);
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws SnapshotFileException saying what is wrong: unreadable, too short, not a snapshot, another
     *                               format version, or a checksum that does not match (damaged)
     */
    static SnapshotFile read(final Path file)
    {
        final byte[] all;
        try
        {
            all = Files.readAllBytes(file);
        }
        catch (final IOException e)
        {
            throw new SnapshotFileException("cannot be read: " + e.getMessage());
        }
        if (all.length < HEADER_BYTES + 4)
        {
            throw new SnapshotFileException("is " + all.length + " bytes, shorter than a snapshot's header");
        }
        final ByteBuffer bytes = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.getLong(0) != MAGIC)
        {
            throw new SnapshotFileException("is not a Peregrine snapshot");
        }
        if (bytes.getInt(8) != FORMAT_VERSION)
        {
            throw new SnapshotFileException("has format version " + bytes.getInt(8) + ", this build reads " + FORMAT_VERSION);
        }
        final int stateLength = bytes.getInt(12);
        if (stateLength < 0 || (long)HEADER_BYTES + stateLength + 4 != all.length)
        {
            throw new SnapshotFileException("is " + all.length + " bytes but its header says " +
                ((long)HEADER_BYTES + stateLength + 4) + " (cut short or damaged)");
        }
        final CRC32C crc = new CRC32C();
        crc.update(all, 0, HEADER_BYTES + stateLength);
        if ((int)crc.getValue() != bytes.getInt(HEADER_BYTES + stateLength))
        {
            throw new SnapshotFileException("fails its checksum (damaged)");
        }
        final byte[] state = new byte[stateLength];
        System.arraycopy(all, HEADER_BYTES, state, 0, stateLength);
        return new SnapshotFile(bytes.getLong(16), bytes.getLong(24), bytes.getLong(32), bytes.getLong(40),
            bytes.getLong(48), bytes.getLong(56), bytes.getLong(64), bytes.getLong(72), state);
    }
}
