package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator plugged into the simulated exchange, over real sockets on loopback: a signed order over HTTP with
 * its parameters in a form body, and its {@code executionReport} on the listen key's WebSocket stream.
 */
class BinanceSpotEmulatorLoopbackTest
{
    private final BinanceSpotEmulator emulator = new BinanceSpotEmulator(
        BinanceEmulatorKey.hmac(EmulatorFixture.API_KEY, EmulatorFixture.SECRET), System::currentTimeMillis);
    private final BinanceSimulatedExchange exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7)
        .withTradingApi(emulator).start();
    private final SignedRequests signer = SignedRequests.hmac(EmulatorFixture.API_KEY, EmulatorFixture.SECRET, System::currentTimeMillis);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebSocket socket;

    @AfterEach
    void close()
    {
        if (socket != null)
        {
            socket.abort();
        }
        exchange.close();
    }

    @Test
    void aSignedOrderOverHttpIsReportedOnTheUserDataStream() throws Exception
    {
        final HttpResponse<String> started = send("POST", "/api/v3/userDataStream", "", false);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        final String listenKey = EmulatorFixture.json(started.body()).get("listenKey").asText();
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        socket = http.newWebSocketBuilder().buildAsync(URI.create(exchange.streamBase() + "/ws/" + listenKey), new WebSocket.Listener()
        {
            @Override
            public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
            {
                events.add(EmulatorFixture.json(data.toString()));
                webSocket.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        Await.until("the user stream connection", Duration.ofSeconds(5), () -> emulator.userStreamConnections() == 1);
        Await.until("a market price", Duration.ofSeconds(5), () -> exchange.market().bestAsk("BTCUSDT") != null);

        final HttpResponse<String> placed = send("POST", "/api/v3/order",
            signer.signedForm("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.001", "newClientOrderId", "loop-1"), true);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        assertThat(placed.headers().firstValue("x-mbx-used-weight-1m")).isPresent();
        assertThat(placed.headers().firstValue("x-mbx-order-count-10s")).hasValue("1");
        assertThat(EmulatorFixture.json(placed.body()).get("status").asText()).isEqualTo("FILLED");
        Await.until("the fill on the user stream", Duration.ofSeconds(5),
            () -> events.stream().anyMatch(e -> "TRADE".equals(e.path("x").asText()) && "loop-1".equals(e.path("c").asText())));
        final HttpResponse<String> unsigned = send("GET", "/api/v3/account?timestamp=" + System.currentTimeMillis(), "", false);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("-1102");
    }

    private HttpResponse<String> send(final String method, final String pathAndQuery, final String body, final boolean form)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(exchange.restBase() + pathAndQuery))
            .timeout(Duration.ofSeconds(5)).header("X-MBX-APIKEY", EmulatorFixture.API_KEY)
            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (form)
        {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
