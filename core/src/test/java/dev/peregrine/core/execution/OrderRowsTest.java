package dev.peregrine.core.execution;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows leave the paper venue's tables in arrival order: removal shifts the later rows up, never swaps. */
class OrderRowsTest
{
    /** One extra column (an id per row), as the venue's tables have several. */
    private static final class Ids extends OrderRows
    {
        private final long[] id;

        Ids(final int capacity)
        {
            super(capacity);
            id = new long[capacity];
        }

        boolean add(final long orderId, final long leavesQuantity)
        {
            if (isFull())
            {
                return false;
            }
            id[count] = orderId;
            leaves[count] = leavesQuantity;
            count++;
            return true;
        }

        @Override
        protected void copy(final int from, final int to)
        {
            id[to] = id[from];
            leaves[to] = leaves[from];
        }

        List<String> rows()
        {
            final List<String> rows = new ArrayList<>();
            for (int i = 0; i < count(); i++)
            {
                rows.add("#" + id[i] + ":" + leaves[i]);
            }
            return rows;
        }
    }

    @Test
    void removeAtKeepsTheOthersInArrivalOrder()
    {
        final Ids rows = new Ids(4);
        rows.add(1, 10);
        rows.add(2, 20);
        rows.add(3, 30);
        rows.removeAt(0);
        assertThat(rows.rows()).containsExactly("#2:20", "#3:30");
        rows.removeAt(1);
        assertThat(rows.rows()).containsExactly("#2:20");
        rows.removeAt(0);
        assertThat(rows.count()).isZero();
    }

    @Test
    void removeDoneDropsOnlyTheRowsWithNothingLeftAndKeepsTheOrder()
    {
        final Ids rows = new Ids(5);
        rows.add(1, 0);
        rows.add(2, 5);
        rows.add(3, 0);
        rows.add(4, 0);
        rows.add(5, 7);
        rows.removeDone();
        assertThat(rows.rows()).containsExactly("#2:5", "#5:7");
        rows.removeDone();
        assertThat(rows.rows()).as("nothing done: nothing moves").containsExactly("#2:5", "#5:7");
    }

    @Test
    void aFullTableSaysSoAndAFreedRowCanBeUsedAgain()
    {
        final Ids rows = new Ids(2);
        assertThat(rows.add(1, 1)).isTrue();
        assertThat(rows.add(2, 1)).isTrue();
        assertThat(rows.isFull()).isTrue();
        assertThat(rows.add(3, 1)).isFalse();
        rows.removeAt(0);
        assertThat(rows.add(3, 1)).isTrue();
        assertThat(rows.rows()).containsExactly("#2:1", "#3:1");
    }
}
