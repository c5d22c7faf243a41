package dev.peregrine.core.execution;

/**
 * The bookkeeping the paper venue's order tables share: rows of pre-allocated parallel arrays, one row an
 * order, kept in arrival order, with the quantity each still has to fill. Removing a row shifts the later
 * ones up rather than swapping in the last, because arrival order is what the tables mean (time priority
 * for resting orders, deadline order for working ones).
 *
 * <p>A subclass owns its other columns and copies a whole row in {@link #copy}; only two subclasses exist, so
 * that call stays bimorphic and inlines. Core thread only; nothing is allocated after construction.
 */
abstract class OrderRows
{
    /** Quantity each row still has to fill (scaled); a row at 0 is done. */
    protected final long[] leaves;
    protected int count;

    protected OrderRows(final int capacity)
    {
        leaves = new long[capacity];
    }

    final int count()
    {
        return count;
    }

    final boolean isFull()
    {
        return count == leaves.length;
    }

    /** Copies every column of row {@code from} to row {@code to}. */
    protected abstract void copy(int from, int to);

    /** Removes row {@code index}, keeping the others in arrival order. */
    final void removeAt(final int index)
    {
        for (int i = index + 1; i < count; i++)
        {
            copy(i, i - 1);
        }
        count--;
    }

    /** Removes the rows with nothing left, keeping the others in arrival order. */
    final void removeDone()
    {
        int write = 0;
        for (int read = 0; read < count; read++)
        {
            if (leaves[read] > 0)
            {
                if (write != read)
                {
                    copy(read, write);
                }
                write++;
            }
        }
        count = write;
    }
}
