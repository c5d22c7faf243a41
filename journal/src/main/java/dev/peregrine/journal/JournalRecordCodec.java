package dev.peregrine.journal;

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
 * <h2>HEADER (recordType 1, same layout in every format): the first document of every file</h2>
 * From format 3 the writer repeats the header, byte for byte, as the first document of every roll-cycle
 * file, so each (daily) file is readable on its own and retention may delete any prefix of files: a
 * reader opens at the oldest file left and still finds the header. A reader steps over a repeat only if
 * it is the first document of its file and has the journal's format, magic, settings digest and
 * creation time; anywhere else a HEADER is corruption. Journals of format 1 and 2 have exactly one
 * header, at their start (retention never deletes their first file).
 * <pre>
 * offset size  type   field
 *      3    4  int32  magic           0x5052474A ("PRGJ"): tells a Peregrine journal from any other queue
 *      7    8  int64  settingsDigest  EngineSettings.digest() of the run
 *     15    8  int64  createdEpochNanos  wall clock at creation (information only)
 *     23  4+n  utf8   engineVersion   int32 byte length n, then n bytes of UTF-8
 *      .  4+m  utf8   settingsText    int32 byte length m, then m bytes of UTF-8 (EngineSettings.encode())
 *      .  4+k  utf8   catalogText     format 4 on: int32 byte length k, then k bytes of UTF-8 (CatalogText.encode() of
 *                                     the traded products; k = 0 when none was recorded)
 * </pre>
 * A writer appending to an older journal keeps that journal's format, header and all (its repeats stay byte for
 * byte the same); only a new journal gets the newest format.
 *
 * <h2>EVENT (recordType 2): one per inbound event, in ring order</h2>
 * Its layout, by event type, is documented and coded in {@link EventRecordCodec}.
 *
 * <h2>Compatibility rules</h2>
 * <ul>
 *   <li>Any change to a layout bumps {@link #FORMAT_VERSION}; a reader accepts records of its own
 *       version or older and refuses newer ones with a message, never guesses.</li>
 *   <li>New record types get new codes; a reader refuses a type it does not know rather than skip it,
 *       because a skipped input would make a replay silently diverge.</li>
 *   <li>An EVENT of the wrong length or with a bad checksum is corruption, reported with its index,
 *       unless it is a torn tail (below).</li>
 * </ul>
 *
 * <h2>Torn tail</h2>
 * Chronicle writes a document's 4-byte length word first with its not-complete bit set, then the body,
 * then the final length: a process killed mid-write leaves a document that no reader is ever handed (it
 * is the end of the journal). A power loss can persist the length word's page and not the whole body;
 * the rest of the body is then the zeros of Chronicle's pre-allocated file. So a record that fails its
 * checks, ends in a zero byte and is followed by no other document is taken for a torn write:
 * {@link JournalReader} ignores it and reports it ({@code tornTail()}); it never returns its fields.
 *
 * <h2>TAIL_REPAIR (recordType 3, record version 1): written once when an engine restarts on a torn tail</h2>
 * Appending after a torn record would leave it in the middle of the journal, where it reads as
 * corruption. So the restarting engine first appends this record naming it; a reader that meets a
 * torn-looking record (fails its checks, ends in a zero byte) directly followed by the TAIL_REPAIR that
 * names its index skips both and counts it ({@code repairedTails()}). Anywhere else a TAIL_REPAIR is
 * corruption. Readers older than this record refuse it, as the rules above say.
 * <pre>
 * offset size type   field
 *      0    1 int8   recordType     3
 *      1    2 int16  recordVersion  1
 *      3    8 int64  tornIndex      the Chronicle index of the torn record
 *     11    8 int64  checksum       Hash64 of tornIndex
 * </pre>
 *
 * <h2>SETTINGS (recordType 4, record version 1): configuration is an input</h2>
 * Its layout is documented and coded in {@link SettingsRecordCodec}.
 */
public final class JournalRecordCodec
{
    public static final byte HEADER = 1;
    public static final byte EVENT = 2;
    public static final byte TAIL_REPAIR = 3;
    private static final short TAIL_REPAIR_VERSION = 1;
    public static final byte SETTINGS = 4;

    /**
     * The format this code writes, and the newest it reads. 5 added the perpetual events (MARK_PRICE, FUNDING_SETTLEMENT,
     * LIQUIDATION; {@link EventRecordCodec}): a reader of format 4 would take them for corrupt records of an unknown
     * type, so it is told the journal is newer instead. Every layout of format 4 is unchanged.
     */
    public static final short FORMAT_VERSION = 5;
    /** The first format whose header records the catalog the run traded with. */
    public static final short FIRST_VERSION_WITH_CATALOG = 4;
    /** The first format that repeats the header at the start of every roll-cycle file. */
    public static final short FIRST_VERSION_WITH_HEADER_PER_FILE = 3;

    /** "PRGJ": first field of a header, so a queue written by someone else is recognised as foreign. */
    public static final int HEADER_MAGIC = 0x5052474A;

    static final int CHECKSUM_LENGTH = 8;

    static final int PREFIX_LENGTH = 3;
    /** A header string longer than this is corruption, not settings. */
    static final int MAX_STRING_BYTES = 1 << 20;

    private JournalRecordCodec()
    {
    }

    static void writeHeader(final Bytes<?> bytes, final JournalHeader header)
    {
        bytes.writeByte(HEADER);
        bytes.writeShort(header.formatVersion());
        bytes.writeInt(HEADER_MAGIC);
        bytes.writeLong(header.settingsDigest());
        bytes.writeLong(header.createdEpochNanos());
        writeString(bytes, header.engineVersion());
        writeString(bytes, header.settingsText());
        if (header.formatVersion() >= FIRST_VERSION_WITH_CATALOG)
        {
            writeString(bytes, header.catalogText());
        }
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
        final String catalogText = version >= FIRST_VERSION_WITH_CATALOG ? readString(bytes, "catalogText") : "";
        return new JournalHeader(version, engineVersion, settingsText, settingsDigest, createdEpochNanos, catalogText);
    }

    /** The whole HEADER record of {@code header}, encoded once so the journal thread can repeat it without allocating. */
    static byte[] encodeHeader(final JournalHeader header)
    {
        final Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(256);
        try
        {
            writeHeader(bytes, header);
            return bytes.toByteArray();
        }
        finally
        {
            bytes.releaseLast();
        }
    }

    /**
     * Checks a HEADER met after the first document: allowed only in a journal of format
     * {@value #FIRST_VERSION_WITH_HEADER_PER_FILE} or later, as the first document of its file, and equal to the
     * journal's header (same version, magic, settings digest and creation time). Reads primitives only:
     * no allocation, so a replay crossing a daily file stays allocation-free.
     *
     * @return null when it is a good repeat, else what is wrong (for the reader's message)
     */
    static String checkRepeatedHeader(final Bytes<?> bytes, final JournalHeader journal, final boolean firstInFile)
    {
        if (journal.formatVersion() < FIRST_VERSION_WITH_HEADER_PER_FILE)
        {
            return "is a second HEADER; a journal of format " + journal.formatVersion() + " has exactly one, at its start";
        }
        if (!firstInFile)
        {
            return "is a HEADER in the middle of a file; a journal repeats its header only as the first document of each file";
        }
        if (bytes.readRemaining() < PREFIX_LENGTH + 4 + 16)
        {
            return "is a repeated HEADER of only " + bytes.readRemaining() + " bytes (truncated or corrupt)";
        }
        final long p = bytes.readPosition();
        final short version = bytes.readShort(p + 1);
        final int magic = bytes.readInt(p + 3);
        final long digest = bytes.readLong(p + 7);
        final long created = bytes.readLong(p + 15);
        if (version != journal.formatVersion() || magic != HEADER_MAGIC || digest != journal.settingsDigest() ||
            created != journal.createdEpochNanos())
        {
            return "is a HEADER of another journal (format " + version + ", settings digest " + Hash64.hex(digest) +
                ", created " + created + " ns; this journal's: format " + journal.formatVersion() + ", " +
                Hash64.hex(journal.settingsDigest()) + ", " + journal.createdEpochNanos() + " ns)";
        }
        return null;
    }

    static void verifyChecksum(final long stored, final long computed)
    {
        if (stored != computed)
        {
            throw new JournalException("is corrupt: checksum " + Hash64.hex(stored) + " stored, " +
                Hash64.hex(computed) + " computed");
        }
    }

    static void checkVersion(final short version)
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

    static void writeTailRepair(final Bytes<?> bytes, final long tornIndex)
    {
        bytes.writeByte(TAIL_REPAIR);
        bytes.writeShort(TAIL_REPAIR_VERSION);
        bytes.writeLong(tornIndex);
        bytes.writeLong(Hash64.mix(Hash64.SEED, tornIndex));
    }

    /** The torn index a TAIL_REPAIR record names, or -1 if the document is not a well-formed one. */
    static long readTailRepair(final Bytes<?> bytes)
    {
        final long start = bytes.readPosition();
        if (bytes.readRemaining() != 19 || bytes.readByte(start) != TAIL_REPAIR ||
            bytes.readShort(start + 1) != TAIL_REPAIR_VERSION)
        {
            return -1;
        }
        final long index = bytes.readLong(start + 3);
        return bytes.readLong(start + 11) == Hash64.mix(Hash64.SEED, index) ? index : -1;
    }
}
