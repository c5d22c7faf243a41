package dev.peregrine.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real {@code promtool} and {@code prometheus} binaries on the PATH (Debian's 'prometheus' package installs both). */
final class Promtool
{
    private Promtool()
    {
    }

    /** The binary, or null when it is not installed. */
    static Path find()
    {
        return onPath("promtool");
    }

    /** The Prometheus server binary, or null when it is not installed. */
    static Path findServer()
    {
        return onPath("prometheus");
    }

    private static Path onPath(final String name)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
