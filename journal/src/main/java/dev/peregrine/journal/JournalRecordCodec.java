package dev.peregrine.journal;

import dev.peregrine.core.event.EventType;
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
 * </pre>
 *
 * <h2>EVENT (recordType 2, formats 2 and 3, same layout): one per inbound event, in ring order</h2>
 * A common part, then a payload whose layout depends on the event type, then a checksum. Only the
 * fields a type uses are written, so a 45,000-level book snapshot costs 67 bytes a level, not 171.
 * <pre>
 * offset size type   field (InboundEvent)
 *      3    4 int32  type            EventType code, recorded verbatim (unknown codes too: the core saw them)
 *      7    4 int32  instrumentId
 *     11    8 int64  venueSequence
 *     19    8 int64  exchangeTimeNanos
 *     27    8 int64  eventTimeNanos  the core's clock
 *     35    4 int32  flags
 *     39    .        payload, by type:
 *                      TRADE            tradeId, price, quantity (int64), side (int32)       28 bytes
 *                      QUOTE            price, bidPrice, bidQuantity, askPrice, askQuantity  40 bytes
 *                      CLOCK            nothing                                               0 bytes
 *                      BOOK_LEVEL       price, quantity (int64), side (int32)                20 bytes
 *                      CANDLE           open, high, low, close, volume                       40 bytes
 *                      INSTRUMENT_INFO  priceIncrement, sizeIncrement, quantity (min size)   24 bytes
 *                      FEED_STALE       staleNanos                                            8 bytes
 *                      FEED_GAP         expectedSequence                                      8 bytes
 *                      FEED_RECOVERED   nothing                                               0 bytes
 *                      COMMAND          nothing (the command code is in flags)                0 bytes
 *                      VENUE_*          orderId, tradeId, price, quantity, fee                40 bytes
 *                      any other code   every input field: tradeId, price, quantity, side, bidPrice,
 *                                       bidQuantity, askPrice, askQuantity, open, high, low, close,
 *                                       volume, priceIncrement, sizeIncrement, expectedSequence,
 *                                       staleNanos, orderId, fee                            148 bytes
 *   end-8   8 int64  checksum        Hash64 over every field above after the prefix, in record order
 * </pre>
 * Prices and quantities are FixedPoint scaled longs. {@code receiveNanoTime} and the order fields are
 * not journaled: the first is a measurement, the second are outputs that a replay recomputes.
 *
 * <h2>EVENT, format 1 (read only)</h2>
 * Fixed 103 bytes: type, instrumentId, venueSequence, exchangeTimeNanos, eventTimeNanos, tradeId,
 * price, quantity, side, bidPrice, bidQuantity, askPrice, askQuantity, checksum (as format 2's common
 * part and the TRADE/QUOTE fields, without flags). Journals of format 1 hold TRADE, QUOTE and CLOCK only.
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
 * Written once when an engine starts on an existing journal with settings that differ from the settings
 * in effect (the header's, or the last SETTINGS record's), at the restart point, before any new input
 * (and after a TAIL_REPAIR, if any). Every reader that drives a core from the journal applies it there
 * ({@code JournalFeed}, through {@code TradingCore.applySettings}); the header keeps the journal's first
 * settings, and its repeats at the start of later files stay byte for byte the same. Readers older than
 * this record refuse it, as the rules above say.
 * <pre>
 * offset size type   field
 *      0    1 int8   recordType      4
 *      1    2 int16  recordVersion   1
 *      3    8 int64  settingsDigest  EngineSettings.digest() of the new settings
 *     11    8 int64  createdEpochNanos  wall clock when written (information only)
 *     19  4+n utf8   settingsText    int32 byte length n, then n bytes of UTF-8 (EngineSettings.encode())
 *  end-8    8 int64  checksum        Hash64 of settingsDigest, createdEpochNanos and every byte of settingsText
 * </pre>
 */
public final class JournalRecordCodec
{
    public static final byte HEADER = 1;
    public static final byte EVENT = 2;
    public static final byte TAIL_REPAIR = 3;
    private static final short TAIL_REPAIR_VERSION = 1;
    public static final byte SETTINGS = 4;
    private static final short SETTINGS_VERSION = 1;

