package dev.peregrine.ops.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the machine rather than the file: are the ports free, is the journal folder usable. Run
 * with the rest of validation so a port in use is reported beside a typo, not after a half start.
 * A port can still be taken between this check and the bind; the run then fails with exit 2 too.
 */
final class StartupChecks
{
    private StartupChecks()
    {
    }

    static void ports(final ConfigSection ports, final String bind, final int health, final int metrics)
    {
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(bind);
        }
        catch (final UnknownHostException ex)
        {
            ports.problem("bind", bind, "an address of this machine such as 127.0.0.1 or 0.0.0.0");
            return;
        }
        if (health != 0 && health == metrics)
        {
            ports.problem("metrics", metrics, "a port other than ports.health (" + health + ")");
            return;
        }
        free(ports, "health", address, health);
        free(ports, "metrics", address, metrics);
    }

    private static void free(final ConfigSection ports, final String key, final InetAddress address, final int port)
    {
        if (port == 0)
        {
            return;
        }
        try (ServerSocket socket = new ServerSocket())
        {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        }
        catch (final IOException ex)
        {
            ports.problem(key, port, "a free port on " + address.getHostAddress() + " (" + ex.getMessage() + ")");
        }
    }

    /**
     * An existing folder must take a new file; a missing one must be creatable under its nearest existing
     * parent. Probed by creating (and deleting) a file, because permission bits say nothing when running as
     * root or on a read-only mount.
     */
    static void journalFolder(final ConfigSection journal, final Path dir)
    {
        final Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute))
        {
            journal.problem("dir", dir, "a folder (it is a file)");
            return;
        }
        Path probeIn = absolute;
        while (probeIn != null && !Files.exists(probeIn))
        {
            probeIn = probeIn.getParent();
        }
        if (probeIn == null || !Files.isDirectory(probeIn))
        {
            journal.problem("dir", dir, "a folder that can be created (" + probeIn + " is not a folder)");
            return;
        }
        try
        {
            Files.delete(Files.createTempFile(probeIn, ".peregrine-write-check", ".tmp"));
            if (!Files.isReadable(probeIn))
            {
                journal.problem("dir", dir, "a folder this user can read");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            journal.problem("dir", dir, probeIn.equals(absolute) ? "a folder this user can write (" + ex.getClass().getSimpleName() + ")"
                : "a folder that can be created (" + probeIn + " is not writable: " + ex.getClass().getSimpleName() + ")");
        }
    }
}
