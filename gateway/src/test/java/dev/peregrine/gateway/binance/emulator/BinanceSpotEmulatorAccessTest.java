package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;

import static dev.peregrine.gateway.binance.emulator.BinanceSpotEmulatorOrdersTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys, signatures, timing, request weight, injected faults and listen keys, through {@code answer(...)}. */
class BinanceSpotEmulatorAccessTest
{
    private final EmulatorFixture f = new EmulatorFixture();

    @Test
    void apiKeySignatureAndTimestampAreCheckedWithTheDocumentedCodes()
    {
        final BinanceHttpRequest good = f.client.query("GET", "/api/v3/account");
        assertAnswer(withHeaders(good, Map.of()), 401, -2014);
        assertAnswer(withHeaders(good, SignedRequests.headers("someone-else")), 401, -2015);
        assertThat(f.send(good).status()).isEqualTo(200);

        final String tampered = good.rawQuery().replace("signature=", "signature=0");
        assertAnswer(new BinanceHttpRequest("GET", "/api/v3/account", Map.of(), good.headers(), "", tampered, SignedRequests.IP), 400, -1022);
        assertAnswer(f.client.query("GET", "/api/v3/account", "timestamp", Long.toString(f.clock.get() - 5_001)), 400, -1021);
        assertThat(f.send(f.client.query("GET", "/api/v3/account", "timestamp", Long.toString(f.clock.get() - 5_001),
            "recvWindow", "10000")).status()).isEqualTo(200);
        assertAnswer(f.client.query("GET", "/api/v3/account", "timestamp", Long.toString(f.clock.get() + 1_000)), 400, -1021);
        assertThat(f.send(f.client.query("GET", "/api/v3/account", "timestamp", Long.toString((f.clock.get() - 100) * 1000)))
            .status()).as("microseconds").isEqualTo(200);
        assertAnswer(f.client.query("GET", "/api/v3/account", "recvWindow", "60001"), 400, -1130);
        final BinanceHttpRequest unsigned = new BinanceHttpRequest("GET", "/api/v3/account", Map.of(), good.headers(), "",
            "timestamp=" + f.clock.get(), SignedRequests.IP);
        assertError(f.send(unsigned), 400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        assertThat(f.emulator.authFailures()).isEqualTo(6);
        assertThat(f.emulator.lastAuthFailure()).startsWith("-1102");
    }

    @Test
    void theSignatureCoversTheQueryThenTheBodyAndTheQueryWins()
    {
        final String query = "symbol=BTCUSDT&side=BUY";
        final String body = "type=MARKET&quantity=0.01&side=SELL&timestamp=" + f.clock.get();
        final String signature = f.client.sign(query + body);
        final BinanceHttpRequest mixed = new BinanceHttpRequest("POST", "/api/v3/order", Map.of(), SignedRequests.headers(EmulatorFixture.API_KEY),
            body + "&signature=" + signature, query, SignedRequests.IP);

        final JsonNode order = f.ok(mixed);

        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
    }

    @Test
    void ed25519SignaturesInBase64AreAccepted() throws GeneralSecurityException
    {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final EmulatorFixture ed = new EmulatorFixture(BinanceEmulatorKey.ed25519("ed-key", pair.getPublic()),
            clock -> SignedRequests.ed25519("ed-key", pair.getPrivate(), clock));

        assertThat(ed.ok(ed.client.body("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "MARKET",
            "quoteOrderQty", "30")).get("status").asText()).isEqualTo("FILLED");
        final KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final SignedRequests impostor = SignedRequests.ed25519("ed-key", other.getPrivate(), ed.clock::get);
        assertAnswer(ed, impostor.query("GET", "/api/v3/account"), 400, -1022);
        assertThatThrownBy(() -> new BinanceEmulatorKey("k", "secret", pair.getPublic()))
            .hasMessageContaining("either an HMAC secret or an Ed25519 public key, not both");
    }

    @Test
    void requestWeightIsCountedPerIpAndAClientThatKeepsGoingIsBanned()
    {
        f.emulator.requestWeightLimit(45);
        final BinanceHttpAnswer first = f.send(f.client.query("GET", "/api/v3/account"));
        assertThat(first.headers()).containsEntry("x-mbx-used-weight-1m", "20").containsEntry("x-mbx-used-weight", "20");
        assertThat(f.send(f.client.query("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", "1")).headers())
            .containsEntry("x-mbx-used-weight-1m", "24");
        f.send(f.client.query("GET", "/api/v3/account"));

        final BinanceHttpAnswer limited = f.send(f.client.query("GET", "/api/v3/account"));
        assertAnswer(limited, 429, -1003);
        assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
        for (int i = 1; i < RequestWeightLimit.BAN_AFTER_REFUSALS; i++)
        {
            assertAnswer(f.send(f.client.query("GET", "/api/v3/account")), 429, -1003);
        }
        final BinanceHttpAnswer banned = f.send(f.client.query("GET", "/api/v3/account"));
        assertAnswer(banned, 418, -1003);
        assertThat(banned.headers()).containsEntry("retry-after", "120");

        f.clock.addAndGet(121_000);
        assertThat(f.send(f.client.query("GET", "/api/v3/account")).status()).isEqualTo(200);
        assertThat(f.emulator.usedWeight(SignedRequests.IP)).isEqualTo(20);
    }

    @Test
    void injectedFaultsDropDelayOrFailAndSayWhetherTheOrderWasPlaced()
    {
        f.emulator.injectFault(BinanceEmulatorFault.DROP_CONNECTION, "/api/v3/order", 1);
        assertThat(f.send(create("drop-1")).dropConnection()).isTrue();
        assertThat(f.emulator.statusOf("BTCUSDT", "drop-1")).isNull();

        f.emulator.holdMillis(2_000);
        f.emulator.injectFault(BinanceEmulatorFault.TIMEOUT, "/api/v3/order", 1);
        final BinanceHttpAnswer held = f.send(create("slow-1"));
        assertThat(held.holdMillis()).isEqualTo(2_000);
        assertThat(f.emulator.statusOf("BTCUSDT", "slow-1")).isEqualTo("FILLED");

        f.emulator.injectFault(BinanceEmulatorFault.UNKNOWN_STATUS, null, 1);
        assertAnswer(f.send(create("unknown-1")), 503, -1007);
        assertThat(f.emulator.statusOf("BTCUSDT", "unknown-1")).as("processed before the 5xx").isEqualTo("FILLED");

        f.emulator.injectFault(BinanceEmulatorFault.SERVER_ERROR, "/api/v3/order", 1);
        assertAnswer(f.send(create("error-1")), 500, -1001);
        f.emulator.injectFault(BinanceEmulatorFault.RATE_LIMIT, "/api/v3/order", 1);
        assertAnswer(f.send(create("error-1")), 429, -1003);
        assertThat(f.emulator.statusOf("BTCUSDT", "error-1")).isNull();
        assertThat(f.emulator.createsFor("error-1")).isEqualTo(2);
        assertThat(f.emulator.requests("/api/v3/order")).isEqualTo(5);
    }

    @Test
    void listenKeysLastAnHourFromTheirLastKeepAlive()
    {
        final String key = f.ok(f.client.keyOnly("POST", "/api/v3/userDataStream")).get("listenKey").asText();
        assertThat(key).hasSize(64);
        assertThat(f.ok(f.client.keyOnly("POST", "/api/v3/userDataStream")).get("listenKey").asText()).as("the active key").isEqualTo(key);
        assertAnswer(withHeaders(f.client.keyOnly("POST", "/api/v3/userDataStream"), Map.of()), 401, -2014);
        final EmulatorFixture.RecordingSink sink = new EmulatorFixture.RecordingSink();
        f.emulator.openUserStream(key, sink);
        assertThat(f.emulator.userStreamConnections()).isEqualTo(1);

        f.clock.addAndGet(59 * 60_000L);
        assertThat(f.ok(f.client.keyOnly("PUT", "/api/v3/userDataStream", "listenKey", key)).size()).isZero();
        f.clock.addAndGet(59 * 60_000L);
        assertThat(f.emulator.servesUserStream(key)).isTrue();
        f.clock.addAndGet(2 * 60_000L);
        assertThat(f.emulator.servesUserStream(key)).isFalse();

        assertThat(sink.types()).containsExactly("listenKeyExpired");
        assertThat(sink.events.get(0).get("listenKey").asText()).isEqualTo(key);
        assertThat(sink.closed).isTrue();
        assertAnswer(f.client.keyOnly("PUT", "/api/v3/userDataStream", "listenKey", key), 400, -1125);
        final String next = f.ok(f.client.keyOnly("POST", "/api/v3/userDataStream")).get("listenKey").asText();
        final EmulatorFixture.RecordingSink second = new EmulatorFixture.RecordingSink();
        f.emulator.openUserStream(next, second);
        f.ok(f.client.keyOnly("DELETE", "/api/v3/userDataStream", "listenKey", next));
        assertThat(second.closed).isTrue();
        assertThat(second.events).isEmpty();
    }

    @Test
    void pathsOfOtherApisAreNotAnsweredHere()
    {
        assertThat(f.send(f.client.query("GET", "/api/v3/depth", "symbol", "BTCUSDT"))).isNull();
        assertThat(f.send(f.client.query("PUT", "/api/v3/order"))).as("no such method on the path").isNull();
    }

    private BinanceHttpRequest create(final String clientOrderId)
    {
        return f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.001",
            "newClientOrderId", clientOrderId);
    }

    private static BinanceHttpRequest withHeaders(final BinanceHttpRequest request, final Map<String, String> headers)
    {
        return new BinanceHttpRequest(request.method(), request.path(), request.query(), headers, request.body(), request.rawQuery(),
            request.remoteAddress());
    }

    private void assertAnswer(final BinanceHttpRequest request, final int status, final int code)
    {
        assertAnswer(f, request, status, code);
    }

    private static void assertAnswer(final EmulatorFixture fixture, final BinanceHttpRequest request, final int status, final int code)
    {
        assertAnswer(fixture.send(request), status, code);
    }

    private static void assertAnswer(final BinanceHttpAnswer answer, final int status, final int code)
    {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(EmulatorFixture.json(answer.body()).get("code").asInt()).as(answer.body()).isEqualTo(code);
    }
}