    /** The format this code writes, and the newest it reads. */
    public static final short FORMAT_VERSION = 3;
    /** The first format that repeats the header at the start of every roll-cycle file. */
    public static final short FIRST_VERSION_WITH_HEADER_PER_FILE = 3;

    /** "PRGJ": first field of a header, so a queue written by someone else is recognised as foreign. */
    public static final int HEADER_MAGIC = 0x5052474A;

    /** Bytes of a format-1 EVENT record, prefix and checksum included. */
    public static final int EVENT_LENGTH_V1 = 103;
    /** Bytes of a format-2 EVENT record before its payload (prefix and common part). */
    public static final int EVENT_COMMON_LENGTH = 39;
    private static final int CHECKSUM_LENGTH = 8;

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

    /** Bytes of a format-2 (or 3) EVENT record of {@code type}, prefix and checksum included. */
    public static int eventLength(final int type)
    {
        return EVENT_COMMON_LENGTH + payloadLength(type) + CHECKSUM_LENGTH;
    }

    private static int payloadLength(final int type)
    {
        switch (type)
        {
            case EventType.TRADE: return 28;
            case EventType.QUOTE: return 40;
            case EventType.CLOCK: return 0;
            case EventType.BOOK_LEVEL: return 20;
            case EventType.CANDLE: return 40;
            case EventType.INSTRUMENT_INFO: return 24;
            case EventType.COMMAND: return 0;
            case EventType.FEED_STALE: return 8;
            case EventType.FEED_GAP: return 8;
            case EventType.FEED_RECOVERED: return 0;
            case EventType.VENUE_ACCEPTED:
            case EventType.VENUE_REJECTED:
            case EventType.VENUE_FILL:
            case EventType.VENUE_CANCELLED:
            case EventType.VENUE_CANCEL_REJECTED:
            case EventType.VENUE_UNKNOWN:
                return 40;
            default: return 148;
        }
    }

    /** Appends one EVENT record. Allocation-free: the journal thread calls this for every event. */
    static void writeEvent(final Bytes<?> bytes, final InboundEvent e)
    {
        bytes.writeByte(EVENT);
        bytes.writeShort(FORMAT_VERSION);
        long h = Hash64.SEED;
        h = putInt(bytes, h, e.type);
        h = putInt(bytes, h, e.instrumentId);
        h = putLong(bytes, h, e.venueSequence);
        h = putLong(bytes, h, e.exchangeTimeNanos);
        h = putLong(bytes, h, e.eventTimeNanos);
        h = putInt(bytes, h, e.flags);
        switch (e.type)
        {
            case EventType.TRADE:
                h = putLong(bytes, h, e.tradeId);
                h = putLong(bytes, h, e.price);
                h = putLong(bytes, h, e.quantity);
                h = putInt(bytes, h, e.side);
                break;
            case EventType.QUOTE:
                h = putLong(bytes, h, e.price);
                h = putLong(bytes, h, e.bidPrice);
                h = putLong(bytes, h, e.bidQuantity);
                h = putLong(bytes, h, e.askPrice);
                h = putLong(bytes, h, e.askQuantity);
                break;
            case EventType.CLOCK:
            case EventType.FEED_RECOVERED:
            case EventType.COMMAND:
                break;
            case EventType.BOOK_LEVEL:
                h = putLong(bytes, h, e.price);
                h = putLong(bytes, h, e.quantity);
                h = putInt(bytes, h, e.side);
                break;
            case EventType.CANDLE:
                h = putLong(bytes, h, e.open);
                h = putLong(bytes, h, e.high);
                h = putLong(bytes, h, e.low);
                h = putLong(bytes, h, e.close);
                h = putLong(bytes, h, e.volume);
                break;
            case EventType.INSTRUMENT_INFO:
                h = putLong(bytes, h, e.priceIncrement);
                h = putLong(bytes, h, e.sizeIncrement);
                h = putLong(bytes, h, e.quantity);
                break;
            case EventType.FEED_STALE:
                h = putLong(bytes, h, e.staleNanos);
                break;
            case EventType.FEED_GAP:
                h = putLong(bytes, h, e.expectedSequence);
                break;
            case EventType.VENUE_ACCEPTED:
            case EventType.VENUE_REJECTED:
            case EventType.VENUE_FILL:
            case EventType.VENUE_CANCELLED:
            case EventType.VENUE_CANCEL_REJECTED:
            case EventType.VENUE_UNKNOWN:
                h = putLong(bytes, h, e.orderId);
                h = putLong(bytes, h, e.tradeId);
                h = putLong(bytes, h, e.price);
                h = putLong(bytes, h, e.quantity);
                h = putLong(bytes, h, e.fee);
                break;
            default:
                h = putEverything(bytes, h, e);
                break;
        }
        bytes.writeLong(h);
    }

