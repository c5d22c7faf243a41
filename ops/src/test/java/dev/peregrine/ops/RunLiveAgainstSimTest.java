package dev.peregrine.ops;

import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon with the {@code live} profile against {@code peregrine sim}, two child JVMs talking over loopback
 * as the engine and the venue would: {@code run --config} with venue {@code coinbase} pointed at the simulator's
 * URLs and secrets from files (a P-256 key made here, a random admin token). The engine's orders reach the
 * simulator's order API signed with that key, its fills come back on the user channel, the admin API and
 * {@code /metrics} show them, and after a pause the engine's position in each product is what the simulator
 * filled. SIGTERM stops both with exit 0 and their summaries, and the journal replays to the digest and state
 * hash the run printed.
 */
class RunLiveAgainstSimTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/run-live-sim";
    private static final Pattern READY = Pattern.compile(
        "sim ready: market_data_url=(\\S+) rest_url=(\\S+) user_channel_url=(\\S+)");
    private static final Pattern SIM_SUMMARY = Pattern.compile(
        "sim stopped: frames sent (\\d+), orders received (\\d+), fills (\\d+), cancel requests (\\d+), JWTs refused (\\d+); net filled (.*)");
    private static final Pattern RUN_ORDERS = Pattern.compile(
        "orders ([\\d,]+), fills ([\\d,]+), .*released after journaling ([\\d,]+)");
    private static final Pattern POSITION = Pattern.compile("\"product\":\"([^\"]+)\",\"quantity\":(-?[0-9.]+)");

    @TempDir
    Path temp;

    @Test
    void liveRunTradesWithTheSimulatorAndItsPositionIsWhatTheVenueFilled() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        final Path publicKey = Files.writeString(temp.resolve("key.pub"), "-----BEGIN PUBLIC KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded()) +
            "\n-----END PUBLIC KEY-----\n");
        final Path keyNameFile = Files.writeString(temp.resolve("coinbase_api_key"), KEY_NAME + "\n");
        final Path secretFile = Files.writeString(temp.resolve("coinbase_api_secret"),
            EcPrivateKeyPem.toSec1Pem((ECPrivateKey)keys.getPrivate()));
        final byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        final String token = HexFormat.of().formatHex(random);
        final Path tokenFile = Files.writeString(temp.resolve("admin_token"), token + "\n");

        final Path simLog = temp.resolve("sim.log");
        final Process sim = DaemonProcess.start(temp, Map.of(), simLog, "sim", "--market-data-port", "0", "--rest-port", "0",
            "--trades-per-second", "200", "--seed", "11", "--api-key-name", KEY_NAME, "--api-public-key-file", publicKey.toString());
        final Path runLog = temp.resolve("run.log");
        final Path journal = temp.resolve("journal");
        Process run = null;
        final Map<String, BigDecimal> enginePositions = new LinkedHashMap<>();
        try
        {
            assertThat(DaemonProcess.awaitOutput(sim, simLog, "sim ready:", 60)).as(DaemonProcess.read(simLog)).isTrue();
            final Matcher ready = READY.matcher(DaemonProcess.read(simLog));
            assertThat(ready.find()).isTrue();
            final Path config = Files.writeString(temp.resolve("live.yaml"), String.join("\n",
                "profile: live",
                "venue:",
                "  name: coinbase",
                "  market_data_url: " + ready.group(1),
                "  rest_url: " + ready.group(2),
                "  user_channel_url: " + ready.group(3),
                "products: [BTC-USD, ETH-USD]",
                "order: {notional: 1000, type: market}",
                "strategies:",
                "  - {type: ma-crossover, name: trend, params: {fast: 5, slow: 15, min-hold: 0s}}",
                "ports: {bind: 127.0.0.1, health: 0, metrics: 0}",
                "journal: {dir: " + journal + "}",
                "ring: {size: 4096, wait_strategy: blocking}",
                "shutdown: {cancel_open_orders: true, timeout: 20s}",
                "secrets:",
                "  admin_token_file: " + tokenFile,
                "  coinbase_api_key_file: " + keyNameFile,
                "  coinbase_api_secret_file: " + secretFile,
                ""));

            run = DaemonProcess.start(temp, Map.of(), runLog, "run", "--config", config.toString());
            final DaemonProcess.Endpoints endpoints = DaemonProcess.awaitStarted(run, runLog);
            assertThat(DaemonProcess.read(runLog)).contains("(profile live, venue coinbase)")
                .as("the default warm-up, with this configuration's risk limits, refuses nothing")
                .containsPattern("order path warm-up: 10,000 synthetic orders through risk and execution in [0-9.]+ s "
                    + "\\(10,000 placed and answered, 0 refused\\)");
            final String metrics = endpoints.url(endpoints.metrics(), "/metrics");
            final String admin = endpoints.url(endpoints.health(), "/admin/");

            // Orders go to the simulator and fills come back: counted by the engine and its order adapter.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (metric(metrics, "peregrine_fills_total", Map.of()) < 3 && System.nanoTime() < deadline && run.isAlive())
            {
                Thread.sleep(100);
            }
            assertThat(metric(metrics, "peregrine_fills_total", Map.of())).as(DaemonProcess.read(runLog)).isGreaterThanOrEqualTo(3);
            assertThat(metric(metrics, "peregrine_venue_requests_total", Map.of("endpoint", "create", "outcome", "ok")))
                .as("creates the venue accepted").isGreaterThanOrEqualTo(3);
            assertThat(TestHttp.get(admin + "status", "not-the-token-not-the-token-not-it").statusCode()).isEqualTo(401);

            // Pause (trading halted by the operator): no new orders; once nothing is open and the counts stop
            // changing, the position is final.
            assertThat(TestHttp.post(admin + "pause", token, "{\"reason\":\"test\"}").statusCode()).isEqualTo(202);
            // The counts and positions, not the PnL per strategy and the statistics after them: marks and the
            // span of the data move on while trading is halted.
            String status = counts(TestHttp.get(admin + "status", token).body());
            String previous = "";
            final long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while ((!status.equals(previous) || !status.contains("\"openOrders\":0")) && System.nanoTime() < settle)
            {
                Thread.sleep(300);
                previous = status;
                status = counts(TestHttp.get(admin + "status", token).body());
            }
            assertThat(status).as("settled after the pause").isEqualTo(previous).contains("\"tradingState\":\"HALTED\"",
                "\"openOrders\":0");
            final HttpResponse<String> positions = TestHttp.get(admin + "positions", token);
            assertThat(positions.statusCode()).isEqualTo(200);
            final Matcher position = POSITION.matcher(positions.body());
            while (position.find())
            {
                enginePositions.put(position.group(1), new BigDecimal(position.group(2)));
            }
            assertThat(enginePositions.keySet()).as(positions.body()).containsExactly("BTC-USD", "ETH-USD");

            stopBoth(run, sim); // SIGTERM
        }
        finally
        {
            forceDown(run, sim);
        }
        final Outputs outputs = bothExitedCleanly(run, runLog, sim, simLog);
        final String runOutput = outputs.run();
        final String simOutput = outputs.sim();
        assertThat(runOutput).contains("stopping (signal)", "--- summary ---", "replay it:").doesNotContain(token);

        // The simulator saw every order the engine released and filled each; its net fills are the engine's position.
        final Matcher simSummary = SIM_SUMMARY.matcher(simOutput);
        assertThat(simSummary.find()).as(simOutput).isTrue();
        final Matcher runOrders = RUN_ORDERS.matcher(runOutput);
        assertThat(runOrders.find()).as(runOutput).isTrue();
        final long released = Long.parseLong(runOrders.group(3).replace(",", ""));
        assertThat(released).isGreaterThanOrEqualTo(3);
        assertThat(Long.parseLong(simSummary.group(2))).as("orders received").isEqualTo(released);
        assertThat(Long.parseLong(simSummary.group(3))).as("fills made").isEqualTo(Long.parseLong(runOrders.group(2).replace(",", "")));
        assertThat(simSummary.group(5)).as("JWTs refused").isEqualTo("0");
        final Map<String, BigDecimal> venueNet = new LinkedHashMap<>();
        for (final String product : simSummary.group(6).trim().split(" "))
        {
            venueNet.put(product.substring(0, product.indexOf('=')), new BigDecimal(product.substring(product.indexOf('=') + 1)));
        }
        assertThat(venueNet.keySet()).containsExactly("BTC-USD", "ETH-USD");
        for (final String product : List.of("BTC-USD", "ETH-USD"))
        {
            assertThat(enginePositions.get(product)).as("engine position in %s", product).isEqualByComparingTo(venueNet.get(product));
        }

        // The journal, venue answers included, replays to what the run printed.
        DaemonProcess.replayPrintsTheHashesOf(journal, runOutput);
    }

    @Test
    void theShippedLiveConfigurationRunsAgainstTheSimulatorWithEnvironmentOverridesOnly() throws Exception
    {
        // As the ops README tells a user: sim makes a throwaway key in the files run reads; the shipped
        // ops/config/live.yaml (Coinbase URLs, a market maker on limit orders) is pointed at it by overrides.
        final Path credentials = temp.resolve("sim-credentials");
        final Path simLog = temp.resolve("sim.log");
        final Process sim = DaemonProcess.start(temp, Map.of(), simLog, "sim", "--market-data-port", "0", "--rest-port", "0",
            "--credentials-dir", credentials.toString());
        final Path runLog = temp.resolve("run.log");
        final Path journal = temp.resolve("journal");
        final byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        final String token = HexFormat.of().formatHex(random);
        Process run = null;
        try
        {
            assertThat(DaemonProcess.awaitOutput(sim, simLog, "sim ready:", 60)).as(DaemonProcess.read(simLog)).isTrue();
            final Matcher ready = READY.matcher(DaemonProcess.read(simLog));
            assertThat(ready.find()).isTrue();
            final Map<String, String> env = new LinkedHashMap<>();
            env.put("PEREGRINE_VENUE_MARKET_DATA_URL", ready.group(1));
            env.put("PEREGRINE_VENUE_REST_URL", ready.group(2));
            env.put("PEREGRINE_VENUE_USER_CHANNEL_URL", ready.group(3));
            env.put("PEREGRINE_SECRETS_COINBASE_API_KEY_FILE", credentials.resolve("coinbase_api_key").toString());
            env.put("PEREGRINE_SECRETS_COINBASE_API_SECRET_FILE", credentials.resolve("coinbase_api_secret").toString());
            env.put("PEREGRINE_ADMIN_TOKEN", token);
            env.put("PEREGRINE_PORTS_HEALTH", "0");
            env.put("PEREGRINE_PORTS_METRICS", "0");
            env.put("PEREGRINE_JOURNAL_DIR", journal.toString());
            env.put("PEREGRINE_RING_WAIT_STRATEGY", "blocking");
            run = DaemonProcess.start(temp, env, runLog, "run", "--config",
                DaemonProcess.repositoryRoot().resolve("ops/config/live.yaml").toString());
            final DaemonProcess.Endpoints endpoints = DaemonProcess.awaitStarted(run, runLog);
            final String metrics = endpoints.url(endpoints.metrics(), "/metrics");
            final Map<String, String> createOk = Map.of("endpoint", "create", "outcome", "ok");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (metric(metrics, "peregrine_venue_requests_total", createOk) < 2 && System.nanoTime() < deadline && run.isAlive())
            {
                Thread.sleep(100);
            }
            assertThat(metric(metrics, "peregrine_venue_requests_total", createOk)).as("the market maker's quotes at the venue")
                .isGreaterThanOrEqualTo(2);
            stopBoth(run, sim); // SIGTERM: the open quotes are cancelled at the venue before the engine stops
        }
        finally
        {
            forceDown(run, sim);
        }
        final Outputs outputs = bothExitedCleanly(run, runLog, sim, simLog);
        final String runOutput = outputs.run();
        final String simOutput = outputs.sim();
        assertThat(runOutput).contains("(profile live, venue coinbase)", "venue.rest_url (PEREGRINE_VENUE_REST_URL)",
            "shutdown: open orders cancelled; the next start on this journal trades in the state from before the stop", "--- summary ---").doesNotContain(token);
        final Matcher simSummary = SIM_SUMMARY.matcher(simOutput);
        assertThat(simSummary.find()).as(simOutput).isTrue();
        assertThat(Long.parseLong(simSummary.group(2))).as("orders received").isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(simSummary.group(4))).as("cancel requests").isGreaterThanOrEqualTo(1);
        assertThat(simSummary.group(5)).as("JWTs refused").isEqualTo("0");
        DaemonProcess.replayPrintsTheHashesOf(journal, runOutput);
    }

    /** The value of one sample of {@code /metrics}, 0 if absent (not yet registered or not yet counted). */
    private double metric(final String url, final String name, final Map<String, String> labels) throws Exception
    {
        final HttpResponse<String> response = TestHttp.get(url, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusTextParser.parse(response.body()).stream()
            .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
            .mapToDouble(PrometheusTextParser.Sample::value).sum();
    }



    /** /admin/status up to its per-strategy PnL: the trading state, counts and positions. */
    private static String counts(final String status)
    {
        final int pnl = status.indexOf(",\"pnlNote\"");
        return pnl < 0 ? status : status.substring(0, pnl);
    }

    /** SIGTERM to the run, then to the sim: each must stop within its bound (the run's includes its shutdown). */
    private static void stopBoth(final Process run, final Process sim) throws InterruptedException
    {
        DaemonProcess.sigterm(run);
        sim.destroy();
        assertThat(sim.waitFor(20, TimeUnit.SECONDS)).as("sim stopped within the bound").isTrue();
    }

    /** What the run and the sim printed, once both have stopped. */
    private record Outputs(String run, String sim)
    {
    }

    /** Both stopped with exit code 0 (each failure shows that process's output); what they printed. */
    private static Outputs bothExitedCleanly(final Process run, final Path runLog, final Process sim, final Path simLog)
        throws IOException
    {
        final Outputs outputs = new Outputs(DaemonProcess.read(runLog), DaemonProcess.read(simLog));
        assertThat(run.exitValue()).as(outputs.run()).isZero();
        assertThat(sim.exitValue()).as(outputs.sim()).isZero();
        return outputs;
    }

    /** Whatever failed, no child process outlives the test. */
    private static void forceDown(final Process run, final Process sim)
    {
        if (run != null)
        {
            run.destroyForcibly();
        }
        sim.destroyForcibly();
    }
}
