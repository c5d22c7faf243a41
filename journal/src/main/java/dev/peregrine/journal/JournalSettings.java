package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.output.Hash64;

import java.nio.file.Path;

/**
 * The settings in effect while a journal is read: the header's, then those of each SETTINGS record the
 * reader has passed. Every {@link JournalReader} keeps one ({@link JournalReader#settings()}); a reader that
 * stops at an index (a snapshot, a recovery) asks it for the settings in effect there.
 *
 * <p>Records are decoded and checked against their digest as they are read, so a damaged one fails at its
 * index. Single-threaded, like its reader. {@link #changes()} lets a feed loop notice a change with one
 * compare per event, without allocating.
 */
public final class JournalSettings
{
    private final Path dir;
    private final JournalHeader header;
    /** Decoded on first use, so tools that only list records open a journal whose settings this build cannot read. */
    private EngineSettings current;
    private String text;
    private long digest;
    private String where;
    private long changes;
    private long changedAtIndex = -1;
    /** Every SETTINGS record passed, in order (rare and small): a feed applies each one, not just the last. */
    private final java.util.List<SettingsRecord> records = new java.util.ArrayList<>();
    private final java.util.List<String> places = new java.util.ArrayList<>();

    JournalSettings(final Path dir, final JournalHeader header)
    {
        this.dir = dir;
        this.header = header;
        this.text = header.settingsText();
        this.digest = header.settingsDigest();
        this.where = "the header";
    }

    /** Notes a SETTINGS record at {@code index}: from here on its settings are in effect. */
    void onRecord(final SettingsRecord record, final long index, final String where)
    {
        current = null;
        text = record.settingsText();
        digest = record.settingsDigest();
        this.where = where;
        changes++;
        changedAtIndex = index;
        records.add(record);
        places.add(where);
    }

    /**
     * The settings of the {@code change}-th SETTINGS record passed (1 for the first; 0: the header's), decoded and checked.
     *
     * @throws JournalException naming the record if they do not parse or do not match their digest
     */
    public EngineSettings afterChange(final long change)
    {
        if (change == changes)
        {
            return current();
        }
        if (change == 0)
        {
            return decode(dir, header.settingsText(), header.settingsDigest(), "the header");
        }
        final SettingsRecord record = records.get((int)(change - 1));
        return decode(dir, record.settingsText(), record.settingsDigest(), places.get((int)(change - 1)));
    }

    /** Where the {@code change}-th SETTINGS record is, for messages. */
    public String placeOf(final long change)
    {
        return places.get((int)(change - 1));
    }

    /**
     * The settings in effect at the reader's position.
     *
     * @throws JournalException naming the record if they do not parse or do not match their digest
     */
    public EngineSettings current()
    {
        if (current == null)
        {
            current = decode(dir, text, digest, where);
        }
        return current;
    }

    /** The digest of the settings in effect, without decoding them. */
    public long currentDigest()
    {
        return digest;
    }

    /** How many SETTINGS records have been passed: a feed applies the current settings when this moves. */
    public long changes()
    {
        return changes;
    }

    /** The Chronicle index of the last SETTINGS record passed, or -1 when the header's settings are in effect. */
    public long changedAtIndex()
    {
        return changedAtIndex;
    }

    /**
     * The settings a journal in {@code dir} starts with (its header's), or {@code otherwise} when the folder
     * holds no journal yet: what a live engine builds its core with before it recovers.
     */
    public static EngineSettings initialOf(final Path dir, final EngineSettings otherwise)
    {
        if (!java.nio.file.Files.isDirectory(dir) || !JournalFolder.hasQueueFiles(dir))
        {
            return otherwise;
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            return reader.settings().current();
        }
    }

    /**
     * Settings text checked against its digest: the one way every reader rebuilds the settings a journal holds.
     *
     * @throws JournalException naming {@code dir} and {@code where} if they do not parse or do not match
     */
    static EngineSettings decode(final Path dir, final String text, final long digest, final String where)
    {
        final EngineSettings settings;
        try
        {
            settings = EngineSettings.decode(text);
        }
        catch (final IllegalArgumentException e)
        {
            throw new JournalException("journal " + dir + ": settings in " + where + " do not parse: " +
                JournalException.describe(e), e);
        }
        if (settings.digest() != digest)
        {
            throw new JournalException("journal " + dir + ": settings digest " + Hash64.hex(settings.digest()) +
                " does not match " + where + "'s " + Hash64.hex(digest) +
                " (" + ("the header".equals(where) ? "the header" : "the record") +
                " is damaged, or EngineSettings.encode() changed since it was written)");
        }
        return settings;
    }
}
