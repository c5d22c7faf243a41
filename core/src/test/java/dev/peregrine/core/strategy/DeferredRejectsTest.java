package dev.peregrine.core.strategy;

import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rejections waiting to be told after the callback that caused them: the bound and the rounds. */
class DeferredRejectsTest
{
    @Test
    void rejectsBeyondCapacityAreCountedAndThoseQueuedWhileTellingMoveToTheFront()
    {
        final DeferredRejects deferred = new DeferredRejects();
        for (int i = 0; i < DeferredRejects.CAPACITY + 2; i++)
        {
            deferred.add(i + 1, 0, RejectReason.values()[0], i);
        }
        assertThat(deferred.count()).isEqualTo(DeferredRejects.CAPACITY);
        assertThat(deferred.notTold()).isEqualTo(2);

        deferred.removeFirst(DeferredRejects.CAPACITY - 1);
        assertThat(deferred.count()).isEqualTo(1);
        assertThat(deferred.orderId(0)).isEqualTo(DeferredRejects.CAPACITY);
        assertThat(deferred.timeNanos(0)).isEqualTo(DeferredRejects.CAPACITY - 1);
        deferred.clear();
        assertThat(deferred.count()).isZero();
    }
}