    private static long putEverything(final Bytes<?> bytes, final long hash, final InboundEvent e)
    {
        long h = putLong(bytes, hash, e.tradeId);
        h = putLong(bytes, h, e.price);
        h = putLong(bytes, h, e.quantity);
        h = putInt(bytes, h, e.side);
        h = putLong(bytes, h, e.bidPrice);
        h = putLong(bytes, h, e.bidQuantity);
        h = putLong(bytes, h, e.askPrice);
        h = putLong(bytes, h, e.askQuantity);
        h = putLong(bytes, h, e.open);
        h = putLong(bytes, h, e.high);
        h = putLong(bytes, h, e.low);
        h = putLong(bytes, h, e.close);
        h = putLong(bytes, h, e.volume);
        h = putLong(bytes, h, e.priceIncrement);
        h = putLong(bytes, h, e.sizeIncrement);
        h = putLong(bytes, h, e.expectedSequence);
        h = putLong(bytes, h, e.staleNanos);
        h = putLong(bytes, h, e.orderId);
        return putLong(bytes, h, e.fee);
    }

    private static long putLong(final Bytes<?> bytes, final long hash, final long value)
    {
        bytes.writeLong(value);
        return Hash64.mix(hash, value);
    }

    private static long putInt(final Bytes<?> bytes, final long hash, final int value)
    {
        bytes.writeInt(value);
        return Hash64.mix(hash, value);
    }

