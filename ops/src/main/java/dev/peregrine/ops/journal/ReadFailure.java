package dev.peregrine.ops.journal;

import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.cli.ExitCodes;

import java.io.PrintWriter;

/**
 * What a {@code journal} subcommand does when a record cannot be read part-way (a damaged file): the
 * lines already printed stay as they are (each is complete and true), the error names the record's
 * index, and the exit code is {@value ExitCodes#RUNTIME_FAILURE} so a script knows the output stops short.
 */
final class ReadFailure
{
    private ReadFailure()
    {
    }

    static int report(final String command, final JournalException ex, final PrintWriter out, final PrintWriter err)
    {
        out.flush();
        err.println("peregrine: journal " + command + ": " + ex.getMessage());
        err.flush();
        return ExitCodes.RUNTIME_FAILURE;
    }
}
