package dev.peregrine.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code peregrine run --config FILE} as an operator runs it: ports and journal folder set by environment
 * overrides (so two cases never collide on 8080), a random admin token in {@code PEREGRINE_ADMIN_TOKEN}, the
 * {@code blocking} wait strategy for a shared machine. Knows the endpoints the run printed.
 */
public final class Daemon
{
    private static final Pattern ENDPOINTS = Pattern.compile(
        "metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics  health: http://127\\.0\\.0\\.1:(\\d+)/health");

    private final Peregrine.Running process;
    private final String token;
    private final String health;

    private Daemon(final Peregrine.Running process, final String token, final String health)
    {
        this.process = process;
        this.token = token;
        this.health = health;
    }

    /** A fresh admin token (64 hex digits), strong enough for the live profile. */
    public static String newToken()
    {
        final byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Starts {@code run --config config [more]} with the journal in {@code journal} and {@code overrides} added to
     * the environment, and waits until it prints its endpoints.
     */
    public static Daemon start(final Path workDir, final Path config, final Path journal, final String token,
        final Map<String, String> overrides, final String... more)
    {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("PEREGRINE_PORTS_HEALTH", "0");
        env.put("PEREGRINE_PORTS_METRICS", "0");
        env.put("PEREGRINE_JOURNAL_DIR", journal.toString());
        env.put("PEREGRINE_RING_WAIT_STRATEGY", "blocking");
        env.put("PEREGRINE_ADMIN_TOKEN", token);
        env.putAll(overrides);
        final List<String> args = new ArrayList<>(List.of("run", "--config", config.toString()));
        args.addAll(List.of(more));
        final Peregrine.Running process = Peregrine.start(workDir, env, args.toArray(String[]::new));
        final Matcher endpoints = process.await(ENDPOINTS, 90);
        return new Daemon(process, token, "http://127.0.0.1:" + endpoints.group(2));
    }

    public Peregrine.Running process()
    {
        return process;
    }

    /** {@code GET /ready} until it answers 200, at most {@code seconds}; the last answer. */
    public Http.Response awaitReady(final long seconds)
    {
        return Http.awaitOk(health + "/ready", seconds);
    }

    /** {@code GET /health}: the trading state among others. */
    public JsonNode health()
    {
        return Http.get(health + "/health", null).json();
    }

    /** {@code GET /admin/<path>} with the token. */
    public Http.Response admin(final String path)
    {
        return Http.get(health + "/admin/" + path, token);
    }

    /** {@code POST /admin/<command>} with the token. */
    public Http.Response command(final String command)
    {
        return Http.post(health + "/admin/" + command, token);
    }

    /** Lets the engine run for {@code duration} while checking it is still up. */
    public void runFor(final Duration duration)
    {
        final long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until && process.isAlive())
        {
            Peregrine.sleep(200);
        }
        if (!process.isAlive())
        {
            throw new AssertionError("peregrine run ended by itself:\n" + process.stdout() + process.stderr());
        }
    }
}
