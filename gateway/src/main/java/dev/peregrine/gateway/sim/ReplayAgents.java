package dev.peregrine.gateway.sim;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * How a simulator's capture replay runs: an {@link Agent} on a thread of its own under {@link AgentThreads}
 * (thread name: the agent's role), its errors counted in an {@link AgentErrors} of its own (a simulator is
 * test and demo tooling: no engine metrics to feed), idling by spinning briefly, since the event loop
 * answers a handed-over batch in microseconds, then parking up to 1 ms, since a frame not yet due waits
 * at most that long past its time.
 */
public final class ReplayAgents
{
    private static final int SPINS = 100;
    private static final int YIELDS = 10;

    private ReplayAgents()
    {
    }

    /** Starts {@code agent} on its own daemon thread; {@link AgentRunner#close()} stops it. */
    public static AgentRunner start(final Agent agent)
    {
        return AgentThreads.start(agent, new BackoffIdleStrategy(SPINS, YIELDS, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1)), new AgentErrors());
    }
}
