package dev.peregrine.ops;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds Debian's {@code chromium} on the PATH (package 'chromium'), for the report's headless-browser check. */
final class Chromium
{
    private Chromium()
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
            final Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
