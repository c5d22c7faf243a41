package dev.peregrine.ops.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.SettingsChange;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.JournalSettings;
import dev.peregrine.ops.demo.JsonWriter;

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
            final JsonWriter w = new JsonWriter(false).beginObject();
            w.key("record").value("SETTINGS");
            w.key("before_event").value(nextEvent);
            w.key("settings_digest").value(Hash64.hex(next.digest()));
            w.key("changes").beginArray();
            SettingsChange.between(before, next).changes().forEach(w::value);
            w.endArray().endObject();
            out.println(w.toJson());
            before = next;
        }
    }
}
