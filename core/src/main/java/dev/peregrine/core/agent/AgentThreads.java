package dev.peregrine.core.agent;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

/**
 * Starts an {@link Agent} on a thread of its own under Agrona's {@link AgentRunner}: the one way Peregrine runs a
 * loop off the ring (timers, housekeeping, sidecars, simulators). The agent's duty cycle is the same code a test
 * or a replay drives inline with {@link org.agrona.concurrent.AgentInvoker}; the {@link IdleStrategy} decides how
 * a cycle that did no work waits; errors go to {@link AgentErrors} under the agent's role.
 */
public final class AgentThreads
{
    private AgentThreads()
    {
    }

    /**
     * Starts {@code agent} on a daemon thread; Agrona names the thread after the agent's role, so roles read like
     * thread names ({@code peregrine-timer}). {@link AgentRunner#close()} stops it: it returns after the agent's
     * {@code onClose} ran, so nothing the agent does happens after that.
     */
    public static AgentRunner start(final Agent agent, final IdleStrategy idle, final AgentErrors errors)
    {
        final AgentRunner runner = new AgentRunner(idle, errors.forRole(agent.roleName()), null, agent);
        AgentRunner.startOnThread(runner, task ->
        {
            final Thread thread = new Thread(task, agent.roleName());
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }
}
