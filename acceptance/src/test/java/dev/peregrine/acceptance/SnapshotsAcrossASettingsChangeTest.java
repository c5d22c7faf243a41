package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Three sessions of the paper engine on one journal, each stopped with SIGTERM (so each leaves a snapshot): the
 * second raises a position limit. The second start recovers from the first session's snapshot and continues the
 * journal with the change; the third skips the second session's snapshot (taken under the changed settings), says
 * so, recovers from the first one plus the tail (the change applied where it was journaled), and trades on. Each
 * session exits 0 and {@code replay} of the whole journal prints the hashes the last one printed.
 */
class SnapshotsAcrossASettingsChangeTest
{
    @Test
    void recoveryFromASnapshotAppliesTheSettingsChangeInItsTail()
    {
        final Path dir = Workspace.caseDir("snapshots-across-settings-change");
        final Path journal = dir.resolve("journal");
        final Path eager = eager(Workspace.root().resolve("ops/config/paper.yaml"), dir.resolve("paper-eager.yaml"), false);
        final Path raised = eager(Workspace.root().resolve("ops/config/paper.yaml"), dir.resolve("paper-raised.yaml"), true);
        final String token = Daemon.newToken();
        final SoftAssertions soft = new SoftAssertions();

        final Peregrine.Result first = session(soft, dir, eager, journal, token, "first");
        soft.assertThat(first.stderr()).as("a fresh journal has nothing to recover").doesNotContain("recovery: recovered");

        final Peregrine.Result second = session(soft, dir, raised, journal, token, "second");
        soft.assertThat(second.stderr()).as(second.stderr())
            .contains("settings: continuing the journal with 1 change", "risk.maxPosition[BTC-USD]: 0.08 -> 0.16")
            .containsPattern("recovery: recovered [0-9,]+ events from snapshot at index 0x[0-9a-f]+ \\([0-9,]+ events\\) plus [0-9,]+ tail events");

        final Peregrine.Result third = session(soft, dir, raised, journal, token, "third");
        soft.assertThat(third.stderr()).as(third.stderr())
            .doesNotContain("settings: continuing the journal with")
            .containsPattern("recovery: snapshot \\S+ was taken under settings \\p{XDigit}+, not the journal's first")
            .containsPattern("recovery: recovered [0-9,]+ events from snapshot at index 0x[0-9a-f]+ \\([0-9,]+ events\\) plus [0-9,]+ tail events");
        final Summary summary = new Summary(third.stderr());
        soft.assertThat(summary.count("orders").orElse(-1L)).as("the third session placed orders of its own")
            .isGreaterThan(new Summary(second.stderr()).count("orders").orElse(Long.MAX_VALUE));
        UserChecks.replayEqualsLive(soft, dir, journal, summary);
        soft.assertAll();
    }

    private static Peregrine.Result session(final SoftAssertions soft, final Path dir, final Path config, final Path journal,
        final String token, final String name)
    {
        final Daemon daemon = Daemon.start(dir, config, journal, token, Map.of());
        final Peregrine.Result stopped;
        try
        {
            soft.assertThat(daemon.awaitReady(60).status()).as("%s session ready", name).isEqualTo(200);
            daemon.runFor(Duration.ofSeconds(6));
        }
        finally
        {
            stopped = daemon.process().sigterm(Duration.ofSeconds(60));
        }
        soft.assertThat(stopped.exitCode()).as("%s session's exit code\n%s", name, stopped.stderr()).isZero();
        return stopped;
    }

    /** The shipped paper config with the crossover's minimum hold lifted (new orders within seconds), maybe BTC-USD's limit raised. */
    private static Path eager(final Path paper, final Path into, final boolean raiseLimit)
    {
        try
        {
            String text = Files.readString(paper);
            final String limit = "BTC-USD: {max_order: 0.04, max_position: 0.08}";
            if (!text.contains("min-hold: 2m") || !text.contains(limit))
            {
                throw new AssertionError(paper + " no longer holds 'min-hold: 2m' and '" + limit + "'; update this test");
            }
            text = text.replace("min-hold: 2m", "min-hold: 0s");
            if (raiseLimit)
            {
                text = text.replace(limit, "BTC-USD: {max_order: 0.04, max_position: 0.16}");
            }
            Files.writeString(into, text);
            return into;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
