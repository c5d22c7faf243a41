package dev.peregrine.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How tests find things that live outside the project (the recorded market data in
 * {@code ../shared/data/real}, {@code promtool}, Chromium). On a user's fresh clone a missing resource
 * skips the test with a message saying what is missing; CI sets {@value #REQUIRE_ENV}=true, and then a
 * missing resource fails the test instead, so CI can never pass by skipping.
 */
public final class ExternalResources
{
    /** The one environment flag that turns "skip when missing" into "fail when missing". */
    public static final String REQUIRE_ENV = "PEREGRINE_REQUIRE_EXTERNAL";
    /** System property (set by the build) with the folder of the real captures. */
    public static final String SHARED_DATA_PROPERTY = "peregrine.sharedData";

    private ExternalResources()
    {
    }

    public static boolean required()
    {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV)) || "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** The folder of real captures, or the test is skipped (failed under CI) with a message. */
    public static Path sharedDataDir()
    {
        final String configured = System.getProperty(SHARED_DATA_PROPERTY, "../shared/data/real");
        final Path dir = Path.of(configured).toAbsolutePath().normalize();
        present(Files.isDirectory(dir), "recorded market data folder " + dir +
            " (set -D" + SHARED_DATA_PROPERTY + "=DIR, or check out ../shared beside the project)");
        return dir;
    }

    /** A file in the shared data folder, or skip (fail under CI). */
    public static Path sharedDataFile(final String name)
    {
        final Path file = sharedDataDir().resolve(name);
        present(Files.isRegularFile(file), "recorded market data file " + file);
        return file;
    }

    /** Skips (or fails under CI) unless {@code present} holds; {@code what} names the missing thing. */
    public static void present(final boolean present, final String what)
    {
        if (present)
        {
            return;
        }
        final String message = "missing " + what;
        if (required())
        {
            Assertions.fail(message + " (" + REQUIRE_ENV + " is set, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(false, message + ": skipping");
    }
}
