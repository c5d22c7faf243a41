package dev.peregrine.gateway.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives mutated frames from real ones for the decoder fuzz tests: bit flips, truncations,
 * duplicated and removed spans, digits and letters replaced with troublemakers inside numbers and
 * strings, splices of two frames, and random bytes (sometimes not UTF-8). Seeded, so a failure
 * reproduces.
 */
public final class FrameMutator
{
    private static final String DIGIT_SUBSTITUTES = "0123456789.-eEN+x \"";
    private static final String LETTER_SUBSTITUTES = "abcdeABCDE_\\\"{}[]:,\u00e9";

    private final List<byte[]> seeds;
    private final SplittableRandom random;
    private final int maxLength;

    /** @param maxLength the longest frame to produce; {@code out} buffers must hold {@code maxLength + 64 + longest seed}. */
    public FrameMutator(final List<byte[]> seeds, final long seed, final int maxLength)
    {
        this.seeds = List.copyOf(seeds);
        this.random = new SplittableRandom(seed);
        this.maxLength = maxLength;
    }

    /** Writes one mutated frame into {@code out}; returns its length. */
    public int mutate(final byte[] out)
    {
        final byte[] seed = seeds.get(random.nextInt(seeds.size()));
        int length = seed.length;
        System.arraycopy(seed, 0, out, 0, length);
        final int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && length > 0; m++)
        {
            final int at = random.nextInt(length);
            switch (random.nextInt(8))
            {
                case 0: // flip bits of one byte
                    out[at] ^= (byte)(1 << random.nextInt(8));
                    break;
                case 1: // truncate
                    length = at;
                    break;
                case 2: // duplicate a span
                {
                    final int span = Math.min(1 + random.nextInt(64), length - at);
                    System.arraycopy(out, at, out, at + span, length - at);
                    length += span;
                    break;
                }
                case 3: // remove a span
                {
                    final int span = Math.min(1 + random.nextInt(64), length - at);
                    System.arraycopy(out, at + span, out, at, length - at - span);
                    length -= span;
                    break;
                }
                case 4: // substitute a digit (inside numbers and numeric strings) with a digit or a troublemaker
                {
                    final int digit = find(out, length, at, true);
                    if (digit >= 0)
                    {
                        out[digit] = (byte)DIGIT_SUBSTITUTES.charAt(random.nextInt(DIGIT_SUBSTITUTES.length()));
                    }
                    break;
                }
                case 5: // substitute a letter (inside keys and strings)
                {
                    final int letter = find(out, length, at, false);
                    if (letter >= 0)
                    {
                        out[letter] = (byte)LETTER_SUBSTITUTES.charAt(random.nextInt(LETTER_SUBSTITUTES.length()));
                    }
                    break;
                }
                case 6: // splice: this frame's head, another frame's tail
                {
                    final byte[] other = seeds.get(random.nextInt(seeds.size()));
                    final int from = random.nextInt(other.length);
                    System.arraycopy(other, from, out, at, other.length - from);
                    length = at + other.length - from;
                    break;
                }
                default: // a random byte, sometimes not UTF-8
                    out[at] = (byte)random.nextInt(256);
                    break;
            }
            if (length > maxLength)
            {
                length = maxLength;
            }
        }
        return length;
    }

    private static int find(final byte[] b, final int length, final int from, final boolean digit)
    {
        for (int i = 0; i < length; i++)
        {
            final int p = (from + i) % length;
            final boolean isDigit = b[p] >= '0' && b[p] <= '9';
            final boolean isLetter = (b[p] >= 'a' && b[p] <= 'z') || (b[p] >= 'A' && b[p] <= 'Z');
            if (digit ? isDigit : isLetter)
            {
                return p;
            }
        }
        return -1;
    }
}
