package dev.peregrine.gateway.sim.fault;

import java.util.List;
import java.util.function.Consumer;

/** The hooks a simulator exposes to the {@link FaultInjector}. */
public interface FaultTarget
{
    /** Runs {@code action} on the simulator's event loop with its open sessions and waits; returns how many. */
    int onSessions(Consumer<List<? extends SessionControl>> action);

    /** Stops market data (ticker, trades, level2) until {@code untilNanoTime}; heartbeats go on if asked. */
    void pauseData(long untilNanoTime, boolean heartbeatsToo);
}
