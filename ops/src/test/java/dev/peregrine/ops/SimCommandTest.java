package dev.peregrine.ops;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.sim.SimCredentials;
import dev.peregrine.gateway.coinbase.sim.SimCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine sim}: in a child JVM it serves Coinbase market data to a plain WebSocket client and an
 * order API that answers a JWT signed with the key it wrote and refuses an unsigned request, and SIGTERM
 * ends it with exit 0 and a summary; in process, {@code --help}, bad options and taken ports.
 */
class SimCommandTest
{
    /** The line scripts read, for every venue. */
    static final Pattern READY = Pattern.compile(
        "sim ready: market_data_url=(\\S+) rest_url=(\\S+) user_channel_url=(\\S+)");
    private static final Pattern SUMMARY = Pattern.compile(
        "sim stopped: frames sent (\\d+), orders received (\\d+), fills (\\d+), cancel requests (\\d+), JWTs refused (\\d+); net filled (.*)");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesMarketDataAndAnOrderApiUntilSigtermThenSummarizesAndExitsZero() throws Exception
    {
        final Path credentials = temp.resolve("creds");
        final Path log = temp.resolve("sim.log");
        final String[] engineKey = new String[2]; // its name and public key, as the first start wrote them
        final Process sim = DaemonProcess.start(temp, Map.of(), log, "sim", "--market-data-port", "0", "--rest-port", "0",
            "--credentials-dir", credentials.toString(), "--trades-per-second", "50", "--seed", "7");
        final String output = DaemonProcess.checkThenSigterm(sim, log, () ->
        {
            assertThat(DaemonProcess.awaitOutput(sim, log, "sim ready:", 60)).as(DaemonProcess.read(log)).isTrue();
            final Matcher ready = READY.matcher(DaemonProcess.read(log));
            assertThat(ready.find()).isTrue();
            final URI marketData = URI.create(ready.group(1));
            final URI rest = URI.create(ready.group(2));
            assertThat(ready.group(3)).isEqualTo("ws://127.0.0.1:" + rest.getPort() + "/ws/user");
            assertThat(DaemonProcess.read(log)).contains("    market_data_url: " + marketData, "    rest_url: " + rest,
                "    coinbase_api_secret_file: " + credentials.resolve(SimCredentials.PRIVATE_KEY_FILE).toAbsolutePath());

            // Market data: a plain JDK WebSocket client subscribes as to the venue and gets trades.
            final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            final WebSocket ws = http.newWebSocketBuilder().buildAsync(marketData, new Collector(frames)).get(10, TimeUnit.SECONDS);
            ws.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"market_trades\"}", true);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int trades = 0;
            while (trades < 5 && System.nanoTime() < deadline)
            {
                final String frame = frames.poll(1, TimeUnit.SECONDS);
                if (frame != null && frame.contains("\"channel\":\"market_trades\"") && frame.contains("\"BTC-USD\""))
                {
                    trades++;
                }
            }
            assertThat(trades).as("market_trades frames for BTC-USD").isEqualTo(5);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

            // Orders: the key it wrote is one the engine accepts, and the emulator checks JWTs like the venue.
            final Path keyName = credentials.resolve(SimCredentials.KEY_NAME_FILE);
            final Path secret = credentials.resolve(SimCredentials.PRIVATE_KEY_FILE);
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            final CoinbaseCredentials engineCredentials = CoinbaseCredentials.of(Files.readString(keyName).trim(),
                Files.readString(secret), "the simulator's files");
            engineKey[0] = engineCredentials.keyName();
            engineKey[1] = Files.readString(credentials.resolve(SimCredentials.PUBLIC_KEY_FILE));
            final String jwt = new CoinbaseJwtSigner(engineCredentials).forRest("GET", rest.getHost(), CoinbaseOrderClient.ACCOUNTS);
            assertThat(get(rest + CoinbaseOrderClient.ACCOUNTS, jwt).statusCode()).isEqualTo(200);
            final HttpResponse<String> unsigned = get(rest + CoinbaseOrderClient.ACCOUNTS, null);
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(DaemonProcess.awaitOutput(sim, log, "JWTs refused: 1 so far; last: no JWT", 10))
                .as(DaemonProcess.read(log)).isTrue();

        });
        final Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        assertThat(Long.parseLong(summary.group(1))).as("frames sent").isGreaterThanOrEqualTo(5);
        assertThat(summary.group(2)).as("orders received").isEqualTo("0");
        assertThat(summary.group(5)).as("JWTs refused").isEqualTo("1");
        assertThat(summary.group(6)).isEqualTo("BTC-USD=0 ETH-USD=0");
        assertThat(output).contains("stopping (signal)").doesNotContain("\tat ");

