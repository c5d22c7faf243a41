package dev.peregrine.ops.config;

import dev.peregrine.journal.SettingsContinuation;

import java.io.PrintWriter;

/** The lines that tell an operator how a run's settings continue its journal (run start-up, {@code config check}). */
public final class SettingsChangeLines
{
    private SettingsChangeLines()
    {
    }

    /** At start-up: nothing when the settings are unchanged, else a header line and one line per change. */
    public static void print(final PrintWriter out, final SettingsContinuation continuation)
    {
        if (continuation == null || continuation.unchanged())
        {
            return;
        }
        out.println("settings: continuing the journal with " + count(continuation.changes().size(), "change") +
            ", journaled at the restart point:");
        continuation.changes().forEach(line -> out.println("  " + line));
    }

    static String count(final int n, final String noun)
    {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
