package dev.peregrine.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tier keeps things: the repository root (for {@code jvm.options} and {@code ops/config}), the
 * generated data and a fresh folder per case under {@code target/acceptance-runs}, kept after the run so a
 * failing case's journal, logs and report can be opened.
 */
public final class Workspace
{
    private Workspace()
    {
    }

    /** The repository root: the folder holding {@code jvm.options}. */
    public static Path root()
    {
        final String configured = System.getProperty("peregrine.root");
        Path dir = (configured != null ? Path.of(configured) : Path.of("")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("jvm.options")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("no jvm.options above " + Path.of("").toAbsolutePath() +
                " (run the tier from the repository: mvn -pl acceptance -am verify)");
        }
        return dir;
    }

    static Path dataDir()
    {
        return Path.of(System.getProperty("peregrine.acceptance.dataDir", "target/acceptance-data")).toAbsolutePath();
    }

    /** A new, empty folder for one case, named after it. */
    public static Path caseDir(final String name)
    {
        final Path base = Path.of(System.getProperty("peregrine.acceptance.workDir", "target/acceptance-runs")).toAbsolutePath();
        try
        {
            final Path dir = base.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
            if (Files.exists(dir))
            {
                try (var paths = Files.walk(dir))
                {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot make the case folder for " + name, e);
        }
    }
}
