package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Http;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
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
            final Http.Response ready = run.awaitReady(60);
            soft.assertThat(ready.status()).as("/ready answers 200: %s", ready.body()).isEqualTo(200);
            run.runFor(Duration.ofSeconds(20));
            final JsonNode health = run.health();
            soft.assertThat(health.path("tradingState").asText()).as("/health tradingState after 20 s: %s", health)
                .isEqualTo("ACTIVE");
            // Believable data is never taken for impossible: every product stays tradeable.
            final Http.Response still = run.awaitReady(5);
            soft.assertThat(still.body()).as("/ready after 20 s").contains("\"tradeable\":true", "\"unhealthyProducts\":[]");
        }
        finally
        {
            final Peregrine.Result stopped = run.process().sigterm(Duration.ofSeconds(60));
            soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
            final Summary summary = new Summary(stopped.stderr());
            UserChecks.rejectRateUnderFivePercentAfterStop(soft, summary);
            UserChecks.replayEqualsLive(soft, dir, journal, summary);
        }
        soft.assertAll();
    }
}
