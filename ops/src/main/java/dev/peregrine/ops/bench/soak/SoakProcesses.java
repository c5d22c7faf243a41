package dev.peregrine.ops.bench.soak;

import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.ops.PeregrineCli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two processes a soak runs: {@code peregrine sim} (the simulated Coinbase venue) and {@code peregrine run}
 * with the {@code live} profile against it (orders over the venue's REST API with signed JWTs, the user channel),
 * each a JVM of its own started with this JVM's flags and class path. Their output goes to files in the soak's
 * folder; {@link #close()} stops both with SIGTERM (the daemon prints its summary) and waits.
 */
final class SoakProcesses implements AutoCloseable
{
    private static final long READY_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(120);

    private final Path dir;
    private final String heap;
    private Process sim;
    private Process daemon;
    private URI metrics;

    SoakProcesses(final Path dir, final String heap)
    {
        this.dir = dir;
        this.heap = heap;
    }

    /** Starts the simulator and waits for its {@code sim ready:} line; returns that line. */
    String startSim(final int tradesPerSecond) throws IOException, InterruptedException
    {
        final List<String> args = List.of("sim", "--market-data-port", "0", "--rest-port", "0",
            "--trades-per-second", Integer.toString(tradesPerSecond),
            "--credentials-dir", dir.resolve("sim-credentials").toString());
        sim = start(args, "sim", Map.of());
        return awaitLine(sim, dir.resolve("sim.out"), "sim ready:");
    }

    /** Writes the daemon's configuration for the simulator's URLs and the strategies, starts it, waits until it serves /metrics. */
    void startDaemon(final String simReady, final List<StrategySpec> strategies) throws IOException, InterruptedException
    {
        final int metricsPort = freePort();
        final int healthPort = freePort();
        final Path config = dir.resolve("soak.yaml");
        Files.writeString(config, SoakConfig.yaml(field(simReady, "market_data_url"), field(simReady, "rest_url"),
            field(simReady, "user_channel_url"), dir.resolve("journal"), healthPort, metricsPort, strategies));
        final Path credentials = dir.resolve("sim-credentials");
        final byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        daemon = start(List.of("run", "--config", config.toString()), "daemon", Map.of(
            "PEREGRINE_SECRETS_COINBASE_API_KEY_FILE", credentials.resolve("coinbase_api_key").toString(),
            "PEREGRINE_SECRETS_COINBASE_API_SECRET_FILE", credentials.resolve("coinbase_api_secret").toString(),
            "PEREGRINE_ADMIN_TOKEN", HexFormat.of().formatHex(token)));
        awaitLine(daemon, dir.resolve("daemon.out"), "\"event\":\"engine_started\"");
        metrics = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
    }

    long daemonPid()
    {
        return daemon.pid();
    }

    URI metrics()
    {
        return metrics;
    }

    /** Whether both processes still run; names the one that ended otherwise. */
    String ended()
    {
        if (sim != null && !sim.isAlive())
        {
            return "the simulator ended (exit " + sim.exitValue() + "); see " + dir.resolve("sim.err");
        }
        if (daemon != null && !daemon.isAlive())
        {
            return "the daemon ended (exit " + daemon.exitValue() + "); see " + dir.resolve("daemon.err");
        }
        return null;
    }

    private Process start(final List<String> command, final String name, final Map<String, String> env) throws IOException
    {
        final List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // This JVM's flags (jvm.options when launched by ./peregrine); agents (a test's coverage, a debugger) stay here.
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (!arg.startsWith("-javaagent") && !arg.startsWith("-agentlib") && !arg.startsWith("-Xrunjdwp"))
            {
                line.add(arg);
            }
        }
        if ("daemon".equals(name))
        {
            // A fixed heap, touched at start, as a production daemon runs: anonymous RSS then grows only by what
            // leaks (direct buffers, native memory, a heap that must grow past its size), not by G1 sizing its heap.
            line.add("-Xms" + heap);
            line.add("-Xmx" + heap);
            line.add("-XX:+AlwaysPreTouch");
        }
        line.add("-cp");
        // Absolute: the processes run in the soak's folder, and `java -jar ops/target/peregrine.jar` gives a relative path.
        final StringBuilder classPath = new StringBuilder();
        for (final String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        {
            classPath.append(classPath.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
        }
        line.add(classPath.toString());
        line.add(PeregrineCli.class.getName());
        line.addAll(command);
        final ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
        // Only what the soak gives: a PEREGRINE_* or COINBASE_* variable of the machine would change the measured daemon.
        builder.environment().keySet().removeIf(k -> k.startsWith("PEREGRINE_") || k.startsWith("COINBASE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private String awaitLine(final Process process, final Path out, final String marker) throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline)
        {
            if (Files.exists(out))
            {
                for (final String line : Files.readAllLines(out))
                {
                    if (line.contains(marker))
                    {
                        return line;
                    }
                }
            }
            if (process.waitFor(200, TimeUnit.MILLISECONDS))
            {
                throw new IOException("process ended (exit " + process.exitValue() + ") before '" + marker + "'; see "
                    + out.resolveSibling(out.getFileName().toString().replace(".out", ".err")));
            }
        }
        throw new IOException("no '" + marker + "' in " + out + " within " + READY_TIMEOUT_MILLIS / 1000 + " s");
    }

    private static String field(final String line, final String key)
    {
        final int at = line.indexOf(key + "=");
        final int end = line.indexOf(' ', at);
        return line.substring(at + key.length() + 1, end < 0 ? line.length() : end);
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        stop(daemon);
        stop(sim);
    }

    private static void stop(final Process process) throws InterruptedException
    {
        if (process != null && process.isAlive())
        {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
