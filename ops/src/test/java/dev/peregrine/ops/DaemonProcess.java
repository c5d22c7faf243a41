package dev.peregrine.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code peregrine} command in a child JVM with its own environment and working folder: what an operator runs. */
final class DaemonProcess
{
    private DaemonProcess()
    {
    }

    static Path repositoryRoot()
    {
        return CrashRecoveryKillTest.jvmOptions().getParent();
    }

    static Process start(final Path workDir, final Map<String, String> environment, final Path log, final String... args)
        throws IOException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), PeregrineCli.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test gives: a PEREGRINE_* or COINBASE_* variable of the machine must not leak in.
        builder.environment().keySet().removeIf(k -> k.startsWith("PEREGRINE_") || k.startsWith("COINBASE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** As {@link #start}, with stdout and stderr in separate files (to read JSON lines apart from the human ones). */
    static Process startSplit(final Path workDir, final Map<String, String> environment, final Path stdout,
        final Path stderr, final String... args) throws IOException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), PeregrineCli.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PEREGRINE_") || k.startsWith("COINBASE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs a command to its end (bounded) and returns its exit code; the output is in {@code log}. */
    static int run(final Path workDir, final Map<String, String> environment, final Path log, final String... args)
        throws IOException, InterruptedException
    {
        final Process process = start(workDir, environment, log, args);
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("peregrine " + String.join(" ", args) + " did not finish within 60 s:\n" + read(log));
        }
        return process.exitValue();
    }

    static String read(final Path log) throws IOException
    {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits (bounded) until the log holds {@code text}; false if the process died or the time ran out first. */
    static boolean awaitOutput(final Process process, final Path log, final String text, final long seconds)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline)
        {
            if (read(log).contains(text))
            {
                return true;
            }
            if (!process.isAlive())
            {
                return read(log).contains(text);
            }
            Thread.sleep(50);
        }
        return false;
    }
}