        // The next start reuses the key, so a configured engine keeps working across simulator restarts.
        final SimCredentials again = SimCredentials.generatedIn("organizations/other/apiKeys/other", credentials);
        assertThat(again.reused()).isTrue();
        assertThat(again.keyName()).isEqualTo(engineKey[0]);
        assertThat(Files.readString(credentials.resolve(SimCredentials.PUBLIC_KEY_FILE))).isEqualTo(engineKey[1]);
        assertThat(again.publicKey().getEncoded()).isEqualTo(java.util.Base64.getMimeDecoder().decode(engineKey[1]
            .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").trim()));
    }

    @Test
    void replaysACaptureToASubscribedClientAndKeepsServingUntilSigterm() throws Exception
    {
        final Path capture = ExternalResources.sharedDataFile("coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz");
        final Path log = temp.resolve("sim.log");
        final Process sim = DaemonProcess.start(temp, Map.of(), log, "sim", "--replay", capture.toString(), "--speed", "max",
            "--market-data-port", "0", "--rest-port", "0", "--credentials-dir", temp.resolve("creds").toString());
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final String output = DaemonProcess.checkThenSigterm(sim, log, () ->
        {
            assertThat(DaemonProcess.awaitOutput(sim, log, "sim ready:", 60)).as(DaemonProcess.read(log)).isTrue();
            assertThat(DaemonProcess.read(log)).contains("products BTC-USD,ETH-USD", "replaying " + capture);
            final Matcher ready = READY.matcher(DaemonProcess.read(log));
            assertThat(ready.find()).isTrue();
            final WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(ready.group(1)), new Collector(frames))
                .get(10, TimeUnit.SECONDS);
            ws.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"level2\"}", true);
            assertThat(DaemonProcess.awaitOutput(sim, log, "replay: the capture has been sent in full", 60))
                .as(DaemonProcess.read(log)).isTrue();
            assertThat(sim.isAlive()).as("still serving after the capture ends").isTrue();
        });
        final Matcher replayed = Pattern.compile("sent in full \\((\\d+) frames\\)").matcher(output);
        assertThat(replayed.find()).isTrue();
        final Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        assertThat(Long.parseLong(replayed.group(1))).isPositive();
        assertThat(Long.parseLong(summary.group(1))).as("frames sent").isGreaterThanOrEqualTo(Long.parseLong(replayed.group(1)));
        assertThat(frames).as("recorded frames the client got").anySatisfy(f -> assertThat(f).contains("\"product_id\":\"BTC-USD\""));

        // Only Coinbase captures, and the capture decides the products.
        final Path binance = ExternalResources.sharedDataFile("binance_spot_btcusdt_20240808.hftbacktest.gz");
        for (final String[] args : List.of(new String[] {"sim", "--replay", binance.toString()},
            new String[] {"sim", "--replay", capture.toString(), "--products", "BTC-USD"}))
        {
            final StringWriter err = new StringWriter();
            assertThat(PeregrineCli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                .as(err.toString()).isEqualTo(2);
            assertThat(err.toString()).containsAnyOf("sim serves Coinbase Advanced Trade captures only",
                "--products: with --replay the capture decides the products");
        }
    }

    @Test
    void helpPrintsEveryOptionAndExitsZero()
    {
        final StringWriter out = new StringWriter();
        final int code = PeregrineCli.run(new String[] {"sim", "--help"}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: peregrine sim", "--products", "--seed", "--trades-per-second", "--bind",
            "--market-data-port", "--rest-port", "--api-key-name", "--api-public-key-file", "--credentials-dir", "--replay",
            "--speed", "sim ready", "venue.rest_url");
    }

    @Test
    void badOptionsExitTwoNamingTheOptionBeforeAnythingListens() throws Exception
    {
        final Path credentials = temp.resolve("never");
        final Path notAKey = Files.writeString(temp.resolve("not-a-key.pem"), "hello");
        final Map<List<String>, String> cases = Map.of(
            List.of("--trades-per-second", "0"), "--trades-per-second must be 1 to 100000, was 0",
            List.of("--products", "BTC-USD,NOPE-USD"), "--products: unknown product 'NOPE-USD'",
            List.of("--market-data-port", "70000"), "--market-data-port must be 0 (a free port) to 65535, was 70000",
            List.of("--rest-port", "lots"), "--rest-port",
            List.of("--bind", "192.0.2.7"), "--bind: 192.0.2.7 is not an address of this machine",
            List.of("--api-key-name", "sim"), "--api-key-name must look like organizations/{org_id}/apiKeys/{key_id}",
            List.of("--api-public-key-file", notAKey.toString()), "--api-public-key-file: " + notAKey + ": not a PEM public key",
            List.of("--speed", "10"), "--speed applies to --replay only",
            List.of("--no-such-option"), "Unknown option: '--no-such-option'");
        for (final Map.Entry<List<String>, String> bad : cases.entrySet())
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final String[] args = concat(List.of("sim", "--credentials-dir", credentials.toString()), bad.getKey());
            final int code = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as("%s: %s", bad.getKey(), err).isEqualTo(2);
            assertThat(err.toString()).as("%s", bad.getKey()).contains(bad.getValue());
            assertThat(out.toString()).as("%s", bad.getKey()).doesNotContain("sim ready");
        }
        assertThat(credentials).as("no key is made for a command line that is refused").doesNotExist();
    }

    @Test
    void aTakenPortExitsTwoNamingTheOptionAndThePort() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final String port = Integer.toString(taken.getLocalPort());
            for (final String option : List.of("--market-data-port", "--rest-port"))
            {
                final StringWriter out = new StringWriter();
                final StringWriter err = new StringWriter();
                final String other = "--market-data-port".equals(option) ? "--rest-port" : "--market-data-port";
                final int code = PeregrineCli.run(new String[] {"sim", option, port, other, "0", "--credentials-dir",
                    temp.resolve("creds").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
                assertThat(code).as(err.toString()).isEqualTo(2);
                assertThat(err.toString()).contains(option + ": cannot listen on 127.0.0.1:" + port);
                assertThat(out.toString()).doesNotContain("sim ready");
            }
        }
    }

    private HttpResponse<String> get(final String url, final String jwt) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (jwt != null)
        {
            request.header("Authorization", "Bearer " + jwt);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String[] concat(final List<String> first, final List<String> second)
    {
        final List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all.toArray(new String[0]);
    }

    /** Collects whole text messages; a frame may arrive in parts. */
    private static final class Collector implements WebSocket.Listener
    {
        private final BlockingQueue<String> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(final BlockingQueue<String> frames)
        {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
