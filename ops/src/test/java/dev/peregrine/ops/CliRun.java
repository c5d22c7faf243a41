package dev.peregrine.ops;

import java.io.PrintWriter;

/** One in-process run of the CLI, as a user's shell would see it: its exit code and the lines it printed. */
final class CliRun
{
    final LineCapture out = new LineCapture();
    final LineCapture err = new LineCapture();
    final int exit;

    CliRun(final String... args)
    {
        exit = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
