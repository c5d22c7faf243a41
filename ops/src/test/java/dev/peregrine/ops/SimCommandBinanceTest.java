package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine sim --venue binance}: in a child JVM one port serves {@code exchangeInfo}, a raw trade stream and
 * the signed API (refusing a bad signature and saying so), the key lands where the printed configuration names it,
 * and SIGTERM ends it with exit 0 and a summary; in process, the options Binance refuses.
 */
class SimCommandBinanceTest
{
    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheMarketAndTheSignedApiOnOnePortUntilSigterm() throws Exception
    {
        final Path credentials = temp.resolve("creds");
        final Path log = temp.resolve("sim.log");
        final Process sim = DaemonProcess.start(temp, Map.of(), log, "sim", "--venue", "binance", "--market-data-port", "0",
            "--credentials-dir", credentials.toString());
        final String output = DaemonProcess.checkThenSigterm(sim, log, () ->
        {
            assertThat(DaemonProcess.awaitOutput(sim, log, "sim ready:", 60)).as(DaemonProcess.read(log)).isTrue();
            final Matcher ready = SimCommandTest.READY.matcher(DaemonProcess.read(log));
            assertThat(ready.find()).isTrue();
            final URI stream = URI.create(ready.group(1));
            final URI rest = URI.create(ready.group(2));
            assertThat(rest.getPort()).isEqualTo(stream.getPort());
            assertThat(ready.group(3)).isEqualTo(ready.group(1));
            final Path keyFile = credentials.resolve("binance_api_key").toAbsolutePath();
            assertThat(DaemonProcess.read(log)).contains("    name: binance", "    binance_api_key_file: " + keyFile,
                "    binance_api_secret_file: " + credentials.resolve("binance_api_secret").toAbsolutePath(),
                "a throwaway HMAC-SHA256 key");

            final HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(rest + "/api/v3/exchangeInfo"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"symbol\":\"BTCUSDT\"", "\"symbol\":\"ETHUSDT\"");

            final CompletableFuture<String> trade = new CompletableFuture<>();
            final WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(stream + "/ws/btcusdt@trade"),
                new WebSocket.Listener()
                {
                    @Override
                    public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
                    {
                        trade.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
            assertThat(trade.get(20, TimeUnit.SECONDS)).startsWith("{\"e\":\"trade\"").contains("\"s\":\"BTCUSDT\"");
            ws.abort();

            final HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(rest + "/api/v3/account?timestamp=" +
                System.currentTimeMillis() + "&signature=00")).header("X-MBX-APIKEY", Files.readString(keyFile).trim())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(DaemonProcess.awaitOutput(sim, log, "signed requests refused: 1 so far; last: ", 10))
                .as(DaemonProcess.read(log)).isTrue();

        });
        assertThat(output).contains("sim stopped: frames replayed 0, orders received 0, signed requests refused 1; net filled BTCUSDT=")
            .doesNotContain("\tat ");
    }

    @Test
    void optionsBinanceCannotTakeExitTwoNamingTheOption()
    {
        final Path credentials = temp.resolve("never");
        final Map<List<String>, String> cases = Map.of(
            List.of("--venue", "binance", "--rest-port", "9000"),
            "--rest-port: the simulated Binance serves REST and streams on --market-data-port",
            List.of("--venue", "kraken"), "--venue: 'kraken' has no simulator",
            List.of("--venue", "binance", "--key-algorithm", "ecdsa"), "--key-algorithm: Binance keys are hmac or ed25519, not 'ecdsa'",
            List.of("--venue", "binance", "--products", "BTC-USD"), "--products: 'BTC-USD' is no Binance symbol");
        for (final Map.Entry<List<String>, String> bad : cases.entrySet())
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final List<String> args = new java.util.ArrayList<>(List.of("sim", "--market-data-port", "0", "--credentials-dir",
                credentials.toString()));
            args.addAll(bad.getKey());
            final int code = PeregrineCli.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as("%s: %s", bad.getKey(), err).isEqualTo(2);
            assertThat(err.toString()).as("%s", bad.getKey()).contains(bad.getValue());
            assertThat(out.toString()).as("%s", bad.getKey()).doesNotContain("sim ready");
        }
        assertThat(credentials).as("no key is made for a command line that is refused").doesNotExist();
    }
}
