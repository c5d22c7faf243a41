package dev.peregrine.conformance;

import dev.peregrine.core.testing.ExternalResources;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node script of {@code conformance/scripts} run with {@code node}, its settings (URLs, keys) in its
 * environment. Without {@code node} on the PATH or without {@code conformance/node_modules} ({@code npm ci}),
 * the test is skipped with a message naming what is missing; CI ({@code PEREGRINE_REQUIRE_EXTERNAL=true})
 * fails instead.
 */
final class ClientScript
{
    /** The module folder: package.json, node_modules, scripts/ and the known differences. */
    static final Path DIR = Path.of(System.getProperty("peregrine.conformance.dir", "")).toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private ClientScript()
    {
    }

    /** Skips (fails under CI) unless node and the installed client libraries are here. */
    static void requireClients()
    {
        ExternalResources.present(node() != null, "node (Node.js 18 or newer) on the PATH, to run the third-party clients");
        ExternalResources.present(Files.isDirectory(DIR.resolve("node_modules").resolve("ccxt")),
            "the client libraries in " + DIR.resolve("node_modules") + " (run 'npm ci' in " + DIR + ")");
    }

    /** Runs {@code scripts/<name>.mjs} to its end (120 s at most) and returns its lines; {@code label} names the run. */
    static ScriptRun run(final String name, final String label, final Map<String, String> environment)
    {
        final Path node = node();
        final Path script = DIR.resolve("scripts").resolve(name + ".mjs");
        final Path out = DIR.resolve("target").resolve("conformance").resolve(name + "-" + label + ".out");
        try
        {
            Files.createDirectories(out.getParent());
            final ProcessBuilder builder = new ProcessBuilder(List.of(node.toString(), script.toString()))
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(environment);
            final Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return ScriptRun.of(name, label, Files.readString(out, StandardCharsets.UTF_8) +
                    "\n(killed: still running after " + TIMEOUT.toSeconds() + " s)", -1);
            }
            return ScriptRun.of(name, label, Files.readString(out, StandardCharsets.UTF_8), process.exitValue());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run " + node + " " + script, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + script, ex);
        }
    }

    /** {@code node} on the PATH, or null. */
    static Path node()
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
