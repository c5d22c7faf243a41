package dev.peregrine.ops.cli;

/** Process exit codes, the same for every subcommand. */
public final class ExitCodes
{
    public static final int OK = 0;
    /** Something failed while running. */
    public static final int RUNTIME_FAILURE = 1;
    /** The command line or configuration is wrong; nothing was started. */
    public static final int USAGE = 2;

    private ExitCodes()
    {
    }
}
