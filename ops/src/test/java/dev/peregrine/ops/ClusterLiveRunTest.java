package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.coinbase.orders.EcPrivateKeyPem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster member with the {@code live} profile against {@code peregrine sim} (Coinbase's order API and user channel,
 * emulated), two child JVMs over loopback: {@code run} with a one-member {@code cluster:} section and the API key from
 * files. The member leads, claims the egress, and sends the core's orders to the simulator signed with that key; its
 * {@code /health} counts them, and the simulator received exactly as many (none refused). SIGTERM stops both, exit 0.
 */
class ClusterLiveRunTest
{
    /** This class's ports. */
    private static final int PORT_BASE = 29_500;
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/cluster-live";
    private static final String TOKEN = DaemonProcess.PAPER_RUN_TOKEN;
    private static final Pattern READY = Pattern.compile(
        "sim ready: market_data_url=(\\S+) rest_url=(\\S+) user_channel_url=(\\S+)");
    private static final Pattern SIM_SUMMARY = Pattern.compile(
        "sim stopped: frames sent (\\d+), orders received (\\d+), fills (\\d+), cancel requests (\\d+), JWTs refused (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private ScratchAeronDirs aeron;

    @BeforeEach
    void scratch()
    {
        aeron = new ScratchAeronDirs(temp);
    }

    @AfterEach
    void removeDriverFolders() throws Exception
    {
        aeron.delete();
    }

    @Test
    void theLeadingMemberSendsTheCoresOrdersToTheVenue() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        final Path publicKey = Files.writeString(temp.resolve("key.pub"), "-----BEGIN PUBLIC KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded()) +
            "\n-----END PUBLIC KEY-----\n");
        final Path keyNameFile = Files.writeString(temp.resolve("coinbase_api_key"), KEY_NAME + "\n");
        final Path secretFile = Files.writeString(temp.resolve("coinbase_api_secret"),
            EcPrivateKeyPem.toSec1Pem((ECPrivateKey) keys.getPrivate()));

        final Path simLog = temp.resolve("sim.log");
        final Process sim = DaemonProcess.start(temp, Map.of(), simLog, "sim", "--market-data-port", "0", "--rest-port", "0",
            "--trades-per-second", "200", "--seed", "11", "--api-key-name", KEY_NAME, "--api-public-key-file", publicKey.toString());
        final Path runLog = temp.resolve("run.log");
        Process run = null;
        long sent;
        try
        {
            assertThat(DaemonProcess.awaitOutput(sim, simLog, "sim ready:", 60)).as(DaemonProcess.read(simLog)).isTrue();
            final Matcher ready = READY.matcher(DaemonProcess.read(simLog));
            assertThat(ready.find()).isTrue();
            final Path config = Files.writeString(temp.resolve("live-member.yaml"), String.join("\n",
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
                "journal: {dir: " + temp.resolve("journal") + "}",
                "shutdown: {timeout: 20s}",
                "logging: {format: text}",
                "secrets:",
                "  coinbase_api_key_file: " + keyNameFile,
                "  coinbase_api_secret_file: " + secretFile,
                "cluster:",
                "  members: [127.0.0.1]",
                "  member_id: 0",
                "  port_base: " + PORT_BASE,
                "  dir: " + temp.resolve("cluster"),
                "  aeron_dir: " + aeron.prefix("live"),
                ""));
            run = DaemonProcess.start(temp, Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN), runLog, "run", "--config", config.toString());
            final DaemonProcess.Endpoints endpoints = DaemonProcess.awaitStarted(run, runLog);
            final JsonNode leading = JSON.readTree(TestHttp.await(endpoints.url(endpoints.health(), "/health"), r ->
                r.statusCode() == 200 && cluster(r.body()).path("egress").asBoolean() &&
                    cluster(r.body()).path("orders_sent").asLong() >= 3).body()).path("cluster");
            assertThat(leading.path("role").asText()).isEqualTo("LEADER");
            assertThat(leading.path("client_order_prefix").asText()).startsWith("prg-");
            DaemonProcess.sigterm(run);
            sent = ordersSent(DaemonProcess.read(runLog));
            sim.destroy();
            assertThat(sim.waitFor(20, TimeUnit.SECONDS)).as("sim stopped").isTrue();
        }
        finally
        {
            if (run != null)
            {
                run.destroyForcibly();
            }
            sim.destroyForcibly();
        }
        final String runOutput = DaemonProcess.read(runLog);
        assertThat(run.exitValue()).as(runOutput).isZero();
        assertThat(runOutput).contains("(profile live, venue coinbase)", "cluster: member 0 leads (term 0): claiming the egress")
            .containsPattern("state-hash: \\p{XDigit}{16}").doesNotContain(TOKEN);
        final String simOutput = DaemonProcess.read(simLog);
        final Matcher summary = SIM_SUMMARY.matcher(simOutput);
        assertThat(summary.find()).as(simOutput).isTrue();
        assertThat(summary.group(5)).as("JWTs refused").isEqualTo("0");
        // Orders and cancels the member handed on (counted before the member stopped) all reached the venue.
        assertThat(Long.parseLong(summary.group(2)) + Long.parseLong(summary.group(4))).as("orders and cancels received")
            .isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(sent);
    }

    /** The member's {@code orders-sent:} line (printed on SIGTERM, once the member stopped). */
    private static long ordersSent(final String output)
    {
        return Long.parseLong(DaemonProcess.group(Pattern.compile("orders-sent: (\\d+)"), output));
    }

    private static JsonNode cluster(final String body)
    {
        try
        {
            return JSON.readTree(body).path("cluster");
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(body, ex);
        }
    }
}
