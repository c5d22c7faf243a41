package dev.peregrine.journal;

import dev.peregrine.core.instrument.CatalogDifferences;
import dev.peregrine.core.instrument.CatalogText;
import dev.peregrine.core.instrument.ProductCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalog a journal ran with, as its header records it (format 4 on), and what every core built from a journal
 * uses: the catalog in hand (the built-in lists) with the recorded products in place of its own, so a replay, a
 * report or a restart sees the increments and reference prices the run saw, whatever the venue lists today. A journal
 * without the record (older formats) replays on the catalog in hand, as it always did.
 */
public final class JournalCatalog
{
    private JournalCatalog()
    {
    }

    /**
     * The catalog recorded in {@code header}, or null when it records none.
     *
     * @throws JournalException naming {@code dir} when the record does not parse.
     */
    public static ProductCatalog recorded(final Path dir, final JournalHeader header)
    {
        if (header.catalogText().isEmpty())
        {
            return null;
        }
        try
        {
            return CatalogText.decode(header.catalogText(), "journal " + dir + " header catalog");
        }
        catch (final IllegalArgumentException ex)
        {
            throw new JournalException(ex.getMessage(), ex);
        }
    }

    /** {@code given} with the products {@code header} records in place of its own (as given when it records none). */
    public static ProductCatalog effective(final ProductCatalog given, final Path dir, final JournalHeader header)
    {
        final ProductCatalog recorded = recorded(dir, header);
        return recorded == null ? given : given.overlaidWith(recorded);
    }

    /** As {@link #effective(ProductCatalog, Path, JournalHeader)} for the journal in {@code dir}; {@code given} when there is none yet. */
    public static ProductCatalog effective(final ProductCatalog given, final Path dir)
    {
        if (!Files.isDirectory(dir) || !JournalFolder.hasQueueFiles(dir))
        {
            return given;
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            return effective(given, dir, reader.header());
        }
    }

    /**
     * How the catalog {@code header} records differs from {@code given} for the recorded products (one line each, see
     * {@link CatalogDifferences}); empty when it records none or they agree.
     */
    public static List<String> differences(final ProductCatalog given, final Path dir, final JournalHeader header)
    {
        final ProductCatalog recorded = recorded(dir, header);
        return recorded == null ? List.of() : CatalogDifferences.between(recorded, given, recorded.symbols());
    }
}
