package dev.peregrine.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real {@code promtool} binary on the PATH (Debian's 'prometheus' package installs it). */
final class Promtool
{
    private Promtool()
    {
    }

    /** The binary, or null when it is not installed. */
    static Path find()
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
