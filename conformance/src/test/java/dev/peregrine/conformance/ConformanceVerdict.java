package dev.peregrine.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges script runs against the {@link KnownDifferences}: a run that did not reach its end, printed no check,
 * has a failure not listed, or passes a check listed as failing ({@code STALE}: the list must say only what is
 * true, so a client that changed or an emulator fix shows up) fails the test, with every line of the run in the
 * message. The pass matrix (one line per check, a listed failure marked {@code KNOWN} with its reason)
 * is printed and written to {@code target/conformance/<script>-<label>.matrix}.
 */
final class ConformanceVerdict
{
    private ConformanceVerdict()
    {
    }

    /**
     * Starts {@code venue}'s simulator serving {@code products} with a key of kind {@code keyKind} made in
     * {@code credentials}, runs {@code script} with the settings {@code environment} draws from it, and judges the run.
     */
    static void assertClientConforms(final String venue, final List<String> products, final Path credentials,
        final String script, final String keyKind, final Function<RunningSimulator, Map<String, String>> environment)
    {
        try (RunningSimulator sim = RunningSimulator.start(venue, products, credentials.resolve(script + "-" + keyKind), keyKind))
        {
            assertConforms(ClientScript.run(script, keyKind, environment.apply(sim)));
        }
    }

    static void assertConforms(final ScriptRun run)
    {
        final KnownDifferences known = KnownDifferences.read(ClientScript.DIR.resolve("known-differences.txt"));
        final List<String> problems = new ArrayList<>();
        final String table = judge(run, known, problems);
        System.out.println(table);
        write(run.script() + "-" + run.label(), table);
        if (!problems.isEmpty())
        {
            throw new AssertionError(run.title() + ": " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems) +
                "\nmatrix:\n" + table + "\neverything it printed:\n" + run.output());
        }
    }

    /** The run's pass matrix against {@code known}; what fails the run is added to {@code problems}. */
    static String judge(final ScriptRun run, final KnownDifferences known, final List<String> problems)
    {
        final List<String> matrix = new ArrayList<>();
        for (final CheckLine check : run.checks())
        {
            final String reason = known.reason(run, check.name());
            if (check.passed())
            {
                if (reason == null)
                {
                    matrix.add("PASS  " + check.name());
                }
                else
                {
                    matrix.add("STALE " + check.name() + ": passes now, remove its line from known-differences.txt");
                    problems.add("STALE " + check.name() + ": listed as failing (" + reason + ") but passes");
                }
            }
            else if (reason != null)
            {
                matrix.add("KNOWN " + check.name() + ": " + reason + " (" + check.why() + ")");
            }
            else
            {
                matrix.add("FAIL  " + check.name() + ": " + check.why());
                problems.add(check.toString());
            }
        }
        if (!run.finished())
        {
            problems.add("the script did not reach its end (exit " + run.exitCode() + ")");
        }
        if (run.checks().isEmpty())
        {
            problems.add("the script printed no check");
        }
        return run.title() + "\n  " + String.join("\n  ", matrix);
    }

    private static void write(final String script, final String table)
    {
        final Path file = ClientScript.DIR.resolve("target").resolve("conformance").resolve(script + ".matrix");
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table + "\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
