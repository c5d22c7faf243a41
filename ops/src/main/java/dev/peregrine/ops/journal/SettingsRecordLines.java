package dev.peregrine.ops.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.SettingsChange;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.JournalSettings;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.PrintWriter;

/**
 * {@code journal dump} shows each SETTINGS record where it was journaled, between the events: one JSON line
 * {@code {"record":"SETTINGS","before_event":n,"settings_digest":"..","changes":[...]}}, the changes against
 * the settings in effect before it.
 */
final class SettingsRecordLines
{
    private final JournalSettings settings;
    private long shown;
    private EngineSettings before;

    SettingsRecordLines(final JournalSettings settings)
    {
        this.settings = settings;
        this.shown = settings.changes();
    }

    /** Prints the records passed since the last call; {@code nextEvent} is the number of the event that follows them. */
    void print(final PrintWriter out, final long nextEvent)
    {
        while (shown < settings.changes())
        {
            if (before == null)
            {
                before = settings.afterChange(0);
            }
            final EngineSettings next = settings.afterChange(++shown);
            final ObjectNode line = JsonOutput.object()
                .put("record", "SETTINGS")
                .put("before_event", nextEvent)
                .put("settings_digest", Hash64.hex(next.digest()));
            SettingsChange.between(before, next).changes().forEach(line.putArray("changes")::add);
            out.println(JsonOutput.compact(line));
            before = next;
        }
    }
}
