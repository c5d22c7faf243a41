package dev.peregrine.core.agent;

import org.agrona.ErrorHandler;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * The errors every {@link org.agrona.concurrent.Agent} of a process threw, counted by the agent's role: the one
 * error handler the agents' runners are given, so a failing duty cycle is never silent (the metrics sidecar
 * exports the counts as {@code peregrine_errors_total{type="agent"}}) and never kills its thread (Agrona's
 * {@code AgentRunner} carries on with the next duty cycle after an error it handed here).
 */
public final class AgentErrors
{
    private final Map<String, AtomicLong> byRole = new ConcurrentHashMap<>();
    private final ErrorHandler report;
    private volatile Throwable last;

    /** Counts errors and writes one line per error to standard error. */
    public AgentErrors()
    {
        this(error -> System.err.println("peregrine: " + error));
    }

    /** Counts errors and hands each, after counting, to {@code report} (a log, a test's list). */
    public AgentErrors(final ErrorHandler report)
    {
        this.report = report;
    }

    /** The handler for the agent named {@code role}: counts under that role, then reports. */
    public ErrorHandler forRole(final String role)
    {
        final AtomicLong count = byRole.computeIfAbsent(role, r -> new AtomicLong());
        return error ->
        {
            count.incrementAndGet();
            last = error;
            report.onError(new AgentFailure(role, error));
        };
    }

    /** Errors counted for {@code role} so far (0 for a role never seen). */
    public long count(final String role)
    {
        final AtomicLong count = byRole.get(role);
        return count == null ? 0 : count.get();
    }

    /** Errors counted over every role. */
    public long total()
    {
        long total = 0;
        for (final AtomicLong count : byRole.values())
        {
            total += count.get();
        }
        return total;
    }

    /** Every role that has a handler, with its count, in role order (for a stable metrics exposition). */
    public void forEach(final ObjLongConsumer<String> action)
    {
        new TreeMap<>(byRole).forEach((role, count) -> action.accept(role, count.get()));
    }

    /** The most recent error of any agent, or null. */
    public Throwable last()
    {
        return last;
    }

    /** An agent's error with the agent's role in its message, so the one line reported says who failed. */
    public static final class AgentFailure extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        AgentFailure(final String role, final Throwable cause)
        {
            super("agent " + role + " failed a duty cycle: " + cause, cause, false, false);
        }
    }
}
