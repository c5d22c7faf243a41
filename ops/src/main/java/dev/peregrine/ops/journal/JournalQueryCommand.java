package dev.peregrine.ops.journal;

import dev.peregrine.journal.JournalException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A {@code journal} subcommand that reads one journal through the shared filters ({@link JournalQuery}): the
 * options are checked, the journal opened (what is wrong before the first event is a usage error), read by the
 * subcommand, and closed; a record that cannot be read part-way ends it as {@link ReadFailure} says.
 */
abstract class JournalQueryCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private JournalQuery query;

    /** Checks the subcommand's own options before the journal is opened; throws a usage error if one is off. */
    protected void checkOptions()
    {
    }

    /**
     * Reads the opened journal and prints what the subcommand prints.
     *
     * @return the exit code.
     * @throws JournalException when a record cannot be read: reported as a read failure, exit 1.
     */
    protected abstract int read(OpenJournal journal, PrintWriter out, PrintWriter err);

    protected final JournalQuery query()
    {
        return query;
    }

    @Override
    public final Integer call()
    {
        checkOptions();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final int code;
        try (OpenJournal journal = OpenJournal.open(query, err))
        {
            try
            {
                code = read(journal, out, err);
            }
            catch (final JournalException ex)
            {
                return ReadFailure.report(spec.name(), ex, out, err);
            }
        }
        out.flush();
        return code;
    }
}
