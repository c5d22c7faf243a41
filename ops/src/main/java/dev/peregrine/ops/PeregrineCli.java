package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueUsageException;
import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.JournalFailures;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code peregrine <command>}: the one entry point of the executable jar and of {@code ./peregrine}.
 * Exit codes, one rule for every command ({@link ExitCodes}): 0 success; 1 damaged data (a journal cut short,
 * a corrupt record) or a failure while running; 2 usage: a wrong command line or configuration.
 */
@Command(
    name = "peregrine",
    mixinStandardHelpOptions = true,
    version = "peregrine " + dev.peregrine.core.engine.EngineVersion.VERSION,
    description = "Low-latency trading engine: WebSocket gateway, Disruptor core, Chronicle journal.",
    subcommands = {RunCommand.class, ConfigCommand.class, DemoCommand.class, ReplayCommand.class, SimCommand.class, BacktestCommand.class, ReportCommand.class, DecisionsCommand.class, StatusCommand.class,
        JournalCommand.class, IndicatorsCommand.class, VerifyKeysCommand.class, BenchCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class PeregrineCli
{
    public static void main(final String[] args)
    {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns the exit code; tests call this instead of {@link #main}. */
    public static int run(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cli = new CommandLine(new PeregrineCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(ex -> ex instanceof UsageException || ex instanceof VenueUsageException ? ExitCodes.USAGE : ExitCodes.RUNTIME_FAILURE);
        cli.setParameterExceptionHandler((ex, arguments) ->
        {
            err.println("peregrine: " + ex.getMessage());
            // picocli reports a missing required option before an unknown one: name a mistyped option too,
            // or 'run --confg x.yaml' would only say that --config is missing.
            final CommandLine.ParseResult parsed = ex.getCommandLine().getParseResult();
            if (!(ex instanceof CommandLine.UnmatchedArgumentException) && parsed != null && !parsed.unmatched().isEmpty())
            {
                err.println("peregrine: unknown argument(s): " + String.join(", ", parsed.unmatched()));
            }
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            if (ex instanceof UsageException || ex instanceof VenueUsageException)
            {
                err.println("peregrine: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            if (ex instanceof JournalException)
            {
                // One line naming the folder, file or record (a damaged journal: exit 1), never a stack trace.
                err.println("peregrine: " + ex.getMessage());
                return JournalFailures.exitCode((JournalException)ex);
            }
            err.println("peregrine: " + commandLine.getCommandName() + " failed: " + ex);
            ex.printStackTrace(err);
            return ExitCodes.RUNTIME_FAILURE;
        });
        if (args.length == 0)
        {
            cli.usage(out);
            return ExitCodes.USAGE;
        }
        return cli.execute(args);
    }
}
