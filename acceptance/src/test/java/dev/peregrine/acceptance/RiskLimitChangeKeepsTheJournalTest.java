package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.RestartCase;
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
        final RestartCase restart = new RestartCase("risk-limit-change");
        final Path journal = restart.journal;
        final Path config = Workspace.root().resolve("ops/config/paper.yaml");
        final Path raised = raisedLimit(config, restart.dir.resolve("paper-raised.yaml"));
        final SoftAssertions soft = restart.soft;

        final JsonNode before = restart.tradePauseAndKill(config);

        final Peregrine.Result check = Peregrine.run(restart.dir, Map.of("PEREGRINE_PORTS_HEALTH", "0",
            "PEREGRINE_PORTS_METRICS", "0", "PEREGRINE_JOURNAL_DIR", journal.toString(), "PEREGRINE_ADMIN_TOKEN", restart.token),
            Duration.ofSeconds(120), "config", "check", "--config", raised.toString(), "--journal", journal.toString());
        soft.assertThat(check.exitCode()).as(check.describe()).isZero();
        soft.assertThat(check.stdout()).as(check.describe())
            .contains("journal " + journal + ": continues (", "1 change", "risk.maxPosition[BTC-USD]: 0.08 -> 0.16");

        final Daemon second = restart.start(raised);
        try
        {
            restart.showsThePositionsOf(second, before);
            final String said = second.process().stderr() + second.process().stdout();
            soft.assertThat(said).as("the restart says it recovered and continues with the change")
                .contains("earlier events recovered into the core", "settings: continuing the journal with 1 change",
                    "risk.maxPosition[BTC-USD]: 0.08 -> 0.16")
                .doesNotContain("use a new folder");
            restart.resumesAndTrades(second);
        }
        finally
        {
            restart.stopsAndReplaysTheSame(second);
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
}
