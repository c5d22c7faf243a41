package dev.peregrine.gateway.json;

/**
 * Validates multi-byte UTF-8 sequences in place. Netty's own validator would close the connection on a
 * bad byte; the gateway switches it off and checks here instead, so one bad frame is counted and
 * dropped while the connection, and the market data behind it, keeps flowing.
 */
final class Utf8
{
    private Utf8()
    {
    }

    /**
     * Skips the sequence whose lead byte (at or above 0x80) is at {@code p}, rejecting overlong forms,
     * surrogates and code points above U+10FFFF.
     *
     * @return the index after the sequence, or -1 if it is not valid UTF-8.
     */
    static int skipSequence(final byte[] b, final int p, final int limit)
    {
        final int lead = b[p] & 0xFF;
        final int count;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            count = 1;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            count = 2;
            if (lead == 0xE0)
            {
                min = 0xA0;
            }
            else if (lead == 0xED)
            {
                max = 0x9F;
            }
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            count = 3;
            if (lead == 0xF0)
            {
                min = 0x90;
            }
            else if (lead == 0xF4)
            {
                max = 0x8F;
            }
        }
        else
        {
            return -1;
        }
        if (p + count >= limit)
        {
            return -1;
        }
        final int second = b[p + 1] & 0xFF;
        if (second < min || second > max)
        {
            return -1;
        }
        for (int i = p + 2; i <= p + count; i++)
        {
            final int next = b[i] & 0xFF;
            if (next < 0x80 || next > 0xBF)
            {
                return -1;
            }
        }
        return p + count + 1;
    }
}
