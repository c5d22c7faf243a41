package dev.peregrine.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped Prometheus and Grafana files live: {@code ops/prometheus} and {@code ops/grafana}. */
final class ObservabilityFiles
{
    private ObservabilityFiles()
    {
    }

    /** The {@code ops} module folder (Surefire runs in it; {@code peregrine.root} is set by the build). */
    static Path opsDir()
    {
        final String root = System.getProperty("peregrine.root");
        final Path ops = root == null || root.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(root, "ops");
        if (!Files.isDirectory(ops.resolve("prometheus")))
        {
            throw new AssertionError("no prometheus folder under " + ops.toAbsolutePath());
        }
        return ops.toAbsolutePath().normalize();
    }

    static Path prometheusDir()
    {
        return opsDir().resolve("prometheus");
    }

    static Path dashboardsDir()
    {
        return opsDir().resolve("grafana").resolve("dashboards");
    }
}
