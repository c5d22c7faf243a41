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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An operator raises a position limit on a running journal: the paper engine trades, is paused and dies hard
 * (kill -9); the operator raises BTC-USD's {@code max_position} in a copy of the configuration, asks
 * {@code config check --journal} (it continues, and says what changes), and starts the engine again on the same
 * journal. The start says it continues the journal with that change; {@code /admin/status} shows the positions
 * of before the kill; after a resume it trades on, stops on SIGTERM with exit 0, and {@code replay} of the
 * journal (both sessions and the change between them) prints the hashes the second session printed.
 */
class RiskLimitChangeKeepsTheJournalTest
{
    @Test
    void aRiskLimitChangeKeepsTheJournalAndItsRecovery()
    {
        final Path dir = Workspace.caseDir("risk-limit-change");
        final Path journal = dir.resolve("journal");
        final Path config = Workspace.root().resolve("ops/config/paper.yaml");
        final Path raised = raisedLimit(config, dir.resolve("paper-raised.yaml"));
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

        final Peregrine.Result check = Peregrine.run(dir, Map.of("PEREGRINE_PORTS_HEALTH", "0", "PEREGRINE_PORTS_METRICS", "0",
            "PEREGRINE_JOURNAL_DIR", journal.toString(), "PEREGRINE_ADMIN_TOKEN", token), Duration.ofSeconds(120), "config", "check",
            "--config", raised.toString(), "--journal", journal.toString());
        soft.assertThat(check.exitCode()).as(check.describe()).isZero();
        soft.assertThat(check.stdout()).as(check.describe())
            .contains("journal " + journal + ": continues (", "1 change", "risk.maxPosition[BTC-USD]: 0.08 -> 0.16");

        final Daemon second = Daemon.start(dir, raised, journal, token, Map.of());
        try
        {
            final JsonNode after = awaitStatus(second);
            soft.assertThat(after.path("positions")).as("positions after the restart (before: %s)", before)
                .isEqualTo(before.path("positions"));
            final String said = second.process().stderr() + second.process().stdout();
            soft.assertThat(said).as("the restart says it recovered and continues with the change")
                .contains("earlier events recovered into the core", "settings: continuing the journal with 1 change",
                    "risk.maxPosition[BTC-USD]: 0.08 -> 0.16")
                .doesNotContain("use a new folder");
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

    /** The shipped paper configuration with BTC-USD's position limit doubled (0.08 to 0.16). */
    private static Path raisedLimit(final Path config, final Path to)
    {
        try
        {
            final String text = Files.readString(config);
            final String limit = "BTC-USD: {max_order: 0.04, max_position: 0.08}";
            if (!text.contains(limit))
            {
                throw new AssertionError(config + " no longer holds '" + limit + "': update this case");
            }
            return Files.writeString(to, text.replace(limit, "BTC-USD: {max_order: 0.04, max_position: 0.16}"));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
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
