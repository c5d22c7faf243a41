package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's contract, for every subcommand at every level: {@code --help} prints its usage and exits 0, an
 * unknown option exits 2 naming the option and the help to read; and the commands operators script
 * against exist.
 */
class CliContractTest
{
    private static List<String[]> allCommands()
    {
        final List<String[]> commands = new ArrayList<>();
        collect(new CommandLine(new PeregrineCli()), new ArrayList<>(), commands);
        return commands;
    }

    private static void collect(final CommandLine cli, final List<String> path, final List<String[]> commands)
    {
        for (final CommandLine sub : cli.getSubcommands().values())
        {
            final String name = sub.getCommandName();
            if ("help".equals(name))
            {
                continue;
            }
            final List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            if (!commands.stream().anyMatch(c -> List.of(c).equals(subPath)))
            {
                commands.add(subPath.toArray(new String[0]));
            }
            collect(sub, subPath, commands);
        }
    }

    private static int run(final LineCapture out, final LineCapture err, final String... args)
    {
        return PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theIssuedCommandsExist()
    {
        final List<String> names = allCommands().stream().map(c -> String.join(" ", c)).toList();
        assertThat(names).contains("run", "demo", "sim", "replay", "backtest", "indicators", "journal", "verify-keys",
            "config check", "journal stats", "journal tail", "journal dump", "report", "decisions");
    }

    @Test
    void everyCommandHasHelpAndRefusesAnUnknownOptionWithExitTwo()
    {
        for (final String[] command : allCommands())
        {
            final String name = String.join(" ", command);
            final String[] help = append(command, "--help");
            final LineCapture out = new LineCapture();
            final LineCapture err = new LineCapture();
            assertThat(run(out, err, help)).as("%s --help exit code; stderr %s", name, err.lines()).isZero();
            assertThat(out.lines()).as("%s --help", name).isNotEmpty();
            assertThat(out.lines().get(0)).as("%s --help", name).startsWith("Usage: peregrine " + name);

            final LineCapture badOut = new LineCapture();
            final LineCapture badErr = new LineCapture();
            assertThat(run(badOut, badErr, append(command, "--no-such-option"))).as("%s --no-such-option", name).isEqualTo(2);
            assertThat(String.join("\n", badErr.lines())).as("%s --no-such-option", name)
                .contains("--no-such-option").contains("try 'peregrine " + name + " --help'");
        }
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError()
    {
        assertThat(run(new LineCapture(), new LineCapture())).isEqualTo(2);
        final LineCapture err = new LineCapture();
        assertThat(run(new LineCapture(), err, "no-such-command")).isEqualTo(2);
        assertThat(String.join("\n", err.lines())).contains("no-such-command");
    }

    private static String[] append(final String[] command, final String arg)
    {
        final String[] args = java.util.Arrays.copyOf(command, command.length + 1);
        args[command.length] = arg;
        return args;
    }
}
