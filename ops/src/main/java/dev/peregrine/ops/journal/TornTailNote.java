package dev.peregrine.ops.journal;

import dev.peregrine.journal.JournalReader;

import java.io.PrintWriter;

/**
 * Says, on standard error, that the reader ignored an incomplete last record (a write cut short by a
 * crash), so an operator knows the journal ends one record earlier than the engine may have tried to
 * write. Not an error: every event shown was complete and checked.
 */
final class TornTailNote
{
    private TornTailNote()
    {
    }

    static void print(final JournalReader reader, final PrintWriter err)
    {
        final String torn = reader.tornTail();
        if (torn != null)
        {
            err.println("note: " + torn);
            err.flush();
        }
    }
}
