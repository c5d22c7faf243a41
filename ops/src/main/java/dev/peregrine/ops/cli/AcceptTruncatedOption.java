package dev.peregrine.ops.cli;

import dev.peregrine.journal.JournalIntegrity;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code --accept-truncated}, the one flag every command that reads or appends to a journal takes to go on
 * past a {@code .cq4} file that was cut short (see JournalIntegrity): without it such a journal is refused
 * with exit 1; with it each damaged file is named once in a WARNING line on stderr saying what was lost,
 * and the command reads (or recovers from) what is left.
 */
public final class AcceptTruncatedOption
{
    @Option(names = JournalIntegrity.ACCEPT_FLAG,
        description = "Go on when a journal file was cut short (truncated): read what is left, after a WARNING line " +
            "saying what was lost. Without it such a journal is refused with exit 1.")
    private boolean accept;

    /** Makes this command's choice the process's, before it opens a journal; warnings go to {@code err}. */
    public void apply(final PrintWriter err)
    {
        if (accept)
        {
            JournalIntegrity.acceptTruncation(line ->
            {
                err.println(line);
                err.flush();
            });
        }
        else
        {
            JournalIntegrity.refuseTruncation(); // tests run many commands in one JVM
        }
    }
}
