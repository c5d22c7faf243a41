package dev.peregrine.ops.journal;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.journal.JournalDiskUsage;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalHeader;
import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** {@code peregrine journal stats}: what a journal holds, at a glance. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
        "Prints a journal's header (format and engine version, settings digest, creation time), its files",
        "and their size, and for the events that match the filters: counts by type and by product, the",
        "event-time span and the rate over it; and the number of decision records when there are any."})
public final class JournalStatsCommand extends JournalQueryCommand
{
    @Override
    protected int read(final OpenJournal journal, final PrintWriter out, final PrintWriter err)
    {
        final JournalHeader header = journal.reader.header();
        out.println("journal:         " + query().journal());
        out.println("format version:  " + header.formatVersion());
        out.println("engine version:  " + header.engineVersion());
        out.println("settings digest: " + Hash64.hex(header.settingsDigest()));
        out.println("created:         " + EventFormat.iso(header.createdEpochNanos()));
        out.println("products:        " + String.join(",", journal.products));
        final JournalDiskUsage.Snapshot disk;
        try
        {
            disk = JournalDiskUsage.measure(query().journal());
        }
        catch (final JournalException ex)
        {
            return ReadFailure.report("stats", ex, out, err);
        }
        out.printf("files:           %,d queue files (.cq4), %,d files in all, %,d bytes (file lengths; Chronicle " +
            "pre-allocates sparsely)%n", disk.queueFiles(), disk.files(), disk.bytes());
        out.flush();

        final JournalStats stats = new JournalStats(journal.products.size(), journal.format);
        final InboundEvent event = new InboundEvent();
        try
        {
            while (journal.reader.next(event))
            {
                if (journal.filter.matches(event))
                {
                    stats.add(event);
                }
            }
        }
        catch (final JournalException ex)
        {
            out.println("events:          (stopped at a damaged record after " + journal.reader.eventsRead() + " events)");
            return ReadFailure.report("stats", ex, out, err);
        }
        print(out, stats, journal.reader.eventsRead());
        if (journal.reader.settings().changes() > 0)
        {
            // Configuration is an input: each restart with changed settings journaled a SETTINGS record.
            out.println("settings changes: " + journal.reader.settings().changes() + " (now in effect: digest " +
                Hash64.hex(journal.reader.settings().currentDigest()) + "; 'journal dump' shows each)");
        }
        TornTailNote.print(journal.reader, err);
        final int decisions = printDecisions(out, err);
        out.flush();
        return decisions;
    }

    private void print(final PrintWriter out, final JournalStats stats, final long read)
    {
        out.printf("events:          %,d%s%n", stats.events, query().filtered() ? String.format(" matching the filters, of %,d", read) : "");
        if (stats.events == 0)
        {
            return;
        }
        out.println("first event:     " + EventFormat.iso(stats.firstTimeNanos));
        out.println("last event:      " + EventFormat.iso(stats.lastTimeNanos));
        final double seconds = (stats.lastTimeNanos - stats.firstTimeNanos) / 1e9;
        out.printf("span:            %.3f s%s%n", seconds, stats.timeOrdered ? "" : " (event times go backwards in places)");
        if (seconds > 0)
        {
            out.printf("rate:            %,.1f events/s over the span%n", stats.events / seconds);
        }
        out.println("by type:");
        for (final Map.Entry<String, Long> e : stats.byType().entrySet())
        {
            out.printf("  %-22s %,14d%n", e.getKey(), e.getValue());
        }
        out.println("by product:");
        for (final Map.Entry<String, Long> e : stats.byProduct().entrySet())
        {
            out.printf("  %-22s %,14d%n", e.getKey(), e.getValue());
        }
    }

    /** Counts the decision journal, if the journal has one; a damaged one is reported, exit 1. */
    private int printDecisions(final PrintWriter out, final PrintWriter err)
    {
        if (!DecisionJournalReader.exists(query().journal()))
        {
            out.println("decisions:       none (no decision journal)");
            return ExitCodes.OK;
        }
        try (DecisionJournalReader reader = DecisionJournalReader.open(query().journal()))
        {
            final DecisionRecord record = new DecisionRecord();
            while (reader.next(record))
            {
                // counting only
            }
            out.printf("decisions:       %,d (decision journal, unfiltered)%n", reader.decisionsRead());
            return ExitCodes.OK;
        }
        catch (final JournalException ex)
        {
            return ReadFailure.report("stats", ex, out, err);
        }
    }
}
