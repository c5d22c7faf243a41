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

        /** A table of {@code capacity} holding orders #1, #2, ... with these quantities left. */
        static Ids of(final int capacity, final long... leavesQuantities)
        {
            final Ids rows = new Ids(capacity);
            for (int i = 0; i < leavesQuantities.length; i++)
            {
                rows.add(i + 1, leavesQuantities[i]);
            }
            return rows;
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
        final Ids rows = Ids.of(4, 10, 20, 30);
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
        final Ids rows = Ids.of(5, 0, 5, 0, 0, 7);
        rows.removeDone();
        assertThat(rows.rows()).containsExactly("#2:5", "#5:7");
        rows.removeDone();
        assertThat(rows.rows()).as("nothing done: nothing moves").containsExactly("#2:5", "#5:7");
    }

    @Test
    void aFullTableSaysSoAndAFreedRowCanBeUsedAgain()
    {
        final Ids rows = Ids.of(2, 1, 1);
        assertThat(rows.isFull()).isTrue();
        assertThat(rows.add(3, 1)).isFalse();
        rows.removeAt(0);
        assertThat(rows.add(3, 1)).isTrue();
        assertThat(rows.rows()).containsExactly("#2:1", "#3:1");
    }
}
