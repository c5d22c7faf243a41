package dev.peregrine.bench.handoff;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark must measure correct code: every hand-off delivers every event exactly once, in order,
 * with its payload intact, both in batches that wrap a small ring many times and one event at a time.
 * No timing is asserted; the timeout only stops a hung consumer from hanging the build.
 */
@Timeout(60)
class HandoffDeliveryTest
{
    private static final int SMALL_CAPACITY = 8;

    static Stream<Arguments> handoffs()
    {
        return Stream.of(
            Arguments.of("Disruptor YIELDING",
                (IntFunction<Handoff>)capacity -> new DisruptorHandoff(capacity, WaitStrategyKind.YIELDING.newWaitStrategy())),
            Arguments.of("Disruptor BUSY_SPIN",
                (IntFunction<Handoff>)capacity -> new DisruptorHandoff(capacity, WaitStrategyKind.BUSY_SPIN.newWaitStrategy())),
            Arguments.of("ArrayBlockingQueue", (IntFunction<Handoff>)QueueHandoff::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs")
    void deliversEveryEventOnceAndInOrderInBatches(final String name, final IntFunction<Handoff> factory)
    {
        final int batches = 50;
        final int batchSize = 1_000; // much larger than the ring, so the producer waits on a full ring

        try (Handoff handoff = factory.apply(SMALL_CAPACITY))
        {
            handoff.start();
            for (int i = 0; i < batches; i++)
            {
                handoff.sendAndAwait(batchSize);
            }

            assertDelivered(handoff, (long)batches * batchSize);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs")
    void deliversEveryEventOnceAndInOrderOneAtATime(final String name, final IntFunction<Handoff> factory)
    {
        final int events = 2_000;

        try (Handoff handoff = factory.apply(SMALL_CAPACITY))
        {
            handoff.start();
            for (int i = 1; i <= events; i++)
            {
                assertThat(handoff.sendAndAwait(1)).isEqualTo(i);
                assertThat(handoff.consumed().lastSequence()).isEqualTo(i);
            }

            assertDelivered(handoff, events);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoffs")
    void closeStopsTheConsumerAfterItHasTakenEverything(final String name, final IntFunction<Handoff> factory)
    {
        final Handoff handoff = factory.apply(SMALL_CAPACITY);
        handoff.start();
        handoff.sendAndAwait(100);

        handoff.close();

        assertDelivered(handoff, 100);
    }

    private static void assertDelivered(final Handoff handoff, final long events)
    {
        final ConsumedEvents consumed = handoff.consumed();
        assertThat(handoff.lastPublished()).isEqualTo(events);
        assertThat(consumed.count()).as("events consumed").isEqualTo(events);
        assertThat(consumed.outOfOrderCount()).as("events lost, repeated or out of order").isZero();
        assertThat(consumed.lastSequence()).as("last sequence consumed").isEqualTo(events);
        assertThat(consumed.checksum()).as("payload checksum").isEqualTo(HandoffPayload.expectedChecksum(events));
    }
}
