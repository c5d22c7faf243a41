package dev.peregrine.core.snapshot;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A bounded little-endian cursor over the bytes of a state stream ({@link StateWriter}'s layout): every read
 * checks the stream's end first, so damaged or cut bytes surface as an {@link IndexOutOfBoundsException}
 * (which {@link StateReader} turns into a {@link SnapshotMismatchException}), never as a read past the record.
 */
final class StateInput
{
    private final DirectBuffer buffer;
    private final int limit;
    private int position;

    StateInput(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Where the next read starts. */
    int position()
    {
        return position;
    }

    /** Bytes left before the stream's end. */
    int remaining()
    {
        return limit - position;
    }

    byte getByte()
    {
        return buffer.getByte(check(1));
    }

    short getShort()
    {
        return buffer.getShort(check(2), ByteOrder.LITTLE_ENDIAN);
    }

    int getInt()
    {
        return buffer.getInt(check(4), ByteOrder.LITTLE_ENDIAN);
    }

    long getLong()
    {
        return buffer.getLong(check(8), ByteOrder.LITTLE_ENDIAN);
    }

    /** A UTF-8 string, its int length first. */
    String getString()
    {
        final int length = buffer.getInt(check(4), ByteOrder.LITTLE_ENDIAN);
        check(length);
        return buffer.getStringUtf8(position - 4 - length, ByteOrder.LITTLE_ENDIAN);
    }

    /** Moves past {@code n} bytes and returns where they start, or throws if the stream ends first. */
    private int check(final int n)
    {
        if (n < 0 || position + n > limit)
        {
            throw new IndexOutOfBoundsException("the snapshot's state ends early at byte " + position);
        }
        final int at = position;
        position += n;
        return at;
    }
}
