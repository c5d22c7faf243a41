package dev.peregrine.gateway.venue;

/**
 * A problem with what the user asked a venue for (a port in use, a capture of an unknown format, a key file
 * that is not a key): the command line prints it as one line and exits with its usage code, as it does for
 * its own usage errors. Thrown by the gateway's venue set-up code, which cannot see the command line's types.
 */
public final class VenueUsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public VenueUsageException(final String message)
    {
        super(message, null, false, false);
    }
}
