package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Simulator;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance live trading as an operator first tries it: {@code peregrine sim --venue binance} (it writes a throwaway
 * HMAC key), then {@code run --profile live} with the shipped {@code ops/config/live-binance.yaml} pointed at it by
 * environment overrides only. The run quotes and stays ACTIVE, is killed with SIGKILL while its quotes rest at the
 * venue, and a second start on the same journal reconciles them and trades on, ACTIVE. After SIGTERM the venue has
 * received the orders the engine's summary counts (none sent twice), no signature was refused,
 * and the journal, venue answers included, replays to the printed hashes.
 */
class RunLiveAgainstTheBinanceSimulatorTest
{
    private static final Pattern SIM_STOPPED = Pattern.compile("orders received (\\d+), signed requests refused (\\d+)");

    @Test
    void theShippedBinanceConfigurationQuotesSurvivesAKillAndStopsCleanly()
    {
        final Path dir = Workspace.caseDir("run-live-binance-sim");
        final Path journal = dir.resolve("journal");
        final Simulator sim = Simulator.binance(dir);
        final SoftAssertions soft = new SoftAssertions();
        Daemon run = null;
        Summary summary = null;
        try
        {
            run = sim.startLiveRun(journal);
            UserChecks.readyAndActiveForTwentySeconds(soft, run);
            run.process().kill9();
            run = sim.startLiveRun(journal);
            soft.assertThat(run.awaitReady(60).status()).as("/ready after the restart").isEqualTo(200);
            run.runFor(Duration.ofSeconds(8));
            soft.assertThat(run.health().path("tradingState").asText()).as("/health tradingState after the restart")
                .isEqualTo("ACTIVE");
            final Peregrine.Result stopped = run.process().sigterm(Duration.ofSeconds(60));
            run = null;
            soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
            summary = new Summary(stopped.stderr());
            UserChecks.rejectRateUnderFivePercentAfterStop(soft, summary);
            UserChecks.replayEqualsLive(soft, dir, journal, summary);
        }
        finally
        {
            if (run != null)
            {
                run.process().kill9();
            }
            final Peregrine.Result simStopped = sim.stop();
            soft.assertThat(simStopped.exitCode()).as("sim's exit code after SIGTERM\n%s", simStopped.output()).isZero();
            final Matcher venue = SIM_STOPPED.matcher(simStopped.output());
            soft.assertThat(venue.find()).as("sim's summary line\n%s", simStopped.output()).isTrue();
            if (venue.find(0) && summary != null)
            {
                soft.assertThat(venue.group(2)).as("signed requests the simulated Binance refused").isEqualTo("0");
                // Equal, but for the quotes the kill may catch journaled and not yet on the wire (the restart finds
                // them not at the venue): never more at the venue than the engine placed, which would be a resend.
                final long placed = summary.count("orders").orElse(-1L);
                soft.assertThat(Long.parseLong(venue.group(1))).as("orders the venue received, against the %d in the " +
                    "engine's summary of both runs", placed).isBetween(placed - 2, placed);
            }
        }
        soft.assertAll();
    }
}
