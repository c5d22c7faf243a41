package dev.peregrine.journal;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary format of the decision journal ({@code <journal>/decisions}, a Chronicle Queue of its own
 * beside the input journal): one DECISION record per order the core placed or refused, written by the
 * outbound stage once the input that caused it is journaled.
 *
 * <pre>
 * offset size type    field
 *      0    1 int8    recordType      3 = DECISION
 *      1    2 int16   formatVersion   {@value #FORMAT_VERSION} today
 *      3    4 int32   strategyId      0 = the engine itself (exits, flatten)
 *      7    8 int64   orderId
 *     15    4 int32   instrumentId
 *     19    4 int32   side            Side code
 *     23    4 int32   orderType       OrderType ordinal (append-only)
 *     27    8 int64   quantity        scaled
 *     35    8 int64   limitPrice      scaled, 0 for market orders
 *     43    8 int64   timeNanos       event time of the decision
 *     51    8 int64   bidPrice        best bid the decision saw (scaled, 0 = none)
 *     59    8 int64   bidQuantity
 *     67    8 int64   askPrice
 *     75    8 int64   askQuantity
 *     83    8 int64   position        engine position in the instrument before the order (scaled)
 *     91    4 int32   checksPassed    risk checks passed (all of them when accepted)
 *     95    4 int32   outcome         RejectReason ordinal (append-only); 0 = NONE = sent
 *     99    4 int32   causeType       EventType code of the input that caused it
 *    103    .  utf8   signal          Chronicle stop-bit length, then UTF-8
 *      .    1 int8    valueCount      0..8
 *      .    .         values          valueCount x (utf8 name, float64 value)
 *  end-8    8 int64   checksum        Hash64 over the fixed fields, the strings' hash codes and the values
 * </pre>
 */
public final class DecisionRecordCodec
{
    public static final byte DECISION = 3;
    public static final short FORMAT_VERSION = 1;

    private DecisionRecordCodec()
    {
    }

    /** Writes {@code r}; allocation-free (strings are written from the record's own references). */
    static void write(final Bytes<?> bytes, final DecisionRecord r)
    {
        bytes.writeByte(DECISION);
        bytes.writeShort(FORMAT_VERSION);
        bytes.writeInt(r.strategyId());
        bytes.writeLong(r.orderId());
        bytes.writeInt(r.instrumentId());
        bytes.writeInt(r.side());
        bytes.writeInt(r.type().ordinal());
        bytes.writeLong(r.quantity());
        bytes.writeLong(r.limitPrice());
        bytes.writeLong(r.timeNanos());
        bytes.writeLong(r.bidPrice());
        bytes.writeLong(r.bidQuantity());
        bytes.writeLong(r.askPrice());
        bytes.writeLong(r.askQuantity());
        bytes.writeLong(r.position());
        bytes.writeInt(r.checksPassed());
        bytes.writeInt(r.outcome().ordinal());
        bytes.writeInt(r.causeType());
        bytes.writeUtf8(r.signal());
        bytes.writeByte((byte)r.valueCount());
        for (int i = 0; i < r.valueCount(); i++)
        {
            bytes.writeUtf8(r.valueName(i) == null ? "" : r.valueName(i));
            bytes.writeDouble(r.value(i));
        }
        bytes.writeLong(checksum(r));
    }

    /**
     * Reads one record into {@code into}, using {@code note} as scratch for the strategy's part.
     *
     * @throws JournalException when the record is not a DECISION of a known version, or its checksum fails.
     */
    static void read(final Bytes<?> bytes, final DecisionRecord note, final DecisionRecord into)
    {
        final byte type = bytes.readByte();
        if (type != DECISION)
        {
            throw new JournalException("is not a decision record (record type " + type + ")");
        }
        final short version = bytes.readShort();
        if (version < 1 || version > FORMAT_VERSION)
        {
            throw new JournalException("is decision format version " + version + ", newer than this engine reads (" +
                FORMAT_VERSION + "): use a newer Peregrine");
        }
        final int strategyId = bytes.readInt();
        final long orderId = bytes.readLong();
        final int instrumentId = bytes.readInt();
        final int side = bytes.readInt();
        final int typeOrdinal = bytes.readInt();
        final long quantity = bytes.readLong();
        final long limitPrice = bytes.readLong();
        final long timeNanos = bytes.readLong();
        final long bid = bytes.readLong();
        final long bidQty = bytes.readLong();
        final long ask = bytes.readLong();
        final long askQty = bytes.readLong();
        final long position = bytes.readLong();
        final int checksPassed = bytes.readInt();
        final int outcome = bytes.readInt();
        final int causeType = bytes.readInt();
        if (typeOrdinal < 0 || typeOrdinal >= OrderType.values().length || outcome < 0 ||
            outcome >= RejectReason.values().length)
        {
            throw new JournalException("has an unknown order type " + typeOrdinal + " or outcome " + outcome);
        }
        note.clearExplanation();
        note.signal(bytes.readUtf8());
        final int values = bytes.readByte();
        if (values < 0 || values > DecisionRecord.MAX_VALUES)
        {
            throw new JournalException("claims " + values + " values (at most " + DecisionRecord.MAX_VALUES + ")");
        }
        for (int i = 0; i < values; i++)
        {
            final String name = bytes.readUtf8();
            note.value(name, bytes.readDouble());
        }
        into.record(note, strategyId, orderId, instrumentId, side, OrderType.values()[typeOrdinal], quantity, limitPrice,
            timeNanos, causeType);
        into.book(bid, bidQty, ask, askQty);
        into.verdict(position, checksPassed, RejectReason.values()[outcome]);
        final long stored = bytes.readLong();
        if (stored != checksum(into))
        {
            throw new JournalException("fails its checksum: the record is damaged");
        }
    }

    private static long checksum(final DecisionRecord r)
    {
        return r.hash(Hash64.SEED);
    }
}
