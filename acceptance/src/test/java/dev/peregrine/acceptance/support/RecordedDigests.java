package dev.peregrine.acceptance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The digests fixed inputs gave before a restructuring ({@code recorded/digests.properties}), and the recorded
 * journals themselves: the proof that moving code around changed no decision.
 */
public final class RecordedDigests
{
    private static final Properties RECORDED = load();

    private RecordedDigests()
    {
    }

    /** {@code "<output-digest> <state-hash>"} recorded for {@code key}, if any. */
    public static Optional<String> of(final String key)
    {
        return Optional.ofNullable(RECORDED.getProperty(key));
    }

    /** Unzips the recorded journal {@code name} ({@code recorded/<name>.zip}) into {@code into}; its folder. */
    public static Path unzipJournal(final String name, final Path into)
    {
        try (InputStream in = RecordedDigests.class.getResourceAsStream("/recorded/" + name + ".zip"))
        {
            if (in == null)
            {
                throw new IllegalStateException("no recorded journal recorded/" + name + ".zip on the test class path");
            }
            try (ZipInputStream zip = new ZipInputStream(in))
            {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry())
                {
                    final Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into))
                    {
                        throw new IllegalStateException("zip entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory())
                    {
                        Files.createDirectories(target);
                    }
                    else
                    {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                    }
                }
            }
            return into.resolve(name);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot unzip the recorded journal " + name, e);
        }
    }

    private static Properties load()
    {
        final Properties properties = new Properties();
        try (InputStream in = RecordedDigests.class.getResourceAsStream("/recorded/digests.properties"))
        {
            if (in == null)
            {
                throw new IllegalStateException("recorded/digests.properties is missing from the test class path");
            }
            properties.load(in);
            return properties;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read recorded/digests.properties", e);
        }
    }
}
