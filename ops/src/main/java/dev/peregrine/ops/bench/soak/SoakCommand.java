package dev.peregrine.ops.bench.soak;

import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code peregrine bench soak}: a placeholder that holds the subcommand's slot in {@code BenchCommand} until the
 * soak is built; it says so and exits {@value ExitCodes#USAGE}.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = "The daemon against a simulated venue for hours (not built yet).")
public final class SoakCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().getErr().println("peregrine: bench soak: not built yet");
        return ExitCodes.USAGE;
    }
}
