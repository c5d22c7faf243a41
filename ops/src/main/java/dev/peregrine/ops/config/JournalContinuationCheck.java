package dev.peregrine.ops.config;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalFeed;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.SettingsContinuation;
import dev.peregrine.ops.cli.ExitCodes;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code peregrine config check --journal DIR}: recovers the journal's state as {@code run} would (read only:
 * nothing is written) and says whether these settings continue it, and what changes, or what blocks.
 */
public final class JournalContinuationCheck
{
    private JournalContinuationCheck()
    {
    }

    /** @return exit code: 0 continues (or no journal yet), 2 refused, 1 the journal cannot be read */
    public static int run(final Path dir, final EngineSettings settings, final PrintWriter out, final PrintWriter err)
    {
        if (!Files.isDirectory(dir) || isEmpty(dir))
        {
            out.println("journal " + dir + ": no journal yet; run starts a new one with these settings");
            return ExitCodes.OK;
        }
        final SettingsContinuation continuation;
        final long events;
        try (JournalReader reader = JournalReader.open(dir))
        {
            final TradingCore core = JournalFeed.core(VenueRegistry.standard().catalog(), dir, reader.settings().current(), new OutputDigest());
            final JournalFeed feed = new JournalFeed(reader, core);
            final dev.peregrine.core.event.InboundEvent slot = new dev.peregrine.core.event.InboundEvent();
            long sequence = 0;
            while (feed.next(slot))
            {
                core.onEvent(slot, sequence++, true);
            }
            events = sequence;
            continuation = SettingsContinuation.of(core, settings);
        }
        catch (final JournalException ex)
        {
            err.println("peregrine config check: " + ex.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        }
        final String recovered = " (" + String.format("%,d", events) + " events recovered)";
        if (!continuation.blockers().isEmpty())
        {
            out.println("journal " + dir + ": REFUSED: cannot continue with these settings" + recovered + "; " +
                SettingsChangeLines.count(continuation.blockers().size(), "blocker") + ":");
            continuation.blockers().forEach(line -> out.println("  " + line));
            if (!continuation.changes().isEmpty())
            {
                out.println("changes asked for:");
                continuation.changes().forEach(line -> out.println("  " + line));
            }
            return ExitCodes.USAGE;
        }
        if (continuation.unchanged())
        {
            out.println("journal " + dir + ": continues" + recovered + "; settings unchanged");
            return ExitCodes.OK;
        }
        out.println("journal " + dir + ": continues" + recovered + " with " +
            SettingsChangeLines.count(continuation.changes().size(), "change") + ", journaled at the restart point:");
        continuation.changes().forEach(line -> out.println("  " + line));
        return ExitCodes.OK;
    }

    private static boolean isEmpty(final Path dir)
    {
        try (java.util.stream.Stream<Path> files = Files.list(dir))
        {
            return files.noneMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final java.io.IOException ex)
        {
            return false; // JournalReader.open names the problem
        }
    }
}
