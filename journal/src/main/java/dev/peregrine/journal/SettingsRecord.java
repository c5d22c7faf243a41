package dev.peregrine.journal;

/**
 * A SETTINGS record: the settings a run continued the journal with, from that point on. See
 * {@link JournalRecordCodec} for the binary layout.
 *
 * @param settingsDigest    {@code EngineSettings.digest()} of the new settings, checked when they are decoded
 * @param settingsText      {@code EngineSettings.encode()} of the new settings
 * @param createdEpochNanos wall-clock time it was written (information only: nothing replays from it)
 */
public record SettingsRecord(long settingsDigest, String settingsText, long createdEpochNanos)
{
}
