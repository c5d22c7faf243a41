package dev.peregrine.journal;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * The binary record format of a Peregrine journal: one record per Chronicle Queue document, written and
 * read with Chronicle's low-level {@link Bytes} API (no Wire field names, no reflection, no garbage).
 * Integers are in Chronicle's native byte order, which is little-endian on every platform we run on
 * (x86-64, AArch64).
 *
 * <h2>Every record starts with</h2>
 * <pre>
 * offset size type   field
 *      0    1 int8   recordType     1 = HEADER, 2 = EVENT
 *      1    2 int16  formatVersion  {@value #FORMAT_VERSION} today
 * </pre>
 *
 * <h2>HEADER (recordType 1, format 1): the first document of a journal, exactly once</h2>
 * <pre>
 * offset size  type   field
 *      3    4  int32  magic           0x5052474A ("PRGJ"): tells a Peregrine journal from any other queue
 *      7    8  int64  settingsDigest  EngineSettings.digest() of the run
 *     15    8  int64  createdEpochNanos  wall clock at creation (information only)
 *     23  4+n  utf8   engineVersion   int32 byte length n, then n bytes of UTF-8
 *      .  4+m  utf8   settingsText    int32 byte length m, then m bytes of UTF-8 (EngineSettings.encode())
 * </pre>
 *
 * <h2>EVENT (recordType 2, format 1): one per inbound event, in ring order, {@value #EVENT_LENGTH} bytes</h2>
 * <pre>
 * offset size type   field (InboundEvent)
 *      3    4 int32  type            EventType code, recorded verbatim (unknown codes too: the core saw them)
 *      7    4 int32  instrumentId
 *     11    8 int64  venueSequence
 *     19    8 int64  exchangeTimeNanos
 *     27    8 int64  eventTimeNanos  the core's clock
 *     35    8 int64  tradeId
 *     43    8 int64  price           FixedPoint scaled long
 *     51    8 int64  quantity
 *     59    4 int32  side            Side code
 *     63    8 int64  bidPrice
 *     71    8 int64  bidQuantity
 *     79    8 int64  askPrice
 *     87    8 int64  askQuantity
 *     95    8 int64  checksum        Hash64 over the 13 fields above, in this order
 * </pre>
 * {@code receiveNanoTime} and the order fields are not journaled: the first is a measurement, the
 * second are outputs that a replay recomputes.
 *
 * <h2>Compatibility rules</h2>
 * <ul>
 *   <li>Any change to a layout bumps {@link #FORMAT_VERSION}; a reader accepts records of its own
 *       version or older and refuses newer ones with a message, never guesses.</li>
 *   <li>New record types get new codes; a reader refuses a type it does not know rather than skip it,
 *       because a skipped input would make a replay silently diverge.</li>
 *   <li>An EVENT of the wrong length or with a bad checksum is corruption, reported with its index.
 *       Chronicle itself never exposes a half-written document, so this guards against damaged files.</li>
 * </ul>
 */
public final class JournalRecordCodec
{
    public static final byte HEADER = 1;
    public static final byte EVENT = 2;

    /** The format this code writes, and the newest it reads. */
    public static final short FORMAT_VERSION = 1;

    /** "PRGJ": first field of a header, so a queue written by someone else is recognised as foreign. */
    public static final int HEADER_MAGIC = 0x5052474A;

    /** Bytes of an EVENT record, prefix and checksum included. */
    public static final int EVENT_LENGTH = 103;

    static final int PREFIX_LENGTH = 3;
    /** A header string longer than this is corruption, not settings. */
    private static final int MAX_STRING_BYTES = 1 << 20;

    private JournalRecordCodec()
    {
    }

    static void writeHeader(final Bytes<?> bytes, final JournalHeader header)
    {
        bytes.writeByte(HEADER);
        bytes.writeShort(FORMAT_VERSION);
        bytes.writeInt(HEADER_MAGIC);
        bytes.writeLong(header.settingsDigest());
        bytes.writeLong(header.createdEpochNanos());
        writeString(bytes, header.engineVersion());
        writeString(bytes, header.settingsText());
    }

    /**
     * Reads a header; the caller adds where the record was to the message of a failure.
     *
     * @throws JournalException if this is not a header, is too new, or is damaged
     */
    static JournalHeader readHeader(final Bytes<?> bytes)
    {
        if (bytes.readRemaining() < PREFIX_LENGTH + 4)
        {
            throw new JournalException("is not a Peregrine journal: first record is only " + bytes.readRemaining() +
                " bytes");
        }
        final byte recordType = bytes.readByte();
        final short version = bytes.readShort();
        if (recordType != HEADER)
        {
            throw new JournalException("is not a Peregrine journal: first record has type " + recordType +
                ", expected HEADER (" + HEADER + ")");
        }
        final int magic = bytes.readInt();
        if (magic != HEADER_MAGIC)
        {
            throw new JournalException("is not a Peregrine journal: header magic is 0x" + Integer.toHexString(magic) +
                ", expected 0x" + Integer.toHexString(HEADER_MAGIC));
        }
        checkVersion(version);
        if (bytes.readRemaining() < 16 + 8)
        {
            throw new JournalException("has a truncated header (" + bytes.readRemaining() + " bytes after the magic)");
        }
        final long settingsDigest = bytes.readLong();
        final long createdEpochNanos = bytes.readLong();
        final String engineVersion = readString(bytes, "engineVersion");
        final String settingsText = readString(bytes, "settingsText");
        return new JournalHeader(version, engineVersion, settingsText, settingsDigest, createdEpochNanos);
    }

    /** Appends one EVENT record. Allocation-free: the journal thread calls this for every event. */
    static void writeEvent(final Bytes<?> bytes, final InboundEvent event)
    {
        bytes.writeByte(EVENT);
        bytes.writeShort(FORMAT_VERSION);
        bytes.writeInt(event.type);
        bytes.writeInt(event.instrumentId);
        bytes.writeLong(event.venueSequence);
        bytes.writeLong(event.exchangeTimeNanos);
        bytes.writeLong(event.eventTimeNanos);
        bytes.writeLong(event.tradeId);
        bytes.writeLong(event.price);
        bytes.writeLong(event.quantity);
        bytes.writeInt(event.side);
        bytes.writeLong(event.bidPrice);
        bytes.writeLong(event.bidQuantity);
        bytes.writeLong(event.askPrice);
        bytes.writeLong(event.askQuantity);
        bytes.writeLong(checksum(event));
    }

    /**
     * Reads the record under {@code bytes} into {@code into}'s input fields; clears its measurement and
     * order fields as a fresh slot would have them. Allocation-free unless the record is bad.
     *
     * @throws JournalException (without location: the reader adds it) for anything but a good EVENT;
     *                          {@code into} is then unspecified
     */
    static void readEvent(final Bytes<?> bytes, final InboundEvent into)
    {
        final long length = bytes.readRemaining();
        if (length < PREFIX_LENGTH)
        {
            throw new JournalException("is truncated: " + length + " bytes, shorter than a record prefix");
        }
        final byte recordType = bytes.readByte();
        final short version = bytes.readShort();
        if (recordType != EVENT)
        {
            throw new JournalException(recordType == HEADER ?
                "is a second HEADER; a journal has exactly one, at its start" :
                "has unknown record type " + recordType + " (this reader knows HEADER=1, EVENT=2)");
        }
        checkVersion(version);
        if (length != EVENT_LENGTH)
        {
            throw new JournalException("is an EVENT of " + length + " bytes, expected " + EVENT_LENGTH +
                " (truncated or corrupt)");
        }
        into.type = bytes.readInt();
        into.instrumentId = bytes.readInt();
        into.venueSequence = bytes.readLong();
        into.exchangeTimeNanos = bytes.readLong();
        into.eventTimeNanos = bytes.readLong();
        into.tradeId = bytes.readLong();
        into.price = bytes.readLong();
        into.quantity = bytes.readLong();
        into.side = bytes.readInt();
        into.bidPrice = bytes.readLong();
        into.bidQuantity = bytes.readLong();
        into.askPrice = bytes.readLong();
        into.askQuantity = bytes.readLong();
        into.receiveNanoTime = 0;
        into.orderCount = 0;
        final long stored = bytes.readLong();
        final long computed = checksum(into);
        if (stored != computed)
        {
            throw new JournalException("is corrupt: checksum " + Hash64.hex(stored) + " stored, " +
                Hash64.hex(computed) + " computed");
        }
    }

    /** Hash64 over the journaled fields in record order: detects a damaged record, not a forged one. */
    static long checksum(final InboundEvent e)
    {
        long h = Hash64.mix(Hash64.SEED, e.type);
        h = Hash64.mix(h, e.instrumentId);
        h = Hash64.mix(h, e.venueSequence);
        h = Hash64.mix(h, e.exchangeTimeNanos);
        h = Hash64.mix(h, e.eventTimeNanos);
        h = Hash64.mix(h, e.tradeId);
        h = Hash64.mix(h, e.price);
        h = Hash64.mix(h, e.quantity);
        h = Hash64.mix(h, e.side);
        h = Hash64.mix(h, e.bidPrice);
        h = Hash64.mix(h, e.bidQuantity);
        h = Hash64.mix(h, e.askPrice);
        return Hash64.mix(h, e.askQuantity);
    }

    private static void checkVersion(final short version)
    {
        if (version > FORMAT_VERSION)
        {
            throw new JournalException("was written with journal format version " + version +
                ", newer than this reader's " + FORMAT_VERSION + " (upgrade Peregrine to read it)");
        }
        if (version < 1)
        {
            throw new JournalException("has invalid format version " + version);
        }
    }

    private static void writeString(final Bytes<?> bytes, final String text)
    {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        bytes.writeInt(utf8.length);
        bytes.write(utf8);
    }

    private static String readString(final Bytes<?> bytes, final String field)
    {
        if (bytes.readRemaining() < 4)
        {
            throw new JournalException("has a truncated header: no length for " + field);
        }
        final int length = bytes.readInt();
        if (length < 0 || length > MAX_STRING_BYTES || length > bytes.readRemaining())
        {
            throw new JournalException("has a corrupt header: " + field + " length " + length + " with " +
                bytes.readRemaining() + " bytes left");
        }
        final byte[] utf8 = new byte[length];
        bytes.read(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
