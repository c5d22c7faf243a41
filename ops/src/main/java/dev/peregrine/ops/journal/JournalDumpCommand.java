package dev.peregrine.ops.journal;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code peregrine journal dump}: every (matching) event as one JSON object a line. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
        "Prints every event of a journal that matches the filters as one JSON object a line: the type and",
        "product by name, times in ISO-8601 UTC, and every field the journal records for the type, prices",
        "and quantities as decimal strings."})
public final class JournalDumpCommand extends JournalQueryCommand
{
    @Override
    protected int read(final OpenJournal journal, final PrintWriter out, final PrintWriter err)
    {
        final InboundEvent event = new InboundEvent();
        final SettingsRecordLines settingsRecords = new SettingsRecordLines(journal.reader.settings());
        while (journal.reader.next(event))
        {
            settingsRecords.print(out, journal.reader.eventsRead());
            if (journal.filter.matches(event))
            {
                out.println(journal.format.json(event, journal.reader.eventsRead()));
            }
        }
        settingsRecords.print(out, journal.reader.eventsRead() + 1); // records after the last event
        TornTailNote.print(journal.reader, err);
        return ExitCodes.OK;
    }
}
