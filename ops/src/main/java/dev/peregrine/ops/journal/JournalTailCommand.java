package dev.peregrine.ops.journal;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code peregrine journal tail}: the last events of a journal and, with {@code --follow}, each new one
 * as a running engine appends it. Following polls the Chronicle tailer (a read-only queue sees the
 * writer's appends and its new daily files); it ends cleanly on Ctrl-C (a shutdown hook stops the loop
 * and waits for it to flush and close the queue) or when its thread is interrupted.
 */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
        "Prints the last N events of a journal that match the filters, one line each (or JSON with --json);",
        "with --follow keeps printing new events as the engine appends them, until Ctrl-C."})
public final class JournalTailCommand extends JournalQueryCommand
{
    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "20",
        description = "How many of the last matching events to print first (default ${DEFAULT-VALUE}; 0 for none).")
    private int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events as they are appended, until Ctrl-C.")
    private boolean follow;

    @Option(names = "--json", description = "One JSON object a line, as 'journal dump' prints.")
    private boolean json;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "100ms",
        description = "With --follow: how long to sleep when there is nothing new (default ${DEFAULT-VALUE}).")
    private String poll;

    private volatile boolean stopRequested;
    private long pollMillis;

    @Override
    protected void checkOptions()
    {
        if (lines < 0)
        {
            throw new UsageException("--lines must be 0 or more, got " + lines);
        }
        try
        {
            pollMillis = Durations.parse(poll).toMillis();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--poll: " + ex.getMessage());
        }
    }

    @Override
    protected int read(final OpenJournal journal, final PrintWriter out, final PrintWriter err)
    {
        printLast(journal, out);
        if (follow)
        {
            follow(journal, out, Math.max(1, pollMillis));
        }
        TornTailNote.print(journal.reader, err);
        return ExitCodes.OK;
    }

    /** Reads to the end, keeping the last {@code lines} matching events in a ring of reused slots. */
    private void printLast(final OpenJournal journal, final PrintWriter out)
    {
        final InboundEvent[] ring = new InboundEvent[lines];
        final long[] numbers = new long[lines];
        for (int i = 0; i < lines; i++)
        {
            ring[i] = new InboundEvent();
        }
        final InboundEvent event = new InboundEvent();
        long kept = 0;
        while (journal.reader.next(event))
        {
            if (lines > 0 && journal.filter.matches(event))
            {
                final int slot = (int)(kept % lines);
                ring[slot].copyInputsFrom(event);
                numbers[slot] = journal.reader.eventsRead();
                kept++;
            }
        }
        final long first = Math.max(0, kept - lines);
        for (long k = first; k < kept; k++)
        {
            final int slot = (int)(k % lines);
            out.println(render(journal, ring[slot], numbers[slot]));
        }
        out.flush();
    }

    private void follow(final OpenJournal journal, final PrintWriter out, final long pollMillis)
    {
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread hook = new Thread(() ->
        {
            stopRequested = true;
            try
            {
                // Let the loop flush what it printed and close the queue before the JVM goes.
                finished.await(2, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ignored)
            {
                Thread.currentThread().interrupt();
            }
        }, "peregrine-journal-tail-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            final InboundEvent event = new InboundEvent();
            while (!stopRequested && !Thread.currentThread().isInterrupted())
            {
                if (journal.reader.next(event))
                {
                    if (journal.filter.matches(event))
                    {
                        out.println(render(journal, event, journal.reader.eventsRead()));
                    }
                    continue;
                }
                out.flush();
                try
                {
                    Thread.sleep(pollMillis);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }
            out.flush();
        }
        finally
        {
            finished.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // Ctrl-C: the hook is running and waits for this loop, which has now finished.
            }
        }
    }

    private String render(final OpenJournal journal, final InboundEvent event, final long number)
    {
        return json ? journal.format.json(event, number) : journal.format.text(event, number);
    }
}
