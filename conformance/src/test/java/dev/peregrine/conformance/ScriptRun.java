package dev.peregrine.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a conformance script gave (its label says with what: a key kind): its checks in the order
 * printed, whether it reached its end ({@code END}, printed by {@code checks.mjs}'s {@code done()}), its exit code
 * and everything it printed.
 */
record ScriptRun(String script, String label, List<CheckLine> checks, boolean finished, int exitCode, String output)
{
    static ScriptRun of(final String script, final String label, final String output, final int exitCode)
    {
        final List<CheckLine> checks = new ArrayList<>();
        boolean finished = false;
        for (final String line : output.split("\\R"))
        {
            final CheckLine check = CheckLine.parse(line);
            if (check != null)
            {
                checks.add(check);
            }
            finished |= "END".equals(line.trim());
        }
        return new ScriptRun(script, label, List.copyOf(checks), finished, exitCode, output);
    }

    /** {@code script (label)}: how the matrix and messages name this run. */
    String title()
    {
        return script + " (" + label + ")";
    }

    List<CheckLine> failures()
    {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
