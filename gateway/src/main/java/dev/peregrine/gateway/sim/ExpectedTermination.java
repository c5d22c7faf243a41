package dev.peregrine.gateway.sim;

import org.agrona.concurrent.AgentTerminationException;

/**
 * Ends a replay agent on purpose (the capture is out, or the exchange closed first). Agrona 2.0 (the version
 * Aeron 1.47 runs with) hands every {@link AgentTerminationException} to the runner's error handler, having
 * no "expected" flag, so {@link ReplayAgents}' handler recognises this type and prints no error line for it.
 */
final class ExpectedTermination extends AgentTerminationException
{
    private static final long serialVersionUID = 1L;

    ExpectedTermination(final String message, final Throwable cause)
    {
        super(message, cause, false, false);
    }
}
