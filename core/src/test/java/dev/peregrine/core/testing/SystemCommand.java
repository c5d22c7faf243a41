package dev.peregrine.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a system command for a test's set-up (mount, umount) and says in one line why it failed, so a test can
 * skip with that reason, or fail with it, instead of a stack trace. The tmpfs tests of journal and acceptance use it.
 */
public final class SystemCommand
{
    private SystemCommand()
    {
    }

    /** Runs {@code command} (at most 30 s); null when it exited 0, else the command and why not, with its output. */
    public static String failureOf(final List<String> command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return process.exitValue() == 0 ? null : String.join(" ", command) + " exited " + process.exitValue() + ": " + output;
        }
        catch (final IOException e)
        {
            return String.join(" ", command) + ": " + e.getMessage();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
