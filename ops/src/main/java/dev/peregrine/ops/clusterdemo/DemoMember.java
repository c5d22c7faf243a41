package dev.peregrine.ops.clusterdemo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member of the demo's cluster: a {@code peregrine run --config FILE --member N} child process (the same Java,
 * class path and JVM flags as the demo), its output in a log file per start, and its {@code /health} read as the
 * operator reads it.
 */
final class DemoMember
{
    private static final Pattern HEALTH = Pattern.compile("health: (http://\\S+/health)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** What {@code /health}'s cluster object says; {@code role} NONE when the member does not answer. */
    record Health(String role, boolean egress, long term, long events, String hash, long ordersSent)
    {
        static final Health NONE = new Health("NONE", false, -1, -1, "", 0);
    }

    private final int id;
    private final Path config;
    private final Path dir;
    private final String adminToken;
    private Process process;
    private Path log;
    private URI health;
    private int starts;

    DemoMember(final int id, final Path config, final Path dir, final String adminToken)
    {
        this.id = id;
        this.config = config;
        this.dir = dir;
        this.adminToken = adminToken;
    }

    int id()
    {
        return id;
    }

    Path log()
    {
        return log;
    }

    void start() throws IOException
    {
        log = dir.resolve("member-" + id + (starts++ == 0 ? "" : "-restart-" + (starts - 1)) + ".log");
        health = null;
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            // The demo's own agents (a debugger, a coverage agent) stay with the demo.
            if (!argument.startsWith("-agentlib") && !argument.startsWith("-javaagent") && !argument.startsWith("-Xmx"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.peregrine.ops.PeregrineCli",
            "run", "--config", config.toString(), "--member", Integer.toString(id)));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PEREGRINE_ADMIN_TOKEN", adminToken);
        process = builder.start();
    }

    boolean alive()
    {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, as when a machine dies. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code (or -1 if it did not stop within the time). */
    int stop(final long seconds) throws InterruptedException
    {
        if (process == null)
        {
            return -1;
        }
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    Health health()
    {
        if (!alive())
        {
            return Health.NONE;
        }
        try
        {
            if (health == null)
            {
                final Matcher found = HEALTH.matcher(Files.readString(log));
                if (!found.find())
                {
                    return Health.NONE;
                }
                health = URI.create(found.group(1));
            }
            final HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
            final JsonNode cluster = JsonOutput.MAPPER.readTree(answer.body()).path("cluster");
            if (cluster.isMissingNode())
            {
                return Health.NONE;
            }
            return new Health(cluster.path("role").asText("NONE"), cluster.path("egress").asBoolean(),
                cluster.path("term").asLong(-1), cluster.path("state_hash_events").asLong(-1),
                cluster.path("state_hash").asText(""), cluster.path("orders_sent").asLong());
        }
        catch (final IOException ex)
        {
            return Health.NONE;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return Health.NONE;
        }
    }

    /** The last lines of this start's log, for a failure message. */
    String tail(final int lines)
    {
        try
        {
            final List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (final IOException ex)
        {
            return "(no log: " + ex.getMessage() + ")";
        }
    }
}
