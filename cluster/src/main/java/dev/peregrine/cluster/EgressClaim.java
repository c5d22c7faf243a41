package dev.peregrine.cluster;

import dev.peregrine.shaded.agrona.DirectBuffer;
import dev.peregrine.shaded.agrona.concurrent.UnsafeBuffer;

/**
 * The message a new leader puts on the log before it sends any order: "member M, process N, sends from here".
 * Every member applies it at the same log position; the one whose process nonce it names starts sending with the
 * orders of the events after it, and first reconciles the orders the core holds open at that position with the
 * venue. Entries before the claim (an old leader's, or this member's own from before a restart, replayed) are never
 * sent again: a restarted process draws a new nonce, so its old claims name no one alive.
 *
 * <pre>
 * byte 'L' (no journal EVENT record starts with it), 3 bytes 0, int32 memberId, int64 nonce   (16 bytes)
 * </pre>
 */
final class EgressClaim
{
    static final int LENGTH = 16;
    private static final byte TAG = 'L';

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[LENGTH]);

    /** The claim of {@code memberId}'s process {@code nonce}, from offset 0 of the returned buffer. */
    DirectBuffer encode(final int memberId, final long nonce)
    {
        buffer.putByte(0, TAG);
        buffer.putByte(1, (byte)0);
        buffer.putByte(2, (byte)0);
        buffer.putByte(3, (byte)0);
        buffer.putInt(4, memberId);
        buffer.putLong(8, nonce);
        return buffer;
    }

    static boolean is(final DirectBuffer message, final int offset, final int length)
    {
        return length == LENGTH && message.getByte(offset) == TAG;
    }

    static int memberId(final DirectBuffer message, final int offset)
    {
        return message.getInt(offset + 4);
    }

    static long nonce(final DirectBuffer message, final int offset)
    {
        return message.getLong(offset + 8);
    }
}
