package dev.peregrine.ops;

import dev.peregrine.ops.data.DataDownloadCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code peregrine data}: historical data for backtests; {@code data download} is {@link DataDownloadCommand}. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Historical data for backtests: 'data download' fetches it from a venue's public sources.",
    subcommands = {DataDownloadCommand.class})
public final class DataCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "data needs a subcommand: download");
    }
}
