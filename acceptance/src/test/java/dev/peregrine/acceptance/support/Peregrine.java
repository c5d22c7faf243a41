package dev.peregrine.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code peregrine} CLI in a child JVM, started the way {@code ./peregrine} starts it: {@code java
 * @jvm.options} and the main class {@code dev.peregrine.ops.PeregrineCli}, on the classpath of the built ops
 * module (this module's test classpath, which is ops and its dependencies: what the shaded jar holds). Each
 * command runs in its case's folder with stdout and stderr in files there, and an environment with no
 * {@code PEREGRINE_*} or {@code COINBASE_*} variable of the machine, only those the case gives.
 */
public final class Peregrine
{
    private static final String MAIN = "dev.peregrine.ops.PeregrineCli";

    private Peregrine()
    {
    }

    /** A finished command: its exit code and what it printed. */
    public record Result(String command, int exitCode, String stdout, String stderr, double seconds)
    {
        /** stdout then stderr: where a user's terminal shows both. */
        public String output()
        {
            return stdout + stderr;
        }

        /** For assertion messages: the command and everything it printed. */
        public String describe()
        {
            return "$ peregrine " + command + "\n(exit " + exitCode + " after " + String.format("%.1f", seconds) + " s)\n" +
                output();
        }
    }

    /** Runs a command to its end within {@code timeout}; a command still running then is killed and fails the case. */
    public static Result run(final Path workDir, final Map<String, String> environment, final Duration timeout,
        final String... args)
    {
        final Running running = start(workDir, environment, args);
        final boolean finished = running.waitFor(timeout);
        if (!finished)
        {
            running.kill9();
            throw new AssertionError("peregrine " + String.join(" ", args) + " did not finish within " + timeout +
                ":\n" + running.stdout() + running.stderr());
        }
        return running.result();
    }

    public static Result run(final Path workDir, final Duration timeout, final String... args)
    {
        return run(workDir, Map.of(), timeout, args);
    }

    /** Starts a command that runs until stopped (a daemon, a long demo); the case stops it. */
    public static Running start(final Path workDir, final Map<String, String> environment, final String... args)
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + Workspace.root().resolve("jvm.options"),
            "-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(List.of(args));
        final String name = args.length == 0 ? "peregrine" : args[0];
        final Path stdout = unique(workDir, name + ".out");
        final Path stderr = unique(workDir, name + ".err");
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PEREGRINE_") || k.startsWith("COINBASE_"));
        builder.environment().putAll(environment);
        try
        {
            return new Running(String.join(" ", args), builder.start(), stdout, stderr, System.nanoTime());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static Path unique(final Path dir, final String name)
    {
        Path file = dir.resolve(name);
        for (int i = 2; Files.exists(file); i++)
        {
            file = dir.resolve(name.replace(".", "-" + i + "."));
        }
        return file;
    }

    /** A command still running: its output so far, waits for a line, and the two ways a user stops it. */
    public static final class Running
    {
        private final String command;
        private final Process process;
        private final Path stdout;
        private final Path stderr;
        private final long started;
        private long ended;

        Running(final String command, final Process process, final Path stdout, final Path stderr, final long started)
        {
            this.command = command;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
            this.started = started;
        }

        public String stdout()
        {
            return read(stdout);
        }

        public String stderr()
        {
            return read(stderr);
        }

        public boolean isAlive()
        {
            return process.isAlive();
        }

        /**
         * Waits (at most {@code seconds}) until stdout or stderr matches {@code pattern} and returns the match;
         * fails the case, with everything printed so far, if the process ends or the time runs out first.
         */
        public Matcher await(final Pattern pattern, final long seconds)
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true)
            {
                final boolean alive = process.isAlive();
                final Matcher m = pattern.matcher(stdout() + stderr());
                if (m.find())
                {
                    return m;
                }
                if (!alive || System.nanoTime() > deadline)
                {
                    throw new AssertionError("peregrine " + command + (alive ? " printed no line matching '" + pattern +
                        "' within " + seconds + " s" : " ended (exit " + process.exitValue() + ") before printing '" + pattern +
                        "'") + ":\n" + stdout() + stderr());
                }
                sleep(100);
            }
        }

        /** SIGTERM, as Ctrl-C or {@code docker stop}; then waits for the exit, at most {@code timeout}. */
        public Result sigterm(final Duration timeout)
        {
            process.destroy();
            if (!waitFor(timeout))
            {
                kill9();
                throw new AssertionError("peregrine " + command + " did not stop within " + timeout + " of SIGTERM:\n" +
                    stdout() + stderr());
            }
            return result();
        }

        /** SIGKILL: no shutdown hook, no flush. */
        public int kill9()
        {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
            return process.exitValue();
        }

        public boolean waitFor(final Duration timeout)
        {
            try
            {
                final boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (done && ended == 0)
                {
                    ended = System.nanoTime();
                }
                return done;
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AssertionError("interrupted waiting for peregrine " + command, e);
            }
        }

        public Result result()
        {
            return new Result(command, process.exitValue(), stdout(), stderr(), (ended - started) / 1e9);
        }

        private static String read(final Path file)
        {
            try
            {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sleeps, turning an interrupt into a failure of the case. */
    public static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
