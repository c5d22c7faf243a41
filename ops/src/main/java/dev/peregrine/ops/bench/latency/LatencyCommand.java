package dev.peregrine.ops.bench.latency;

import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code peregrine bench latency}: wire to wire, a market-data frame written by the simulated venue to the order
 * request it causes arriving back at the venue, for the engine as {@code run} assembles it and for a bare responder
 * on the same sockets (the floor). Being built: until then it says so and exits {@value ExitCodes#USAGE}.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = "Wire-to-wire latency of the engine against a bare responder on the same sockets (being built).")
public final class LatencyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().getErr().println("peregrine: bench latency: not built yet");
        return ExitCodes.USAGE;
    }
}
