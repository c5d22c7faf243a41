package dev.peregrine.gateway.sim;

import org.agrona.concurrent.AgentTerminationException;

/**
 * Ends a replay agent on purpose (the capture is out, or the exchange closed first). Agrona 2.0 (the version
 * Aeron 1.47 runs with) hands every {@link AgentTerminationException} to the runner's error handler, having
 * no "expected" flag, so {@link ReplayAgents}' handler (and a test's invoker) recognise this type with
 * {@link #isExpected} and report no error for it, as Agrona 2.6's expected terminations were not reported.
 */
public final class ExpectedTermination extends AgentTerminationException
{
    private static final long serialVersionUID = 1L;

    ExpectedTermination(final String message, final Throwable cause)
    {
        super(message, cause, false, false);
    }

    /** Whether {@code error}, or the error it wraps (an agent failure naming the role), is a planned end. */
    public static boolean isExpected(final Throwable error)
    {
        return error instanceof ExpectedTermination || error != null && error.getCause() instanceof ExpectedTermination;
    }
}
