package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;

/**
 * What a replay proved: the output digest and final state hash to compare with the live run's, and
 * how much it replayed.
 *
 * @param header          the journal's header (engine version, creation time)
 * @param settings        the settings rebuilt from the header, which the replayed core ran with
 * @param outputDigestHex {@code OutputDigest.hex()} after the last event
 * @param stateHashHex    {@code Hash64.hex(core.stateHash())} after the last event
 * @param events          events replayed
 * @param outputs         outputs the core produced (orders, rejects, fills, cancels)
 */
public record ReplayResult(
    JournalHeader header,
    EngineSettings settings,
    String outputDigestHex,
    String stateHashHex,
    long events,
    long outputs)
{
}
