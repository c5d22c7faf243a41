package dev.peregrine.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.ImageFragmentAssembler;
import io.aeron.logbuffer.FragmentHandler;
import dev.peregrine.shaded.agrona.DirectBuffer;
import dev.peregrine.shaded.agrona.ExpandableArrayBuffer;
import dev.peregrine.shaded.agrona.concurrent.IdleStrategy;
import dev.peregrine.shaded.agrona.concurrent.UnsafeBuffer;

/**
 * The core's snapshot on an Aeron snapshot publication and back: a header message, then the state bytes in
 * chunks no larger than the publication's maximum message length (a core's state is far larger than one message).
 *
 * <pre>
 * header: int32 MAGIC, int32 VERSION, int64 appliedEvents, int64 clusterEpochMillis, int32 stateLength
 *         (28 bytes, little-endian; the epoch is the cluster time of the log's first event, which names the
 *         client order ids)
 * then:   the state (StateWriter's bytes) in ceil(stateLength / chunk) messages, in order
 * </pre>
 * The reader knows it is done when it holds {@code stateLength} bytes; a stream that ends first is refused.
 *
 * <p>Runs on the clustered service's thread (onTakeSnapshot, onStart); not thread-safe.
 */
final class SnapshotStream
{
    static final int MAGIC = 0x50_52_47_53; // "PRGS"
    static final int VERSION = 2;
    private static final int HEADER_LENGTH = 28;

    private SnapshotStream()
    {
    }

    /** Offers header and chunks, waiting with {@code idle} while the publication is back-pressured. */
    static void write(final ExclusivePublication publication, final IdleStrategy idle, final long appliedEvents,
        final long clusterEpochMillis, final org.agrona.DirectBuffer coreState, final int stateLength)
    {
        // The core writes with the project's Agrona, Aeron reads its own (relocated) one: one copy, off the hot path.
        final byte[] bytes = new byte[stateLength];
        coreState.getBytes(0, bytes, 0, stateLength);
        final UnsafeBuffer state = new UnsafeBuffer(bytes);
        final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        header.putInt(0, MAGIC);
        header.putInt(4, VERSION);
        header.putLong(8, appliedEvents);
        header.putLong(16, clusterEpochMillis);
        header.putInt(24, stateLength);
        offer(publication, idle, header, 0, HEADER_LENGTH);
        final int chunk = publication.maxMessageLength();
        for (int offset = 0; offset < stateLength; offset += chunk)
        {
            offer(publication, idle, state, offset, Math.min(chunk, stateLength - offset));
        }
    }

    private static void offer(final ExclusivePublication publication, final IdleStrategy idle, final DirectBuffer buffer,
        final int offset, final int length)
    {
        idle.reset();
        long result;
        while ((result = publication.offer(buffer, offset, length)) < 0)
        {
            if (result == ExclusivePublication.CLOSED || result == ExclusivePublication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("the snapshot publication refused the snapshot (" + result +
                    "): the consensus module closed it or its term is too small for the core's state");
            }
            idle.idle();
        }
    }

    /** A snapshot read back: how many events the state had applied, and the state bytes (for the core's reader). */
    record Loaded(long appliedEvents, long clusterEpochMillis, org.agrona.DirectBuffer state, int stateLength)
    {
    }

    /** Reads a whole snapshot from {@code image}, waiting with {@code idle} for fragments not yet there. */
    static Loaded read(final Image image, final IdleStrategy idle)
    {
        final Reader reader = new Reader();
        final ImageFragmentAssembler assembler = new ImageFragmentAssembler(reader);
        idle.reset();
        while (!reader.complete())
        {
            final int fragments = image.poll(assembler, 16);
            if (fragments == 0)
            {
                if (image.isEndOfStream() || image.isClosed())
                {
                    throw new IllegalStateException("the snapshot ended after " + reader.received + " of " +
                        reader.stateLength + " state bytes: it was cut short, take a new one");
                }
                idle.idle();
            }
        }
        return new Loaded(reader.appliedEvents, reader.clusterEpochMillis, new org.agrona.concurrent.UnsafeBuffer(reader.state.byteArray()), reader.stateLength);
    }

    private static final class Reader implements FragmentHandler
    {
        final ExpandableArrayBuffer state = new ExpandableArrayBuffer(1 << 16);
        long appliedEvents;
        long clusterEpochMillis;
        int stateLength = -1;
        int received;

        boolean complete()
        {
            return stateLength >= 0 && received == stateLength;
        }

        @Override
        public void onFragment(final DirectBuffer buffer, final int offset, final int length,
            final io.aeron.logbuffer.Header header)
        {
            if (stateLength < 0)
            {
                if (length != HEADER_LENGTH || buffer.getInt(offset) != MAGIC || buffer.getInt(offset + 4) != VERSION)
                {
                    throw new IllegalStateException("the snapshot does not start with a Peregrine core snapshot header " +
                        "(version " + VERSION + "): it was taken by another service or build");
                }
                appliedEvents = buffer.getLong(offset + 8);
                clusterEpochMillis = buffer.getLong(offset + 16);
                stateLength = buffer.getInt(offset + 24);
                return;
            }
            if (received + length > stateLength)
            {
                throw new IllegalStateException("the snapshot holds more than the " + stateLength +
                    " state bytes its header announced: it is damaged");
            }
            state.putBytes(received, buffer, offset, length);
            received += length;
        }
    }
}
