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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * As the ops README tells an operator to try the live profile without an exchange: {@code peregrine sim} (it
 * writes a throwaway API key), then {@code run --profile live} with the shipped {@code ops/config/live.yaml} (its
 * market maker) pointed at the simulator by environment overrides only. For twenty seconds it is ready and quotes
 * with few rejects (its own order-rate limit must not refuse them), stays ACTIVE, stops on SIGTERM with exit 0 (so
 * does the simulator), and its journal, venue answers included, replays to the printed hashes.
 */
class RunLiveAgainstTheSimulatorTest
{
    private static final Pattern SIM_READY = Pattern.compile(
        "sim ready: market_data_url=(\\S+) rest_url=(\\S+) user_channel_url=(\\S+)");

    @Test
    void theShippedLiveConfigurationQuotesAgainstTheSimulatorAndStopsCleanly()
    {
        final Path dir = Workspace.caseDir("run-live-sim");
        final Path credentials = dir.resolve("sim-credentials");
        final Path journal = dir.resolve("journal");
        final Peregrine.Running sim = Peregrine.start(dir, Map.of(), "sim", "--market-data-port", "0", "--rest-port", "0",
            "--credentials-dir", credentials.toString());
        final SoftAssertions soft = new SoftAssertions();
        Daemon run = null;
        try
        {
            final Matcher urls = sim.await(SIM_READY, 90);
            final Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("PEREGRINE_VENUE_MARKET_DATA_URL", urls.group(1));
            overrides.put("PEREGRINE_VENUE_REST_URL", urls.group(2));
            overrides.put("PEREGRINE_VENUE_USER_CHANNEL_URL", urls.group(3));
            overrides.put("PEREGRINE_SECRETS_COINBASE_API_KEY_FILE", credentials.resolve("coinbase_api_key").toString());
            overrides.put("PEREGRINE_SECRETS_COINBASE_API_SECRET_FILE", credentials.resolve("coinbase_api_secret").toString());
            run = Daemon.start(dir, Workspace.root().resolve("ops/config/live.yaml"), journal, Daemon.newToken(), overrides,
                "--profile", "live");
            final Http.Response ready = run.awaitReady(60);
            soft.assertThat(ready.status()).as("/ready answers 200: %s", ready.body()).isEqualTo(200);
            run.runFor(Duration.ofSeconds(20));
            final JsonNode health = run.health();
            soft.assertThat(health.path("tradingState").asText()).as("/health tradingState after 20 s: %s", health)
                .isEqualTo("ACTIVE");
        }
        finally
        {
            if (run != null)
            {
                final Peregrine.Result stopped = run.process().sigterm(Duration.ofSeconds(60));
                soft.assertThat(stopped.exitCode()).as("run's exit code after SIGTERM\n%s", stopped.stderr()).isZero();
                final Summary summary = new Summary(stopped.stderr());
                UserChecks.rejectRateUnderFivePercentAfterStop(soft, summary);
                UserChecks.replayEqualsLive(soft, dir, journal, summary);
            }
            final Peregrine.Result simStopped = sim.sigterm(Duration.ofSeconds(30));
            soft.assertThat(simStopped.exitCode()).as("sim's exit code after SIGTERM\n%s", simStopped.output()).isZero();
            soft.assertThat(simStopped.output()).as("the simulator refused no JWT").contains("JWTs refused 0;");
        }
        soft.assertAll();
    }
}
