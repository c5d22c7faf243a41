package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /admin/resume} from REDUCING, over real sockets against {@code run --config paper.yaml}:
 * after an operator's reduce it resumes (202, then ACTIVE); while a loss limit holds it answers why not
 * (409, JSON with the state and the reason) instead of a 202 after which nothing changes.
 */
class AdminResumeTest
{
    private static final String TOKEN = "7c2e9a4f1b8d3e6a0c5f2b9d4e7a1c8f3b6d0e2a";
    private static final Pattern HEALTH = Pattern.compile("health: http://127\\.0\\.0\\.1:(\\d+)/health");
    private static final Pattern STATE = Pattern.compile("\"tradingState\":\"(\\w+)\"");

    private static final Path PAPER = DaemonProcess.repositoryRoot().resolve("ops/config/paper.yaml");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The running daemon's output, for failure messages. */
    private Path log;

    private Process start(final String name, final Path config, final Map<String, String> overrides) throws Exception
    {
        final Map<String, String> env = new HashMap<>(overrides);
        env.put("PEREGRINE_PORTS_HEALTH", "0");
        env.put("PEREGRINE_PORTS_METRICS", "0");
        env.put("PEREGRINE_JOURNAL_DIR", temp.resolve(name).toString());
        env.put("PEREGRINE_ADMIN_TOKEN", TOKEN);
        log = temp.resolve(name + ".log");
        return DaemonProcess.start(temp, env, log, "run", "--config", config.toString());
    }

    private String base(final Process process, final String name) throws Exception
    {
        assertThat(DaemonProcess.awaitOutput(process, log, "admin: http", 60)).as(DaemonProcess.read(log)).isTrue();
        final Matcher m = HEALTH.matcher(DaemonProcess.read(log));
        assertThat(m.find()).isTrue();
        return "http://127.0.0.1:" + m.group(1) + "/admin/";
    }

    private String awaitState(final String base, final String wanted, final long seconds) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String status = TestHttp.get(base + "status", TOKEN).body();
        while (!state(status).equals(wanted) && System.nanoTime() < deadline)
        {
            Thread.sleep(100);
            status = TestHttp.get(base + "status", TOKEN).body();
        }
        assertThat(state(status)).as("%s%n%s", status, DaemonProcess.read(log)).isEqualTo(wanted);
        return status;
    }

    private static String state(final String json)
    {
        final Matcher m = STATE.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private static void stop(final Process process) throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
        }
    }

    @Test
    void resumeFromAnOperatorsReduceResumes() throws Exception
    {
        final Process process = start("reduce", PAPER, Map.of());
        try
        {
            final String base = base(process, "reduce");
            awaitState(base, "ACTIVE", 30);
            assertThat(TestHttp.post(base + "reduce", TOKEN, null).statusCode()).isEqualTo(202);
            awaitState(base, "REDUCING", 10);
            final HttpResponse<String> resume = TestHttp.post(base + "resume", TOKEN, null);
            assertThat(resume.statusCode()).isEqualTo(202);
            assertThat(resume.body()).isEqualTo("{\"command\":\"resume\",\"accepted\":true}");
            awaitState(base, "ACTIVE", 10);
        }
        finally
        {
            stop(process);
        }
    }

    @Test
    void resumeWhileTheDailyLossLimitHoldsAnswersWhyNot() throws Exception
    {
        // paper.yaml trading every cross (no minimum hold) with a loss limit of 0.5 quote: taker fees of
        // 60 bps on orders of ~1,000 breach it within seconds, whatever the simulated touch lets the first fill.
        final String shipped = Files.readString(PAPER);
        assertThat(shipped).contains("min-hold: 2m");
        final Path config = Files.writeString(temp.resolve("paper-no-hold.yaml"), shipped.replace("min-hold: 2m", "min-hold: 0s"));
        final Process process = start("loss", config, Map.of("PEREGRINE_RISK_DAILY_LOSS_LIMIT", "0.5"));
        try
        {
            final String base = base(process, "loss");
            awaitState(base, "REDUCING", 60);
            final HttpResponse<String> resume = TestHttp.post(base + "resume", TOKEN, null);
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(409);
            assertThat(resume.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(resume.body()).startsWith("{\"command\":\"resume\",\"accepted\":false,\"tradingState\":\"REDUCING\"," +
                "\"reason\":\"the daily loss limit holds: the day's PnL is -")
                .contains("the limit -0.50 (risk.daily_loss_limit)", "until the trading day rolls over in UTC");
            // Nothing was published: the engine stays where it was, and says so.
            Thread.sleep(300);
            awaitState(base, "REDUCING", 1);
            // /health carries each strategy's run of rejections for one reason (none repeating here).
            final String health = TestHttp.get(base.replace("/admin/", "/health"), TOKEN).body();
            assertThat(health).contains("\"name\":\"trend\"", "\"rejectsInARow\":{\"repeating\":false,\"count\":",
                "\"threshold\":20}");
        }
        finally
        {
            stop(process);
        }
    }


}
