package dev.peregrine.journal;

import dev.peregrine.core.output.Hash64;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The decision journal's TAIL_REPAIR record: what {@link DecisionJournal#open} appends when it finds the
 * last decision torn (a crash, or a full disk, cut its write short). Appending after a torn record would
 * leave it in the middle of the decision journal, where it reads as damage; a reader that meets a torn-looking
 * record directly followed by the repair naming its index skips both. The input journal has the same
 * record ({@link JournalRecordCodec}); this one has its own type, as the decision queue has its own codec.
 * <pre>
 * offset size type   field
 *      0    1 int8   recordType     4 = DECISION_TAIL_REPAIR
 *      1    2 int16  recordVersion  1
 *      3    8 int64  tornIndex      the Chronicle index of the torn decision
 *     11    8 int64  checksum       Hash64 of tornIndex
 * </pre>
 */
final class DecisionTailRepair
{
    static final byte TYPE = 4;
    private static final short VERSION = 1;
    private static final int LENGTH = 19;

    private DecisionTailRepair()
    {
    }

    static void write(final Bytes<?> bytes, final long tornIndex)
    {
        bytes.writeByte(TYPE);
        bytes.writeShort(VERSION);
        bytes.writeLong(tornIndex);
        bytes.writeLong(Hash64.mix(Hash64.SEED, tornIndex));
    }

    /** Whether the document starts like a repair record (whatever its state). */
    static boolean looksLikeOne(final Bytes<?> bytes)
    {
        return bytes.readRemaining() > 0 && bytes.readByte(bytes.readPosition()) == TYPE;
    }

    /** The torn index a well-formed repair record names, or -1. */
    static long read(final Bytes<?> bytes)
    {
        final long start = bytes.readPosition();
        if (bytes.readRemaining() != LENGTH || bytes.readByte(start) != TYPE || bytes.readShort(start + 1) != VERSION)
        {
            return -1;
        }
        final long index = bytes.readLong(start + 3);
        return bytes.readLong(start + 11) == Hash64.mix(Hash64.SEED, index) ? index : -1;
    }
}
