package dev.peregrine.cluster;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.EventRecordCodec;
import net.openhft.chronicle.bytes.Bytes;
import dev.peregrine.shaded.agrona.DirectBuffer;
import dev.peregrine.shaded.agrona.concurrent.UnsafeBuffer;

/**
 * One inbound event as one cluster message: exactly the journal's EVENT record ({@link EventRecordCodec}, prefix,
 * type-driven payload and checksum), so the replicated log and the journal share one format and one codec, and a
 * corrupted message is refused by the same checksum.
 *
 * <p>Not thread-safe: one instance per thread (the ingress client's, the service's). Allocation-free after
 * construction: the record is written into, and read from, one array that Chronicle's bytes and Agrona's buffer
 * both wrap.
 */
public final class EventMessageCodec
{
    /** Larger than any EVENT record (the widest, an unknown type, is 195 bytes). */
    public static final int MAX_LENGTH = 256;

    private final byte[] array = new byte[MAX_LENGTH];
    private final Bytes<byte[]> bytes = Bytes.wrapForWrite(array);
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);

    public EventMessageCodec()
    {
        // The owner thread may not be the constructing one (a service is built before its container's thread runs).
        bytes.singleThreadedCheckDisabled(true);
    }

    /** Encodes {@code event}'s input fields from offset 0 of {@link #buffer()}; returns the length. */
    public int encode(final InboundEvent event)
    {
        bytes.clear();
        EventRecordCodec.writeEvent(bytes, event);
        return (int)bytes.writePosition();
    }

    /** The bytes of the last {@link #encode}. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Decodes the message at {@code offset} into {@code into}'s input fields (the others cleared, as a fresh slot).
     *
     * @throws IllegalArgumentException if the message is longer than any event record
     * @throws dev.peregrine.journal.JournalException if it is not a good EVENT record (bad length, type, checksum)
     */
    public void decode(final DirectBuffer source, final int offset, final int length, final InboundEvent into)
    {
        if (length > MAX_LENGTH)
        {
            throw new IllegalArgumentException("a cluster message of " + length + " bytes is no event record (at most " +
                MAX_LENGTH + "): only EventMessageCodec.encode's output belongs on the ingress");
        }
        source.getBytes(offset, array, 0, length);
        bytes.readPositionRemaining(0, length);
        EventRecordCodec.readEvent(bytes, into);
    }
}
