package dev.peregrine.bench.journal;

import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.assembly.EngineAssembly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay fed in legs ends where {@code ./peregrine replay} ends: same events, same state. */
class SteppedReplayTest
{
    private static final int EVENTS = 20_000;

    @TempDir
    Path journal;

    @Test
    void legsAddUpToTheWholeReplay()
    {
        OscillatingJournal.write(journal, EVENTS);
        final ReplayResult whole = EngineAssembly.replay(journal);

        try (SteppedReplay replay = new SteppedReplay(journal))
        {
            assertThat(replay.feedUpTo(5_000)).isEqualTo(5_000);
            assertThat(replay.events()).isEqualTo(5_000);
            assertThat(replay.feedUpTo(5_000)).as("a leg already done feeds nothing").isEqualTo(5_000);
            assertThat(replay.feedRest()).isEqualTo(EVENTS);
            assertThat(replay.feedUpTo(EVENTS + 1)).as("the journal has ended").isEqualTo(EVENTS);
            assertThat(replay.core().lastError()).isNull();
            assertThat(Hash64.hex(replay.core().stateHash())).isEqualTo(whole.stateHashHex());
            assertThat(whole.events()).isEqualTo(EVENTS);
        }
    }
}
