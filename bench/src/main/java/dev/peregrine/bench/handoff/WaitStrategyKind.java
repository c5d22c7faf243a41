package dev.peregrine.bench.handoff;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The Disruptor consumer's wait strategies the benchmark compares; a JMH {@code @Param}. */
public enum WaitStrategyKind
{
    /** Spins 100 times, then yields: low latency, and it still lets other threads onto a busy core. */
    YIELDING
    {
        @Override
        public WaitStrategy newWaitStrategy()
        {
            return new YieldingWaitStrategy();
        }
    },

    /** Never gives up its core: the lowest latency, but only fair when the consumer has a core of its own. */
    BUSY_SPIN
    {
        @Override
        public WaitStrategy newWaitStrategy()
        {
            return new BusySpinWaitStrategy();
        }
    };

    public abstract WaitStrategy newWaitStrategy();
}
