package dev.peregrine.ops.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report.json and report.html into the output folder only once both are fully rendered: each
 * goes to a temporary file beside its target and is moved into place, so a reader never sees half a
 * report, and a run that failed earlier wrote nothing (an older report in the folder stays as it was).
 */
public final class ReportFiles
{
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";

    private ReportFiles()
    {
    }

    public static void write(final Path dir, final String json, final String html) throws IOException
    {
        Files.createDirectories(dir);
        final Path jsonTemp = temp(dir, JSON, json);
        final Path htmlTemp;
        try
        {
            htmlTemp = temp(dir, HTML, html);
        }
        catch (final IOException e)
        {
            Files.deleteIfExists(jsonTemp);
            throw e;
        }
        move(jsonTemp, dir.resolve(JSON));
        move(htmlTemp, dir.resolve(HTML));
    }

    private static Path temp(final Path dir, final String name, final String content) throws IOException
    {
        final Path temp = dir.resolve(name + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        return temp;
    }

    private static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException e)
        {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
