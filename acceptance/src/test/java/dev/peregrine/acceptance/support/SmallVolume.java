package dev.peregrine.acceptance.support;

import dev.peregrine.core.testing.SystemCommand;
import dev.peregrine.core.testing.ExternalResources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small volume: a tmpfs of a few MiB mounted on a folder of the case ({@code mount -t tmpfs -o
 * size=8m tmpfs DIR}), unmounted by {@link #close}. Mounting needs root (or CAP_SYS_ADMIN): without it the
 * case is skipped with a message naming what is missing, and fails instead under
 * {@code PEREGRINE_REQUIRE_EXTERNAL=true} (CI runs as root).
 */
public final class SmallVolume implements AutoCloseable
{
    private final Path dir;

    private SmallVolume(final Path dir)
    {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code mebibytes} MiB on {@code dir} (created), or skips the case. */
    public static SmallVolume mount(final Path dir, final int mebibytes)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        final String failure = SystemCommand.failureOf(List.of("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", dir.toString()));
        ExternalResources.present(failure == null, "permission to mount a " + mebibytes + " MiB tmpfs on " + dir +
            " (the test needs root or CAP_SYS_ADMIN and the mount command: " + failure + ")");
        return new SmallVolume(dir);
    }

    public Path dir()
    {
        return dir;
    }

    /** Grows the volume in place, as an operator who frees space would: the files on it stay. */
    public void resize(final int mebibytes)
    {
        final String failure = SystemCommand.failureOf(List.of("mount", "-o", "remount,size=" + mebibytes + "m", dir.toString()));
        if (failure != null)
        {
            throw new IllegalStateException("cannot remount " + dir + " with " + mebibytes + " MiB: " + failure);
        }
    }

    @Override
    public void close()
    {
        if (SystemCommand.failureOf(List.of("umount", dir.toString())) != null)
        {
            SystemCommand.failureOf(List.of("umount", "-l", dir.toString())); // a process still holding a file: detach it
        }
    }
}
