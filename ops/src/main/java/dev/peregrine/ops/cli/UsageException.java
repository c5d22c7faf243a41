package dev.peregrine.ops.cli;

/**
 * A problem with what the user asked for (an unknown product, a port in use, an unwritable journal
 * folder): printed as one line, exit code {@value ExitCodes#USAGE}, nothing left running.
 */
public final class UsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public UsageException(final String message)
    {
        super(message, null, false, false);
    }
}
