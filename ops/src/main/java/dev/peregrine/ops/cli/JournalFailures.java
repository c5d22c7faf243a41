package dev.peregrine.ops.cli;

import dev.peregrine.journal.JournalException;

/**
 * The exit code of a journal failure, by the one rule of {@link ExitCodes}: a folder that is not a journal
 * at all (missing, a file, no queue files) was named by a wrong command line, exit 2; a journal whose data
 * is damaged (a file cut short, a corrupt record) or cannot be read is exit 1.
 */
public final class JournalFailures
{
    private JournalFailures()
    {
    }

    /** What a command throws for {@code ex}: a {@link UsageException} for a wrong folder, else {@code ex} itself (exit 1). */
    public static RuntimeException forCommandLine(final JournalException ex)
    {
        return ex.notAJournal() ? new UsageException(ex.getMessage()) : ex;
    }

    public static int exitCode(final JournalException ex)
    {
        return ex.notAJournal() ? ExitCodes.USAGE : ExitCodes.RUNTIME_FAILURE;
    }
}
