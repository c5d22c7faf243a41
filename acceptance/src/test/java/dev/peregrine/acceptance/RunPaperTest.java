package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Http;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

/**
 * An operator starts the shipped paper configuration, {@code run --config ops/config/paper.yaml}, and watches
 * it for twenty seconds: it becomes ready, places orders with few rejects, stays ACTIVE (not REDUCING or HALTED
 * by its own loss limits), stops on SIGTERM with exit 0, and its journal replays to the printed hashes.
 */
class RunPaperTest
{
    @Test
    void theShippedPaperConfigurationTradesForTwentySecondsAndStopsCleanly()
    {
        final Path dir = Workspace.caseDir("run-paper");
        final Path journal = dir.resolve("journal");
        final Daemon run = Daemon.start(dir, Workspace.root().resolve("ops/config/paper.yaml"), journal, Daemon.newToken(),
            Map.of());
        final SoftAssertions soft = new SoftAssertions();
        try
        {
            UserChecks.readyAndActiveForTwentySeconds(soft, run);
            // Believable data is never taken for impossible: every product stays tradeable.
            final Http.Response still = run.awaitReady(5);
            soft.assertThat(still.body()).as("/ready after 20 s").contains("\"tradeable\":true", "\"unhealthyProducts\":[]");
        }
        finally
        {
            UserChecks.stopsCleanly(soft, dir, journal, run);
        }
        soft.assertAll();
    }
}
