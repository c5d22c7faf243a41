package dev.peregrine.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The checks a user makes after a run, written once and used by every case: the reject rate, and that
 * {@code peregrine replay} of the journal prints the digest and state hash the run printed.
 */
public final class UserChecks
{
    /** The most rejects a shipped example may have, as a fraction of the orders it placed (issue 12, section 5). */
    public static final double MAX_REJECT_RATE = 0.05;

    private UserChecks()
    {
    }

    /**
     * Orders placed and rejects from the summary; rejects / orders placed must stay under 5 %. An order the risk
     * checks refused was never placed, so it is counted in the rejects and not in the orders.
     */
    public static void rejectRateUnderFivePercent(final SoftAssertions soft, final Summary summary)
    {
        rejectRateUnderFivePercent(soft, summary, Optional.empty());
    }

    /**
     * As {@link #rejectRateUnderFivePercent(SoftAssertions, Summary)} for a daemon stopped with SIGTERM: its stop
     * publishes STOP (cancel everything, no new orders until the next start) before the core stops, so a strategy
     * order proposed in those last moments is refused with {@code engine_stopping}. Those refusals are the operator's stop, not the
     * example's behaviour, and are left out; the case checks separately (on {@code /health} before the stop)
     * that the engine had not halted itself.
     */
    public static void rejectRateUnderFivePercentAfterStop(final SoftAssertions soft, final Summary summary)
    {
        rejectRateUnderFivePercent(soft, summary, Optional.of("engine_stopping"));
    }

    private static void rejectRateUnderFivePercent(final SoftAssertions soft, final Summary summary,
        final Optional<String> leftOut)
    {
        final Optional<Long> orders = summary.count("orders");
        final Optional<Long> rejects = summary.count("rejects")
            .map(all -> all - leftOut.map(reason -> summary.rejectReasons().getOrDefault(reason, 0L)).orElse(0L));
        soft.assertThat(orders).as("the summary shows the orders placed").isPresent();
        soft.assertThat(rejects).as("the summary shows the rejects").isPresent();
        if (orders.isPresent() && rejects.isPresent())
        {
            soft.assertThat(orders.get()).as("orders placed").isPositive();
            soft.assertThat((double)rejects.get()).as("rejects (%d%s) under 5%% of the %d orders placed; reasons %s",
                rejects.get(), leftOut.map(reason -> ", not counting " + reason).orElse(""), orders.get(),
                summary.rejectReasons()).isLessThan(MAX_REJECT_RATE * Math.max(1, orders.get()));
        }
    }

    /** Runs {@code peregrine replay --journal} and checks it prints the live run's output digest and state hash. */
    public static void replayEqualsLive(final SoftAssertions soft, final Path workDir, final Path journal, final Summary live)
    {
        final Peregrine.Result replay = Peregrine.run(workDir, Duration.ofMinutes(3), "replay", "--journal", journal.toString());
        soft.assertThat(replay.exitCode()).as("replay exit code\n%s", replay.describe()).isZero();
        final Summary replayed = new Summary(replay.output());
        soft.assertThat(live.outputDigest()).as("the run printed an output-digest").isPresent();
        soft.assertThat(replayed.outputDigest()).as("replay's output-digest equals the run's\n%s", replay.describe())
            .isEqualTo(live.outputDigest());
        soft.assertThat(replayed.stateHash()).as("replay's state-hash equals the run's\n%s", replay.describe())
            .isEqualTo(live.stateHash());
    }

    /** The run answers {@code /ready} with 200, trades for 20 s and is still ACTIVE on {@code /health}. */
    public static void readyAndActiveForTwentySeconds(final SoftAssertions soft, final Daemon run)
    {
        final Http.Response ready = run.awaitReady(60);
        soft.assertThat(ready.status()).as("/ready answers 200: %s", ready.body()).isEqualTo(200);
        run.runFor(Duration.ofSeconds(20));
        final JsonNode health = run.health();
        soft.assertThat(health.path("tradingState").asText()).as("/health tradingState after 20 s: %s", health)
            .isEqualTo("ACTIVE");
    }

    /**
     * SIGTERM stops the run with exit 0, its rejects stay under 5 % and {@code replay} of {@code journal} prints the
     * hashes it printed.
     */
    public static void stopsCleanly(final SoftAssertions soft, final Path workDir, final Path journal, final Daemon run)
    {
        final Peregrine.Result stopped = run.process().sigterm(Duration.ofSeconds(60));
        soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
        final Summary summary = new Summary(stopped.stderr());
        rejectRateUnderFivePercentAfterStop(soft, summary);
        replayEqualsLive(soft, workDir, journal, summary);
    }
}