    /**
     * Reads the record under {@code bytes} into {@code into}'s input fields; clears every other field
     * as a fresh slot would have it. Allocation-free unless the record is bad.
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
        into.clearInputs();
        if (version == 1)
        {
            readEventV1(bytes, length, into);
            return;
        }
        if (length < EVENT_COMMON_LENGTH + CHECKSUM_LENGTH)
        {
            throw new JournalException("is an EVENT of " + length + " bytes, shorter than any event (truncated or corrupt)");
        }
        long h = Hash64.SEED;
        into.type = bytes.readInt();
        h = Hash64.mix(h, into.type);
        final int expected = eventLength(into.type);
        if (length != expected)
        {
            throw new JournalException("is an EVENT of type " + EventType.name(into.type) + " of " + length +
                " bytes, expected " + expected + " (truncated or corrupt)");
        }
        into.instrumentId = bytes.readInt();
        h = Hash64.mix(h, into.instrumentId);
        into.venueSequence = bytes.readLong();
        h = Hash64.mix(h, into.venueSequence);
        into.exchangeTimeNanos = bytes.readLong();
        h = Hash64.mix(h, into.exchangeTimeNanos);
        into.eventTimeNanos = bytes.readLong();
        h = Hash64.mix(h, into.eventTimeNanos);
        into.flags = bytes.readInt();
        h = Hash64.mix(h, into.flags);
        switch (into.type)
        {
            case EventType.TRADE:
                into.tradeId = bytes.readLong();
                h = Hash64.mix(h, into.tradeId);
                into.price = bytes.readLong();
                h = Hash64.mix(h, into.price);
                into.quantity = bytes.readLong();
                h = Hash64.mix(h, into.quantity);
                into.side = bytes.readInt();
                h = Hash64.mix(h, into.side);
                break;
            case EventType.QUOTE:
                into.price = bytes.readLong();
                h = Hash64.mix(h, into.price);
                into.bidPrice = bytes.readLong();
                h = Hash64.mix(h, into.bidPrice);
                into.bidQuantity = bytes.readLong();
                h = Hash64.mix(h, into.bidQuantity);
                into.askPrice = bytes.readLong();
                h = Hash64.mix(h, into.askPrice);
                into.askQuantity = bytes.readLong();
                h = Hash64.mix(h, into.askQuantity);
                break;
            case EventType.CLOCK:
            case EventType.FEED_RECOVERED:
            case EventType.COMMAND:
                break;
            case EventType.BOOK_LEVEL:
                into.price = bytes.readLong();
                h = Hash64.mix(h, into.price);
                into.quantity = bytes.readLong();
                h = Hash64.mix(h, into.quantity);
                into.side = bytes.readInt();
                h = Hash64.mix(h, into.side);
                break;
            case EventType.CANDLE:
                into.open = bytes.readLong();
                h = Hash64.mix(h, into.open);
                into.high = bytes.readLong();
                h = Hash64.mix(h, into.high);
                into.low = bytes.readLong();
                h = Hash64.mix(h, into.low);
                into.close = bytes.readLong();
                h = Hash64.mix(h, into.close);
                into.volume = bytes.readLong();
                h = Hash64.mix(h, into.volume);
                break;
            case EventType.INSTRUMENT_INFO:
                into.priceIncrement = bytes.readLong();
                h = Hash64.mix(h, into.priceIncrement);
                into.sizeIncrement = bytes.readLong();
                h = Hash64.mix(h, into.sizeIncrement);
                into.quantity = bytes.readLong();
                h = Hash64.mix(h, into.quantity);
                break;
            case EventType.FEED_STALE:
                into.staleNanos = bytes.readLong();
                h = Hash64.mix(h, into.staleNanos);
                break;
            case EventType.FEED_GAP:
                into.expectedSequence = bytes.readLong();
                h = Hash64.mix(h, into.expectedSequence);
                break;
            case EventType.VENUE_ACCEPTED:
            case EventType.VENUE_REJECTED:
            case EventType.VENUE_FILL:
            case EventType.VENUE_CANCELLED:
            case EventType.VENUE_CANCEL_REJECTED:
            case EventType.VENUE_UNKNOWN:
                into.orderId = bytes.readLong();
                h = Hash64.mix(h, into.orderId);
                into.tradeId = bytes.readLong();
                h = Hash64.mix(h, into.tradeId);
                into.price = bytes.readLong();
                h = Hash64.mix(h, into.price);
                into.quantity = bytes.readLong();
                h = Hash64.mix(h, into.quantity);
                into.fee = bytes.readLong();
                h = Hash64.mix(h, into.fee);
                break;
            default:
                h = readEverything(bytes, h, into);
                break;
        }
        verifyChecksum(bytes.readLong(), h);
    }

    private static long readEverything(final Bytes<?> bytes, final long hash, final InboundEvent e)
    {
        long h = hash;
        e.tradeId = bytes.readLong();
        h = Hash64.mix(h, e.tradeId);
        e.price = bytes.readLong();
        h = Hash64.mix(h, e.price);
        e.quantity = bytes.readLong();
        h = Hash64.mix(h, e.quantity);
        e.side = bytes.readInt();
        h = Hash64.mix(h, e.side);
        e.bidPrice = bytes.readLong();
        h = Hash64.mix(h, e.bidPrice);
        e.bidQuantity = bytes.readLong();
        h = Hash64.mix(h, e.bidQuantity);
        e.askPrice = bytes.readLong();
        h = Hash64.mix(h, e.askPrice);
        e.askQuantity = bytes.readLong();
        h = Hash64.mix(h, e.askQuantity);
        e.open = bytes.readLong();
        h = Hash64.mix(h, e.open);
        e.high = bytes.readLong();
        h = Hash64.mix(h, e.high);
        e.low = bytes.readLong();
        h = Hash64.mix(h, e.low);
        e.close = bytes.readLong();
        h = Hash64.mix(h, e.close);
        e.volume = bytes.readLong();
        h = Hash64.mix(h, e.volume);
        e.priceIncrement = bytes.readLong();
        h = Hash64.mix(h, e.priceIncrement);
        e.sizeIncrement = bytes.readLong();
        h = Hash64.mix(h, e.sizeIncrement);
        e.expectedSequence = bytes.readLong();
        h = Hash64.mix(h, e.expectedSequence);
        e.staleNanos = bytes.readLong();
        h = Hash64.mix(h, e.staleNanos);
        e.orderId = bytes.readLong();
        h = Hash64.mix(h, e.orderId);
        e.fee = bytes.readLong();
        return Hash64.mix(h, e.fee);
    }

    private static void readEventV1(final Bytes<?> bytes, final long length, final InboundEvent into)
    {
        if (length != EVENT_LENGTH_V1)
        {
            throw new JournalException("is an EVENT of " + length + " bytes, expected " + EVENT_LENGTH_V1 +
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
        long h = Hash64.mix(Hash64.SEED, into.type);
        h = Hash64.mix(h, into.instrumentId);
        h = Hash64.mix(h, into.venueSequence);
        h = Hash64.mix(h, into.exchangeTimeNanos);
        h = Hash64.mix(h, into.eventTimeNanos);
        h = Hash64.mix(h, into.tradeId);
        h = Hash64.mix(h, into.price);
        h = Hash64.mix(h, into.quantity);
        h = Hash64.mix(h, into.side);
        h = Hash64.mix(h, into.bidPrice);
        h = Hash64.mix(h, into.bidQuantity);
        h = Hash64.mix(h, into.askPrice);
        h = Hash64.mix(h, into.askQuantity);
        verifyChecksum(bytes.readLong(), h);
    }

    private static void verifyChecksum(final long stored, final long computed)
    {
        if (stored != computed)
        {
            throw new JournalException("is corrupt: checksum " + Hash64.hex(stored) + " stored, " +
                Hash64.hex(computed) + " computed");
        }
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

    static void writeSettings(final Bytes<?> bytes, final SettingsRecord record)
    {
        final byte[] utf8 = record.settingsText().getBytes(StandardCharsets.UTF_8);
        bytes.writeByte(SETTINGS);
        bytes.writeShort(SETTINGS_VERSION);
        bytes.writeLong(record.settingsDigest());
        bytes.writeLong(record.createdEpochNanos());
        bytes.writeInt(utf8.length);
        bytes.write(utf8);
        bytes.writeLong(settingsChecksum(record.settingsDigest(), record.createdEpochNanos(), utf8));
    }

    /**
     * Reads a SETTINGS record (the caller saw its type byte); the caller adds where it was to a failure.
     *
     * @throws JournalException if it is too new, truncated or its checksum does not match
     */
    static SettingsRecord readSettings(final Bytes<?> bytes)
    {
        final long length = bytes.readRemaining();
        if (length < PREFIX_LENGTH + 8 + 8 + 4 + CHECKSUM_LENGTH)
        {
            throw new JournalException("is a SETTINGS record of " + length + " bytes (truncated or corrupt)");
        }
        bytes.readByte();
        final short version = bytes.readShort();
        if (version != SETTINGS_VERSION)
        {
            throw new JournalException("is a SETTINGS record of version " + version + "; this reader knows version " +
                SETTINGS_VERSION + " (upgrade Peregrine to read it)");
        }
        final long digest = bytes.readLong();
        final long created = bytes.readLong();
        final int n = bytes.readInt();
        if (n < 0 || n > MAX_STRING_BYTES || n != bytes.readRemaining() - CHECKSUM_LENGTH)
        {
            throw new JournalException("is a SETTINGS record whose text length " + n + " does not fit its " + length +
                " bytes (truncated or corrupt)");
        }
        final byte[] utf8 = new byte[n];
        bytes.read(utf8);
        verifyChecksum(bytes.readLong(), settingsChecksum(digest, created, utf8));
        return new SettingsRecord(digest, new String(utf8, StandardCharsets.UTF_8), created);
    }

    private static long settingsChecksum(final long digest, final long created, final byte[] utf8)
    {
        long h = Hash64.mix(Hash64.mix(Hash64.SEED, digest), created);
        for (final byte b : utf8)
        {
            h = Hash64.mix(h, b);
        }
        return h;
    }
}
