package dev.peregrine.ops;

import dev.peregrine.ops.bench.latency.LatencyCommand;
import dev.peregrine.ops.bench.soak.SoakCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code peregrine bench latency|soak}: measurements a user runs against the product as shipped, not micro-benchmarks
 * (those are JMH, in the bench module). {@code latency}: wire to wire, market-data frame out of the simulated venue
 * to the order it causes back in, against a bare responder on the same sockets. {@code soak}: the daemon against
 * {@code peregrine sim} for hours, sampling memory, threads, descriptors and errors. The subcommands live in
 * {@code dev.peregrine.ops.bench}. Exit codes: 0 measured, 1 a failure while measuring, 2 a bad option.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Measures the product as it runs: latency (wire to wire against the machine's floor),",
        "soak (the daemon against a simulated venue for hours: memory, threads, fds, errors)."},
    subcommands = {LatencyCommand.class, SoakCommand.class})
public final class BenchCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "bench needs a subcommand: latency or soak");
    }
}
