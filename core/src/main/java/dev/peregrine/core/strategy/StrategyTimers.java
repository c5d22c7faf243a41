package dev.peregrine.core.strategy;

import dev.peregrine.core.output.Hash64;

/**
 * The timers one strategy has set ({@link StrategyContext#scheduleTimer}): at most {@link #MAX_TIMERS}, kept
 * in the order they were first set, so firing order and the state hash do not depend on anything but the
 * inputs. Fixed arrays: setting, moving and firing a timer allocate nothing.
 */
final class StrategyTimers
{
    /** Timers one strategy can have set at once. */
    static final int MAX_TIMERS = 16;

    private final int[] ids = new int[MAX_TIMERS];
    private final long[] due = new long[MAX_TIMERS];
    private int count;
    private final int[] firing = new int[MAX_TIMERS];

    /** Sets (or moves) a timer; false if {@link #MAX_TIMERS} others are already set. */
    boolean schedule(final int timerId, final long atNanos)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == timerId)
            {
                due[i] = atNanos;
                return true;
            }
        }
        if (count == MAX_TIMERS)
        {
            return false;
        }
        ids[count] = timerId;
        due[count] = atNanos;
        count++;
        return true;
    }

    boolean cancel(final int timerId)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == timerId)
            {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    /**
     * Takes the timers due at {@code timeNanos} out and returns how many; their ids are then
     * {@link #firing(int)}. They are taken out before any is told, because a timer callback may set timers again.
     */
    int takeDue(final long timeNanos)
    {
        int taken = 0;
        for (int i = 0; i < count; )
        {
            if (due[i] <= timeNanos)
            {
                firing[taken++] = ids[i];
                removeAt(i);
            }
            else
            {
                i++;
            }
        }
        return taken;
    }

    /** The id of the {@code index}th timer of the last {@link #takeDue}. */
    int firing(final int index)
    {
        return firing[index];
    }

    /** Drops every timer (a disabled strategy is told nothing more). */
    void clear()
    {
        count = 0;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, count);
        for (int i = 0; i < count; i++)
        {
            h = Hash64.mix(h, ids[i]);
            h = Hash64.mix(h, due[i]);
        }
        return h;
    }

    private void removeAt(final int index)
    {
        final int tail = count - index - 1;
        System.arraycopy(ids, index + 1, ids, index, tail);
        System.arraycopy(due, index + 1, due, index, tail);
        count--;
    }
}
