package dev.peregrine.core.perpetual;

import dev.peregrine.core.output.Hash64;

/**
 * The last {@link #capacity()} marks of one instrument with their event times, newest first by age, and their mean:
 * a strategy's view of the mark's recent path (a premium over the index, a trend of the mark). A ring of longs;
 * the running sum is exact (a thousand marks of a million each stay far inside a long). Core thread only; no
 * allocation.
 */
public final class MarkWindow
{
    /** Marks kept per instrument unless told otherwise: two minutes of Binance's 1 s marks. */
    public static final int DEFAULT_CAPACITY = 120;

    private final long[] marks;
    private final long[] times;
    private int head;
    private int count;
    private long sum;

    public MarkWindow(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("a mark window holds at least 1 mark, was " + capacity);
        }
        marks = new long[capacity];
        times = new long[capacity];
    }

    /** Adds the newest mark (scaled, > 0; others are ignored) seen at {@code timeNanos}. */
    public void add(final long timeNanos, final long mark)
    {
        if (mark <= 0)
        {
            return;
        }
        if (count == marks.length)
        {
            sum -= marks[head];
        }
        else
        {
            count++;
        }
        marks[head] = mark;
        times[head] = timeNanos;
        sum += mark;
        head = head + 1 == marks.length ? 0 : head + 1;
    }

    public int capacity()
    {
        return marks.length;
    }

    /** How many marks it holds (at most {@link #capacity()}). */
    public int size()
    {
        return count;
    }

    /** The mark {@code age} marks ago (0 = the newest), scaled; 0 when it holds fewer. */
    public long mark(final int age)
    {
        return age < 0 || age >= count ? 0 : marks[slot(age)];
    }

    /** The event time of the mark {@code age} marks ago, epoch nanoseconds; 0 when it holds fewer. */
    public long timeNanos(final int age)
    {
        return age < 0 || age >= count ? 0 : times[slot(age)];
    }

    /** The newest mark, scaled; 0 when empty. */
    public long latest()
    {
        return mark(0);
    }

    /** The mean of the marks held, scaled (rounded towards zero); 0 when empty. */
    public long mean()
    {
        return count == 0 ? 0 : sum / count;
    }

    private int slot(final int age)
    {
        final int s = head - 1 - age;
        return s < 0 ? s + marks.length : s;
    }

    /** Mixes the marks held, oldest first, into {@code seed}. */
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (int age = count - 1; age >= 0; age--)
        {
            h = Hash64.mix(h, marks[slot(age)]);
            h = Hash64.mix(h, times[slot(age)]);
        }
        return h;
    }
}
