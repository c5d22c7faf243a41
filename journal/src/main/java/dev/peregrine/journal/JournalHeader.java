package dev.peregrine.journal;

/**
 * The first record of every journal: what wrote it and the settings a replay needs to rebuild the same
 * core. See {@link JournalRecordCodec} for the binary layout.
 *
 * @param formatVersion      record format version the journal was written with
 * @param engineVersion      {@code EngineVersion.VERSION} of the engine that wrote it
 * @param settingsText       {@code EngineSettings.encode()} of the live run
 * @param settingsDigest     {@code EngineSettings.digest()} of the live run, checked on replay
 * @param createdEpochNanos  wall-clock time the journal was created, epoch nanoseconds (information
 *                           only: nothing replays from it)
 * @param catalogText        {@code CatalogText.encode()} of the products the run traded as its catalog listed them
 *                           (increments, minimum notional, status, reference price); empty in journals before format 4
 *                           and where the writer was given none
 */
public record JournalHeader(
    short formatVersion,
    String engineVersion,
    String settingsText,
    long settingsDigest,
    long createdEpochNanos,
    String catalogText)
{
    public JournalHeader
    {
        catalogText = catalogText == null ? "" : catalogText;
    }
}
