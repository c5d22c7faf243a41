package dev.peregrine.bench.handoff;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The inbound hand-off, one producer to one consumer: the Disruptor ring against an
 * {@code ArrayBlockingQueue} of the same capacity, in the same run.
 *
 * <p>Thread layout: the JMH benchmark thread is the producer; each hand-off owns one consumer thread.
 * On a 2-core machine that is one core each, so the Disruptor consumer's wait strategy is a parameter
 * ({@link WaitStrategyKind#YIELDING} leaves room for JMH's own threads and the OS; BUSY_SPIN does not).
 *
 * <p>Two measurements:
 * <ul>
 *   <li>{@code *Throughput}: each invocation publishes {@link #BATCH} events back to back and returns
 *   only when the consumer has finished with the last one, so the score counts events that really
 *   arrived, not events parked in a buffer. Draining once per batch costs one hand-off latency per
 *   {@value #BATCH} events.</li>
 *   <li>{@code *RoundTrip}: one event published, then the producer waits for the consumer's
 *   acknowledgement ({@link ConsumedEvents#lastSequence()}); JMH samples each round trip, which gives
 *   the percentiles. The acknowledgement path is the same for both, so the difference is the hand-off.</li>
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandoffBenchmark
{
    /** Events per throughput invocation: large against the ring, so the drain at the end is noise. */
    public static final int BATCH = 10_000;

    @State(Scope.Thread)
    public static class DisruptorState
    {
        @Param("1024")
        public int capacity;

        @Param({"YIELDING", "BUSY_SPIN"})
        public WaitStrategyKind waitStrategy;

        DisruptorHandoff handoff;

        @Setup(Level.Trial)
        public void setUp()
        {
            handoff = new DisruptorHandoff(capacity, waitStrategy.newWaitStrategy());
            handoff.start();
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            handoff.close();
            HandoffChecks.assertDeliveredInOrder(handoff);
        }
    }

    @State(Scope.Thread)
    public static class QueueState
    {
        @Param("1024")
        public int capacity;

        QueueHandoff handoff;

        @Setup(Level.Trial)
        public void setUp()
        {
            handoff = new QueueHandoff(capacity);
            handoff.start();
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            handoff.close();
            HandoffChecks.assertDeliveredInOrder(handoff);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long disruptorThroughput(final DisruptorState state)
    {
        return state.handoff.sendAndAwait(BATCH);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long queueThroughput(final QueueState state)
    {
        return state.handoff.sendAndAwait(BATCH);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long disruptorRoundTrip(final DisruptorState state)
    {
        return state.handoff.sendAndAwait(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long queueRoundTrip(final QueueState state)
    {
        return state.handoff.sendAndAwait(1);
    }
}
