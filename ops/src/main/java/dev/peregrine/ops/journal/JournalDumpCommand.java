package dev.peregrine.ops.journal;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code peregrine journal dump}: every (matching) event as one JSON object a line. */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = {
        "Prints every event of a journal that matches the filters as one JSON object a line: the type and",
        "product by name, times in ISO-8601 UTC, and every field the journal records for the type, prices",
        "and quantities as decimal strings."})
public final class JournalDumpCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private JournalQuery query;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try (OpenJournal journal = OpenJournal.open(query, spec.commandLine().getErr()))
        {
            final InboundEvent event = new InboundEvent();
            final SettingsRecordLines settingsRecords = new SettingsRecordLines(journal.reader.settings());
            try
            {
                while (journal.reader.next(event))
                {
                    settingsRecords.print(out, journal.reader.eventsRead());
                    if (journal.filter.matches(event))
                    {
                        out.println(journal.format.json(event, journal.reader.eventsRead()));
                    }
                }
            }
            catch (final JournalException ex)
            {
                return ReadFailure.report("dump", ex, out, spec.commandLine().getErr());
            }
            settingsRecords.print(out, journal.reader.eventsRead() + 1); // records after the last event
            TornTailNote.print(journal.reader, spec.commandLine().getErr());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
