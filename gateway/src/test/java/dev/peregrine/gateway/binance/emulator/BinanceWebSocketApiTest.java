package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket API's user data subscription through the seam: subscribe by signature, events, unsubscribe. */
class BinanceWebSocketApiTest
{
    private final EmulatorFixture f = new EmulatorFixture();
    private final EmulatorFixture.RecordingSink session = new EmulatorFixture.RecordingSink();

    @Test
    void aSignedSubscriptionGetsEveryAccountEventUnderItsId()
    {
        assertThat(f.emulator.webSocketApiPath()).isEqualTo("/ws-api/v3");
        f.emulator.openApiSession(session);
        final long timestamp = f.clock.get();
        // the signature payload: every parameter but the signature, sorted by name
        final String signature = f.client.sign("apiKey=" + EmulatorFixture.API_KEY + "&timestamp=" + timestamp);
        f.emulator.onApiRequest(session, "{\"id\":\"sub-1\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"timestamp\":" +
            timestamp + ",\"apiKey\":\"" + EmulatorFixture.API_KEY + "\",\"signature\":\"" + signature + "\"}}");

        final JsonNode subscribed = session.events.get(0);
        assertThat(subscribed.get("id").asText()).isEqualTo("sub-1");
        assertThat(subscribed.get("status").asInt()).isEqualTo(200);
        assertThat(subscribed.get("result").get("subscriptionId").asInt()).isZero();
        assertThat(f.emulator.apiSubscriptions()).isEqualTo(1);

        f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.001",
            "newClientOrderId", "ws-1"));
        assertThat(session.events).hasSize(4);
        final JsonNode trade = session.events.get(2);
        assertThat(trade.get("subscriptionId").asInt()).isZero();
        assertThat(trade.get("event").get("e").asText()).isEqualTo("executionReport");
        assertThat(trade.get("event").get("x").asText()).isEqualTo("TRADE");
        assertThat(trade.get("event").get("c").asText()).isEqualTo("ws-1");
        assertThat(session.events.get(3).get("event").get("e").asText()).isEqualTo("outboundAccountPosition");

        f.emulator.onApiRequest(session, "{\"id\":7,\"method\":\"userDataStream.unsubscribe\"}");
        assertThat(session.events.get(4).get("id").asInt()).isEqualTo(7);
        assertThat(f.emulator.apiSubscriptions()).isZero();
    }

    @Test
    void aBadSignatureOrAnUnservedMethodAnswersAnError()
    {
        f.emulator.openApiSession(session);
        f.emulator.onApiRequest(session, "{\"id\":1,\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" +
            EmulatorFixture.API_KEY + "\",\"timestamp\":" + f.clock.get() + ",\"signature\":\"00\"}}");
        f.emulator.onApiRequest(session, "{\"id\":2,\"method\":\"order.place\",\"params\":{}}");
        f.emulator.onApiRequest(session, "not json");

        assertThat(session.events.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(session.events.get(0).get("error").get("code").asInt()).isEqualTo(-1022);
        assertThat(session.events.get(1).get("error").get("code").asInt()).isEqualTo(-1020);
        assertThat(session.events.get(2).get("error").get("code").asInt()).isEqualTo(-1135);
        assertThat(f.emulator.apiSubscriptions()).isZero();
    }

    @Test
    void anEd25519SessionLogsOnAndSubscribesWithoutFurtherSignatures() throws java.security.GeneralSecurityException
    {
        final java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final EmulatorFixture ed = new EmulatorFixture(BinanceEmulatorKey.ed25519("ed-key", pair.getPublic()),
            clock -> SignedRequests.ed25519("ed-key", pair.getPrivate(), clock));
        ed.emulator.openApiSession(session);
        ed.emulator.onApiRequest(session, "{\"id\":1,\"method\":\"userDataStream.subscribe\"}");
        final long timestamp = ed.clock.get();
        final String signature = ed.client.sign("apiKey=ed-key&timestamp=" + timestamp);
        ed.emulator.onApiRequest(session, "{\"id\":2,\"method\":\"session.logon\",\"params\":{\"apiKey\":\"ed-key\",\"timestamp\":" +
            timestamp + ",\"signature\":\"" + signature + "\"}}");
        ed.emulator.onApiRequest(session, "{\"id\":3,\"method\":\"userDataStream.subscribe\"}");
        ed.emulator.onApiRequest(session, "{\"id\":4,\"method\":\"session.status\"}");

        assertThat(session.events.get(0).get("error").get("code").asInt()).as("not logged on yet").isEqualTo(-1002);
        assertThat(session.events.get(1).get("result").get("authorizedSince").asLong()).isEqualTo(timestamp);
        assertThat(session.events.get(2).get("result").get("subscriptionId").asInt()).isZero();
        assertThat(session.events.get(3).get("result").get("userDataStream").asBoolean()).isTrue();
        assertThat(session.events.get(3).get("result").get("apiKey").asText()).isEqualTo("ed-key");

        ed.emulator.onApiRequest(session, "{\"id\":5,\"method\":\"session.logout\"}");
        assertThat(ed.emulator.apiSubscriptions()).as("logout ends the logged-on subscription").isZero();
    }

    @Test
    void anHmacKeyCannotLogOn()
    {
        f.emulator.openApiSession(session);
        f.emulator.onApiRequest(session, "{\"id\":1,\"method\":\"session.logon\",\"params\":{}}");
        assertThat(session.events.get(0).get("error").get("code").asInt()).isEqualTo(-1002);
    }
}
