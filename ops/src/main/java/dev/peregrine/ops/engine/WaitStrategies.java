package dev.peregrine.ops.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;

/**
 * The ring's wait strategy by name. {@code busy-spin} and {@code yielding} give the lowest latency but
 * keep a core busy per consumer (three consumers: journal, core, outbound); {@code sleeping} and
 * {@code blocking} suit shared machines and CI.
 */
public final class WaitStrategies
{
    public static final String NAMES = "busy-spin, yielding, sleeping, blocking";

    private WaitStrategies()
    {
    }

    public static WaitStrategy byName(final String name)
    {
        switch (name.toLowerCase(Locale.ROOT))
        {
            case "busy-spin": return new BusySpinWaitStrategy();
            case "yielding": return new YieldingWaitStrategy();
            case "sleeping": return new SleepingWaitStrategy();
            case "blocking": return new BlockingWaitStrategy();
            default: throw new IllegalArgumentException("unknown wait strategy '" + name + "' (use one of: " + NAMES + ")");
        }
    }
}
