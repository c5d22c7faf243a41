package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.RecordedDigests;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals recorded by an older build (a demo on each venue, and a live run against the simulator with the
 * venue's answers) replay today to the hashes they printed then: a user's existing journals stay valid, and a
 * change meant only to restructure the code changed no decision.
 */
class RecordedJournalsReplayUnchangedTest
{
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "demo-binance", "live"})
    void aRecordedJournalReplaysToTheHashesItPrintedWhenRecorded(final String name)
    {
        final Path dir = Workspace.caseDir("recorded-" + name);
        final Path journal = RecordedDigests.unzipJournal(name, dir);

        final Peregrine.Result replay = Peregrine.run(dir, Duration.ofMinutes(2), "replay", "--journal", journal.toString());

        final Summary summary = new Summary(replay.output());
        assertThat(replay.exitCode()).as("replay exit code\n%s", replay.describe()).isZero();
        assertThat(summary.outputDigest().orElse("none") + " " + summary.stateHash().orElse("none"))
            .as("output-digest and state-hash of the recorded %s journal\n%s", name, replay.describe())
            .isEqualTo(RecordedDigests.of("journal." + name).orElseThrow());
    }
}
