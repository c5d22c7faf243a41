package dev.peregrine.ops;

import dev.peregrine.ops.journal.JournalDumpCommand;
import dev.peregrine.ops.journal.JournalStatsCommand;
import dev.peregrine.ops.journal.JournalTailCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParameterException;

import java.util.concurrent.Callable;

/**
 * {@code peregrine journal stats|tail|dump --journal DIR [--from TIME] [--to TIME] [--type T] [--product P]}:
 * looks inside a journal without replaying it. The subcommands live in {@code dev.peregrine.ops.journal}.
 * Exit codes: 0 success, 1 a damaged record part-way (what was printed before it stays valid),
 * 2 a bad folder, a journal of a newer format or a bad option.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Inspects a journal: stats (counts, span, size), tail (last events, --follow for new ones), dump (JSON lines).",
    subcommands = {JournalStatsCommand.class, JournalTailCommand.class, JournalDumpCommand.class})
public final class JournalCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "journal needs a subcommand: stats, tail or dump");
    }
}
