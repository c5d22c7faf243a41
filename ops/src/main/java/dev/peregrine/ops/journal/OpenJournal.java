package dev.peregrine.ops.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.ops.cli.JournalFailures;
import dev.peregrine.ops.cli.UsageException;

import java.util.List;

/**
 * A journal opened for a {@code journal} subcommand: the reader positioned after the header, the
 * products its header names, the filter and the formatter. Everything that can be wrong before the
 * first event (no folder, not a journal, a newer format, a bad filter) is a {@link UsageException}
 * here: one line, exit 2, nothing printed on standard output.
 */
final class OpenJournal implements AutoCloseable
{
    final JournalReader reader;
    final List<String> products;
    final EventFilter filter;
    final EventFormat format;

    private OpenJournal(final JournalReader reader, final List<String> products, final EventFilter filter)
    {
        this.reader = reader;
        this.products = products;
        this.filter = filter;
        this.format = new EventFormat(products);
    }

    /** @param err where a WARNING about a cut-short file goes, when the query accepts the loss */
    static OpenJournal open(final JournalQuery query, final java.io.PrintWriter err)
    {
        query.acceptTruncated.apply(err);
        final JournalReader reader;
        try
        {
            reader = JournalReader.open(query.journal());
        }
        catch (final JournalException ex)
        {
            throw JournalFailures.forCommandLine(ex);
        }
        try
        {
            final List<String> products;
            try
            {
                products = EngineSettings.decode(reader.header().settingsText()).products();
            }
            catch (final IllegalArgumentException ex)
            {
                throw new UsageException("journal folder " + query.journal() + ": the settings in its header do not parse: " +
                    ex.getMessage());
            }
            return new OpenJournal(reader, products, query.filter(products));
        }
        catch (final RuntimeException ex)
        {
            reader.close();
            throw ex;
        }
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
