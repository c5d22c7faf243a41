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
 * The paper engine dies hard (kill -9) and the operator starts it again on the same journal. Before the kill
 * the operator pauses it, so the positions are settled and can be written down; after the restart
 * {@code /admin/status} shows exactly those positions, the operator resumes, the engine trades on, stops on
 * SIGTERM with exit 0, and {@code replay} of the journal (both sessions) prints the hashes the second session
 * printed.
 */
class RestartAfterKillTest
{
    @Test
    void aPaperEngineKilledWithSigkillRecoversItsPositionsFromTheJournal()
    {
        final Path dir = Workspace.caseDir("restart-after-kill");
        final Path journal = dir.resolve("journal");
        final Path config = Workspace.root().resolve("ops/config/paper.yaml");
        final String token = Daemon.newToken();
        final SoftAssertions soft = new SoftAssertions();

        final Daemon first = Daemon.start(dir, config, journal, token, Map.of());
        final JsonNode before;
        try
        {
            soft.assertThat(first.awaitReady(60).status()).as("first start ready").isEqualTo(200);
            first.runFor(Duration.ofSeconds(10));
            soft.assertThat(first.command("pause").status()).as("POST /admin/pause").isEqualTo(202);
            before = settledStatus(first);
        }
        finally
        {
            soft.assertThat(first.process().kill9()).as("killed by SIGKILL").isEqualTo(137);
        }
        soft.assertThat(before.path("fills").asLong()).as("fills before the kill: %s", before).isPositive();

        final Daemon second = Daemon.start(dir, config, journal, token, Map.of());
        try
        {
            final JsonNode after = awaitStatus(second);
            soft.assertThat(after.path("positions")).as("positions after the restart (before: %s)", before)
                .isEqualTo(before.path("positions"));
            soft.assertThat(second.process().stderr() + second.process().stdout()).as("the restart says it recovered")
                .contains("earlier events recovered into the core");
            soft.assertThat(second.command("resume").status()).as("POST /admin/resume").isEqualTo(202);
            second.runFor(Duration.ofSeconds(5));
            soft.assertThat(second.health().path("tradingState").asText()).as("trading state after the resume")
                .isEqualTo("ACTIVE");
        }
        finally
        {
            final Peregrine.Result stopped = second.process().sigterm(Duration.ofSeconds(60));
            soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
            UserChecks.replayEqualsLive(soft, dir, journal, new Summary(stopped.stderr()));
        }
        soft.assertAll();
    }

    /** {@code /admin/status} once nothing is open and two answers in a row agree (at most 20 s). */
    private static JsonNode settledStatus(final Daemon daemon)
    {
        String previous = "";
        String status = daemon.admin("status").body();
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((!status.equals(previous) || !status.contains("\"openOrders\":0")) && System.nanoTime() < deadline)
        {
            Peregrine.sleep(500);
            previous = status;
            status = daemon.admin("status").body();
        }
        return Http.parseJson(status);
    }

    /** {@code /admin/status} as soon as it answers 200 (a paused engine is not ready, but it answers). */
    private static JsonNode awaitStatus(final Daemon daemon)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Http.Response response = daemon.admin("status");
        while (response.status() != 200 && System.nanoTime() < deadline)
        {
            Peregrine.sleep(200);
            response = daemon.admin("status");
        }
        return response.json();
    }
}
