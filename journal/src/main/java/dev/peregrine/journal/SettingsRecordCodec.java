package dev.peregrine.journal;

import dev.peregrine.core.output.Hash64;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;

import static dev.peregrine.journal.JournalRecordCodec.CHECKSUM_LENGTH;
import static dev.peregrine.journal.JournalRecordCodec.MAX_STRING_BYTES;
import static dev.peregrine.journal.JournalRecordCodec.PREFIX_LENGTH;
import static dev.peregrine.journal.JournalRecordCodec.SETTINGS;

/**
 * The SETTINGS record of a Peregrine journal (the record prefix and the rules every record follows are in
 * {@link JournalRecordCodec}).
 *
 * <h2>SETTINGS (recordType 4, record version 1): configuration is an input</h2>
 * Written once when an engine starts on an existing journal with settings that differ from the settings
 * in effect (the header's, or the last SETTINGS record's), at the restart point, before any new input
 * (and after a TAIL_REPAIR, if any). Every reader that drives a core from the journal applies it there
 * ({@code JournalFeed}, through {@code TradingCore.applySettings}); the header keeps the journal's first
 * settings, and its repeats at the start of later files stay byte for byte the same. Readers older than
 * this record refuse it, as JournalRecordCodec's compatibility rules say.
 * <pre>
 * offset size type   field
 *      0    1 int8   recordType      4
 *      1    2 int16  recordVersion   1
 *      3    8 int64  settingsDigest  EngineSettings.digest() of the new settings
 *     11    8 int64  createdEpochNanos  wall clock when written (information only)
 *     19  4+n utf8   settingsText    int32 byte length n, then n bytes of UTF-8 (EngineSettings.encode())
 *  end-8    8 int64  checksum        Hash64 of settingsDigest, createdEpochNanos and every byte of settingsText
 * </pre>
 */
final class SettingsRecordCodec
{
    private static final short SETTINGS_VERSION = 1;

    private SettingsRecordCodec()
    {
    }

    static void writeSettings(final Bytes<?> bytes, final SettingsRecord record)
    {
        final byte[] utf8 = record.settingsText().getBytes(StandardCharsets.UTF_8);
        bytes.writeByte(SETTINGS);
        bytes.writeShort(SETTINGS_VERSION);
        bytes.writeLong(record.settingsDigest());
        bytes.writeLong(record.createdEpochNanos());
        bytes.writeInt(utf8.length);
        bytes.write(utf8);
        bytes.writeLong(settingsChecksum(record.settingsDigest(), record.createdEpochNanos(), utf8));
    }

    /**
     * Reads a SETTINGS record (the caller saw its type byte); the caller adds where it was to a failure.
     *
     * @throws JournalException if it is too new, truncated or its checksum does not match
     */
    static SettingsRecord readSettings(final Bytes<?> bytes)
    {
        final long length = bytes.readRemaining();
        if (length < PREFIX_LENGTH + 8 + 8 + 4 + CHECKSUM_LENGTH)
        {
            throw new JournalException("is a SETTINGS record of " + length + " bytes (truncated or corrupt)");
        }
        bytes.readByte();
        final short version = bytes.readShort();
        if (version != SETTINGS_VERSION)
        {
            throw new JournalException("is a SETTINGS record of version " + version + "; this reader knows version " +
                SETTINGS_VERSION + " (upgrade Peregrine to read it)");
        }
        final long digest = bytes.readLong();
        final long created = bytes.readLong();
        final int n = bytes.readInt();
        if (n < 0 || n > MAX_STRING_BYTES || n != bytes.readRemaining() - CHECKSUM_LENGTH)
        {
            throw new JournalException("is a SETTINGS record whose text length " + n + " does not fit its " + length +
                " bytes (truncated or corrupt)");
        }
        final byte[] utf8 = new byte[n];
        bytes.read(utf8);
        JournalRecordCodec.verifyChecksum(bytes.readLong(), settingsChecksum(digest, created, utf8));
        return new SettingsRecord(digest, new String(utf8, StandardCharsets.UTF_8), created);
    }

    private static long settingsChecksum(final long digest, final long created, final byte[] utf8)
    {
        long h = Hash64.mix(Hash64.mix(Hash64.SEED, digest), created);
        for (final byte b : utf8)
        {
            h = Hash64.mix(h, b);
        }
        return h;
    }
}
