package dev.peregrine.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code peregrine} command in a child JVM with its own environment and working folder: what an operator runs. */
final class DaemonProcess
{
    static final Pattern HEALTH = Pattern.compile("health: http://127\\.0\\.0\\.1:(\\d+)/health");
    static final Pattern METRICS = Pattern.compile("metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics");
    static final Pattern DIGEST = Pattern.compile("output-digest: (\\p{XDigit}+)");
    static final Pattern STATE = Pattern.compile("state-hash: (\\p{XDigit}+)");

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
        return builder(workDir, environment, args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** As {@link #start}, with stdout and stderr in separate files (to read JSON lines apart from the human ones). */
    static Process startSplit(final Path workDir, final Map<String, String> environment, final Path stdout,
        final Path stderr, final String... args) throws IOException
    {
        return builder(workDir, environment, args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private static ProcessBuilder builder(final Path workDir, final Map<String, String> environment, final String... args)
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), PeregrineCli.class.getName()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        // Only what the test gives: a PEREGRINE_* or COINBASE_* variable of the machine must not leak in.
        builder.environment().keySet().removeIf(k -> k.startsWith("PEREGRINE_") || k.startsWith("COINBASE_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Writes a run configuration to {@code workDir/name}: {@code lines}, then any free ports and the journal in
     * {@code workDir/journal}.
     */
    static Path runConfig(final Path workDir, final String name, final String... lines) throws IOException
    {
        final List<String> all = new ArrayList<>(List.of(lines));
        all.addAll(List.of("ports: {health: 0, metrics: 0}", "journal: {dir: " + workDir.resolve("journal") + "}", ""));
        return Files.writeString(workDir.resolve(name), String.join("\n", all));
    }

    /** The environment of a test's run: any free ports, the journal in {@code journal}, the admin token; add to it. */
    static Map<String, String> runEnvironment(final Path journal, final String adminToken)
    {
        final Map<String, String> env = new HashMap<>();
        env.put("PEREGRINE_PORTS_HEALTH", "0");
        env.put("PEREGRINE_PORTS_METRICS", "0");
        env.put("PEREGRINE_JOURNAL_DIR", journal.toString());
        env.put("PEREGRINE_ADMIN_TOKEN", adminToken);
        return env;
    }

    /** The admin token of a run from {@link #startPaperRun(Path, Path)}: 40 hex digits, a strong one. */
    static final String PAPER_RUN_TOKEN = "5d1f8b3e7a9c2046e8b1d5f3a7c9e2b4d6f8a1c3";

    /** The shipped paper configuration with {@link #runEnvironment} (journal in {@code workDir/journal}, {@link #PAPER_RUN_TOKEN}). */
    static Process startPaperRun(final Path workDir, final Path log) throws IOException
    {
        return startPaperRun(workDir, runEnvironment(workDir.resolve("journal"), PAPER_RUN_TOKEN), log);
    }

    /** {@code peregrine run} with the shipped paper configuration ({@code ops/config/paper.yaml}), all output in {@code log}. */
    static Process startPaperRun(final Path workDir, final Map<String, String> environment, final Path log) throws IOException
    {
        return start(workDir, environment, log, "run", "--config", repositoryRoot().resolve("ops/config/paper.yaml").toString());
    }

    /**
     * {@code peregrine run --config FILE} with the admin token in the environment: JSON lines in {@code run.out},
     * the human lines in {@code run.err} of {@code workDir}.
     */
    static SplitRun startRun(final Path workDir, final String adminToken, final Path config) throws IOException
    {
        final Path stdout = workDir.resolve("run.out");
        final Path stderr = workDir.resolve("run.err");
        return new SplitRun(startSplit(workDir, Map.of("PEREGRINE_ADMIN_TOKEN", adminToken), stdout, stderr,
            "run", "--config", config.toString()), stdout, stderr);
    }

    /** A started run and the files its JSON lines ({@code stdout}) and human lines ({@code stderr}) go to. */
    record SplitRun(Process process, Path stdout, Path stderr)
    {
    }

    /** The ports a started run or demo printed in its start-up lines. */
    record Endpoints(int health, int metrics)
    {
        String url(final int port, final String path)
        {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** Waits (60 s at most) for the start-up's admin line in {@code log}, then reads the ports it printed. */
    static Endpoints awaitStarted(final Process process, final Path log) throws IOException, InterruptedException
    {
        assertThat(awaitOutput(process, log, "admin: http", 60)).as(read(log)).isTrue();
        final String started = read(log);
        return new Endpoints(Integer.parseInt(group(HEALTH, started)), Integer.parseInt(group(METRICS, started)));
    }

    /** The first group of {@code pattern} in {@code text}, which must hold it. */
    static String group(final Pattern pattern, final String text)
    {
        final Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in:\n%s", pattern, text).isTrue();
        return m.group(1);
    }

    /** The hex value after {@code prefix} (an {@code output-digest:} or {@code state-hash:} line) in {@code output}. */
    static String hexAfter(final String output, final String prefix)
    {
        return group(Pattern.compile(Pattern.quote(prefix) + "\\s*(\\p{XDigit}+)"), output);
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

    /** SIGTERM to the run, which must then end by itself within 40 s (its shutdown included). */
    static void sigterm(final Process process) throws InterruptedException
    {
        process.destroy();
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("exited within the bound").isTrue();
    }

    /** What a test checks while a daemon is up. */
    @FunctionalInterface
    interface WhileUp
    {
        void check() throws Exception;
    }

    /**
     * Runs {@code whileUp} against a started daemon, then stops it with SIGTERM: it must stop within 20 s and exit 0.
     * Its output; the process never outlives this call.
     */
    static String checkThenSigterm(final Process process, final Path log, final WhileUp whileUp) throws Exception
    {
        try
        {
            whileUp.check();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within the bound").isTrue();
        }
        finally
        {
            process.destroyForcibly();
        }
        final String output = read(log);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * Waits (60 s at most) until {@code log} holds {@code text}, then stops the run with SIGTERM; it must exit 0.
     * Its output; the process never outlives this call.
     */
    static String sigtermOnceLogged(final Process process, final Path log, final String text) throws Exception
    {
        try
        {
            assertThat(awaitOutput(process, log, text, 60)).as(read(log)).isTrue();
            sigterm(process);
        }
        finally
        {
            process.destroyForcibly();
        }
        final String output = read(log);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /**
     * Replays {@code journal} in this JVM and checks it prints the output digest and state hash the run printed in
     * {@code output}; the replay's own output, for what a case checks beyond them.
     */
    static String replayPrintsTheHashesOf(final Path journal, final String output)
    {
        final StringWriter replay = new StringWriter();
        final StringWriter errors = new StringWriter();
        final int code = PeregrineCli.run(new String[] {"replay", "--journal", journal.toString()},
            new PrintWriter(replay, true), new PrintWriter(errors, true));
        assertThat(code).as("replay: %s%s", replay, errors).isZero();
        assertThat(group(DIGEST, replay.toString())).as("replay's output-digest").isEqualTo(group(DIGEST, output));
        assertThat(group(STATE, replay.toString())).as("replay's state-hash").isEqualTo(group(STATE, output));
        return replay.toString();
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
