package dev.peregrine.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Media driver folder prefixes for a test's cluster members (under /dev/shm where it exists, else the test's folder),
 * unique per test, and their removal afterwards: a member stopped by a signal leaves its driver's folder in shared
 * memory, which would pile up run after run.
 */
final class ScratchAeronDirs
{
    private final Path base;
    private final List<String> prefixes = new ArrayList<>();

    ScratchAeronDirs(final Path fallback)
    {
        final Path shm = Path.of("/dev/shm");
        base = Files.isDirectory(shm) ? shm : fallback;
    }

    /** A new prefix ({@code cluster.aeron_dir}); member i's folder is {@code <prefix>-member-<i>}. */
    String prefix(final String name)
    {
        final String prefix = "peregrine-ops-" + name + "-" + UUID.randomUUID();
        prefixes.add(prefix);
        return base.resolve(prefix).toString();
    }

    /** Removes every folder the prefixes named. */
    void delete() throws IOException
    {
        try (Stream<Path> entries = Files.list(base))
        {
            for (final Path dir : entries.filter(p -> prefixes.stream().anyMatch(p.getFileName().toString()::startsWith)).toList())
            {
                try (Stream<Path> tree = Files.walk(dir))
                {
                    for (final Path path : tree.sorted(Comparator.reverseOrder()).toList())
                    {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
