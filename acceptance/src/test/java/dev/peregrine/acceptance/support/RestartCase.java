package dev.peregrine.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A case where an operator stops or kills {@code peregrine run} and starts it again on the same journal: the
 * case's folder, journal, admin token and soft assertions, and the steps such cases share (a session that trades
 * and is killed with its positions written down, the resume after the restart, the stop whose replay must equal
 * it). Each case then says only what differs: how it stops, what it changes between the sessions, what it checks.
 */
public final class RestartCase
{
    public final Path dir;
    public final Path journal;
    public final String token = Daemon.newToken();
    public final SoftAssertions soft = new SoftAssertions();

    /** A fresh folder named {@code name} under the workspace, with the journal inside it. */
    public RestartCase(final String name)
    {
        this.dir = Workspace.caseDir(name);
        this.journal = dir.resolve("journal");
    }

    /** Starts {@code run --config config} on this case's journal. */
    public Daemon start(final Path config)
    {
        return Daemon.start(dir, config, journal, token, Map.of());
    }

    /** Starts a session, checks it becomes ready and lets it trade for {@code duration}. */
    public Daemon startTrading(final Path config, final Duration duration)
    {
        final Daemon session = start(config);
        soft.assertThat(session.awaitReady(60).status()).as("first start ready").isEqualTo(200);
        session.runFor(duration);
        return session;
    }

    /**
     * A paper session that trades for 10 s, is paused so its positions settle, and is then killed with SIGKILL:
     * its {@code /admin/status} from before the kill, with fills in it.
     */
    public JsonNode tradePauseAndKill(final Path config)
    {
        final Daemon first = start(config);
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
        return before;
    }

    /** The restarted session, as soon as {@code /admin/status} answers, shows the positions of {@code before}. */
    public void showsThePositionsOf(final Daemon second, final JsonNode before)
    {
        final JsonNode after = awaitStatus(second);
        soft.assertThat(after.path("positions")).as("positions after the restart (before: %s)", before)
            .isEqualTo(before.path("positions"));
    }

    /** The operator resumes the restarted session; it trades on for 5 s and is ACTIVE. */
    public void resumesAndTrades(final Daemon second)
    {
        soft.assertThat(second.command("resume").status()).as("POST /admin/resume").isEqualTo(202);
        second.runFor(Duration.ofSeconds(5));
        soft.assertThat(second.health().path("tradingState").asText()).as("trading state after the resume")
            .isEqualTo("ACTIVE");
    }

    /** SIGTERM ends the session with exit 0, and {@code replay} of the journal prints the hashes it printed. */
    public void stopsAndReplaysTheSame(final Daemon session)
    {
        final Peregrine.Result stopped = session.process().sigterm(Duration.ofSeconds(60));
        soft.assertThat(stopped.exitCode()).as("exit code after SIGTERM\n%s", stopped.stderr()).isZero();
        UserChecks.replayEqualsLive(soft, dir, journal, new Summary(stopped.stderr()));
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
