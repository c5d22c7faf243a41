package dev.peregrine.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks expected to fail, each with its reason: {@code known-differences.txt} beside the scripts, one
 * {@code script | check | reason} a line ({@code #} starts a comment), where {@code script} is a script's name
 * (every run of it) or a run's title such as {@code coinbase-ccxt (ecdsa)} (that run only). A client that assumes something the
 * venue's documentation does not say stays here for good (the emulator follows the documentation); an
 * emulator gap stays only until the branch that owns it lands. A listed check that passes fails the tier
 * too, so the list never outlives what it describes.
 */
final class KnownDifferences
{
    private final Map<String, String> reasons;

    private KnownDifferences(final Map<String, String> reasons)
    {
        this.reasons = reasons;
    }

    static KnownDifferences read(final Path file)
    {
        try
        {
            return parse(file.toString(), Files.readAllLines(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the known differences " + file, ex);
        }
    }

    /** @throws IllegalArgumentException naming the file and line of a line without three fields. */
    static KnownDifferences parse(final String source, final List<String> lines)
    {
        final Map<String, String> reasons = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] fields = line.split("\\s*\\|\\s*", 3);
            if (fields.length != 3 || fields[0].isEmpty() || fields[1].isEmpty() || fields[2].isEmpty())
            {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'script | check | reason', was '" + line + "'");
            }
            reasons.put(key(fields[0], fields[1]), fields[2]);
        }
        return new KnownDifferences(reasons);
    }

    /** Why {@code check} of {@code run} is expected to fail (listed for that run, or for every run of its script), or null. */
    String reason(final ScriptRun run, final String check)
    {
        final String forRun = reasons.get(key(run.title(), check));
        return forRun != null ? forRun : reasons.get(key(run.script(), check));
    }

    private static String key(final String script, final String check)
    {
        return script + " | " + check;
    }
}
