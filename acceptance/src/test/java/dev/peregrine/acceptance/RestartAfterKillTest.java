package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.RestartCase;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
        final RestartCase restart = new RestartCase("restart-after-kill");
        final Path config = Workspace.root().resolve("ops/config/paper.yaml");
        final SoftAssertions soft = restart.soft;

        final JsonNode before = restart.tradePauseAndKill(config);

        final Daemon second = restart.start(config);
        try
        {
            restart.showsThePositionsOf(second, before);
            soft.assertThat(second.process().stderr() + second.process().stdout()).as("the restart says it recovered")
                .contains("earlier events recovered into the core");
            restart.resumesAndTrades(second);
        }
        finally
        {
            restart.stopsAndReplaysTheSame(second);
        }
        soft.assertAll();
    }
}
