package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Simulator;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * As the ops README tells an operator to try the live profile without an exchange: {@code peregrine sim} (it
 * writes a throwaway API key), then {@code run --profile live} with the shipped {@code ops/config/live.yaml} (its
 * market maker) pointed at the simulator by environment overrides only. For twenty seconds it is ready and quotes
 * with few rejects (its own order-rate limit must not refuse them), stays ACTIVE, stops on SIGTERM with exit 0 (so
 * does the simulator), and its journal, venue answers included, replays to the printed hashes.
 */
class RunLiveAgainstTheSimulatorTest
{
    @Test
    void theShippedLiveConfigurationQuotesAgainstTheSimulatorAndStopsCleanly()
    {
        final Path dir = Workspace.caseDir("run-live-sim");
        final Path journal = dir.resolve("journal");
        final Simulator sim = Simulator.start(dir);
        final SoftAssertions soft = new SoftAssertions();
        Daemon run = null;
        try
        {
            run = sim.startLiveRun(journal);
            UserChecks.readyAndActiveForTwentySeconds(soft, run);
        }
        finally
        {
            if (run != null)
            {
                UserChecks.stopsCleanly(soft, dir, journal, run);
            }
            final Peregrine.Result simStopped = sim.stop();
            soft.assertThat(simStopped.exitCode()).as("sim's exit code after SIGTERM\n%s", simStopped.output()).isZero();
            soft.assertThat(simStopped.output()).as("the simulator refused no JWT").contains("JWTs refused 0;");
        }
        soft.assertAll();
    }
}
