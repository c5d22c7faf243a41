package dev.peregrine.ops.http.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.ops.decisions.DecisionFormat;
import dev.peregrine.ops.logging.JsonOutput;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The newest decisions of the running engine for the overview, in {@code GET /admin/decisions}'s form
 * ({@code {"read":..,"matched":..,"decisions":[..]}}, oldest first). Unlike that query, which scans the decision
 * journal from its start on every call, this keeps one reader open and reads only what was added since the last
 * call, so refreshing every second costs what the engine decided in that second, not its whole history. A
 * Chronicle tailer belongs to the thread that first used it, and the HTTP handlers are a pool, so the reader lives
 * on one thread of its own ({@code peregrine-ui-decisions}).
 */
final class LatestDecisions implements AutoCloseable
{
    private final Path journalDir;
    private final DecisionFormat format;
    private final int keep;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(r ->
    {
        final Thread t = new Thread(r, "peregrine-ui-decisions");
        t.setDaemon(true);
        return t;
    });
    // Touched only on readerThread.
    private final Deque<String> newest;
    private final DecisionRecord record = new DecisionRecord();
    private DecisionJournalReader reader;
    private long read;

    LatestDecisions(final Path journalDir, final DecisionFormat format, final int keep)
    {
        this.journalDir = journalDir;
        this.format = format;
        this.keep = keep;
        this.newest = new ArrayDeque<>(keep);
    }

    /**
     * The newest decisions, reading those added since the last call.
     *
     * @throws dev.peregrine.journal.JournalException when the decision journal cannot be read (the next call starts over)
     */
    String json()
    {
        try
        {
            return readerThread.submit(this::readNew).get();
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause() : new IllegalStateException(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the decision journal", ex);
        }
    }

    private String readNew()
    {
        try
        {
            if (reader == null && DecisionJournalReader.exists(journalDir))
            {
                reader = DecisionJournalReader.open(journalDir);
            }
            if (reader != null)
            {
                while (reader.next(record))
                {
                    read++;
                    if (newest.size() == keep)
                    {
                        newest.removeFirst();
                    }
                    newest.addLast(format.json(record));
                }
                if (read == 0)
                {
                    // Opened before the first decision: Chronicle creates the files lazily, and a reader opened on an
                    // empty folder never sees them, so look again next time.
                    release();
                }
            }
        }
        catch (final RuntimeException ex)
        {
            release();
            newest.clear();
            read = 0;
            throw ex;
        }
        final ObjectNode json = JsonOutput.object().put("read", read).put("matched", read);
        final ArrayNode decisions = json.putArray("decisions");
        for (final String decision : newest)
        {
            decisions.addRawValue(new RawValue(decision));
        }
        return JsonOutput.compact(json);
    }

    /** Closes the reader (on its thread) and stops the thread: the engine is stopping. */
    @Override
    public void close()
    {
        if (readerThread.isShutdown())
        {
            return;
        }
        readerThread.execute(this::release);
        readerThread.shutdown();
        try
        {
            readerThread.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void release()
    {
        if (reader != null)
        {
            reader.close();
            reader = null;
        }
    }
}
