package dev.peregrine.core.snapshot;

/**
 * A failure the engine had recorded (a disabled strategy's, the core's last error) when a snapshot was
 * taken, as restored from it: a snapshot keeps what the failure printed, not its class or stack trace, and
 * this prints the same, so status lines and health after a restart read as after a full replay.
 */
public final class RestoredFailure extends RuntimeException
{
    private final String printed;

    public RestoredFailure(final String printed)
    {
        super(printed, null, false, false);
        this.printed = printed;
    }

    @Override
    public String toString()
    {
        return printed;
    }
}
