package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.RestartCase;
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

/**
 * An operator stops the paper engine with SIGTERM (what {@code docker stop} and Ctrl-C do) and starts it
 * again on the same journal. A graceful stop is not a kill: the restart trades on, ready and ACTIVE,
 * placing new orders with no {@code trading_halted} rejects. An operator's own kill, though, outlives the
 * restart, and start-up, {@code /health} and {@code /admin/status} say so and how to lift it.
 */
class GracefulRestartTest
{
    @Test
    void aRestartAfterSigtermTradesOn()
    {
        final EagerFirstSession session = EagerFirstSession.start("graceful-restart", Duration.ofSeconds(8));
        final RestartCase restart = session.restart();
        final SoftAssertions soft = restart.soft;
        final Daemon first = session.first();
        final Peregrine.Result firstStop = first.process().sigterm(Duration.ofSeconds(60));
        soft.assertThat(firstStop.exitCode()).as("first SIGTERM\n%s", firstStop.stderr()).isZero();
        soft.assertThat(firstStop.stderr()).contains("shutdown: open orders cancelled");
        final long ordersBefore = new Summary(firstStop.stderr()).count("orders").orElse(-1L);
        soft.assertThat(ordersBefore).as("orders in the first session\n%s", firstStop.stderr()).isPositive();

        final Daemon second = restart.start(session.config());
        final Peregrine.Result secondStop;
        try
        {
            soft.assertThat(second.awaitReady(60).status()).as("/ready after a graceful restart").isEqualTo(200);
            soft.assertThat(second.process().stderr()).contains("trading state at start-up: ACTIVE");
            soft.assertThat(second.health().path("tradingState").asText()).isEqualTo("ACTIVE");
            second.runFor(Duration.ofSeconds(8));
        }
        finally
        {
            secondStop = second.process().sigterm(Duration.ofSeconds(60));
        }
        soft.assertThat(secondStop.exitCode()).as("second SIGTERM\n%s", secondStop.stderr()).isZero();
        final Summary summary = new Summary(secondStop.stderr());
        soft.assertThat(summary.count("orders").orElse(-1L)).as("the restart placed new orders\n%s", secondStop.stderr())
            .isGreaterThan(ordersBefore);
        soft.assertThat(secondStop.stderr()).as("no order refused for a halt").doesNotContain("trading_halted");
        UserChecks.replayEqualsLive(soft, restart.dir, restart.journal, summary);
        soft.assertAll();
    }

    @Test
    void anOperatorsKillOutlivesARestartAndStartUpSaysHowToLiftIt()
    {
        final EagerFirstSession session = EagerFirstSession.start("kill-outlives-restart", Duration.ofSeconds(4));
        final RestartCase restart = session.restart();
        final SoftAssertions soft = restart.soft;
        final Daemon first = session.first();
        soft.assertThat(first.command("kill").status()).as("POST /admin/kill").isEqualTo(202);
        first.runFor(Duration.ofSeconds(1));
        soft.assertThat(first.process().sigterm(Duration.ofSeconds(60)).exitCode()).isZero();

        final Daemon second = restart.start(session.config());
        final Peregrine.Result stopped;
        try
        {
            second.runFor(Duration.ofSeconds(2));
            soft.assertThat(second.process().stderr()).contains(
                "trading state at start-up: HALTED (operator: kill", "POST /admin/resume");
            final JsonNode health = second.health();
            soft.assertThat(health.path("tradingState").asText()).as("%s", health).isEqualTo("HALTED");
            soft.assertThat(health.path("tradingStateReason").asText()).isEqualTo("operator: kill");
            soft.assertThat(health.path("howToLift").asText()).contains("POST /admin/resume");
            final JsonNode status = second.admin("status").json();
            soft.assertThat(status.path("tradingState").asText()).as("%s", status).isEqualTo("HALTED");
            soft.assertThat(status.path("howToLift").asText()).contains("POST /admin/resume");
            soft.assertThat(second.process().stdout()).as("the JSON log says it too")
                .contains("\"trading_state\":\"HALTED\"", "\"trading_state_reason\":\"operator: kill\"");

            soft.assertThat(second.command("resume").status()).as("POST /admin/resume").isEqualTo(202);
            soft.assertThat(second.awaitReady(30).status()).as("/ready once resumed").isEqualTo(200);
            soft.assertThat(second.health().path("tradingState").asText()).isEqualTo("ACTIVE");
        }
        finally
        {
            stopped = second.process().sigterm(Duration.ofSeconds(60));
        }
        soft.assertThat(stopped.exitCode()).as("SIGTERM\n%s", stopped.stderr()).isZero();
        UserChecks.replayEqualsLive(soft, restart.dir, restart.journal, new Summary(stopped.stderr()));
        soft.assertAll();
    }

    /** A restart case on {@link #eagerCrossover}, its first daemon started and trading for {@code trading}. */
    private record EagerFirstSession(RestartCase restart, Path config, Daemon first)
    {
        static EagerFirstSession start(final String name, final Duration trading)
        {
            final RestartCase restart = new RestartCase(name);
            final Path config = eagerCrossover(restart.dir);
            return new EagerFirstSession(restart, config, restart.startTrading(config, trading));
        }
    }

    /** The shipped paper config with the crossover's minimum hold lifted, so a few seconds show new orders. */
    private static Path eagerCrossover(final Path dir)
    {
        try
        {
            final String paper = Files.readString(Workspace.root().resolve("ops/config/paper.yaml"));
            if (!paper.contains("min-hold: 2m"))
            {
                throw new AssertionError("ops/config/paper.yaml no longer holds 'min-hold: 2m'; update this test");
            }
            final Path config = dir.resolve("paper-eager.yaml");
            Files.writeString(config, paper.replace("min-hold: 2m", "min-hold: 0s"));
            return config;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
