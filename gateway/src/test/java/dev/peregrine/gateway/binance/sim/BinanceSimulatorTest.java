package dev.peregrine.gateway.binance.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.gateway.venue.VenueUsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code peregrine sim --venue binance} as the registry builds it: one port serving the market and the signed trading
 * API, a throwaway key written where a run configuration reads it, over real loopback sockets.
 */
class BinanceSimulatorTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path credentials;

    private static SimulatorSettings settings(final Path dir, final String algorithm)
    {
        return new SimulatorSettings(null, List.of("BTCUSDT"), "127.0.0.1", 0, 5, 100, null, null, dir, "127.0.0.1", algorithm);
    }

    @Test
    void anHmacKeySignsAMarketOrderThatFillsAgainstTheSimulatedMarket() throws Exception
    {
        try (VenueSimulator sim = VenueRegistry.standard().venue("binance").simulator(settings(credentials, null)))
        {
            sim.start(0);
            assertThat(sim.key().keyAlgorithm()).isEqualTo("HMAC-SHA256");
            assertThat(sim.restUrl().getPort()).isEqualTo(sim.marketDataUrl().getPort());
            final String apiKey = Files.readString(sim.key().keyNameFile()).trim();
            final String secret = Files.readString(sim.key().privateKeyFile()).trim();
            assertThat(apiKey).hasSize(64).isEqualTo(sim.key().keyName());
            final BinanceSimulator binance = (BinanceSimulator)sim;
            Await.until("a simulated trade", Duration.ofSeconds(10), () -> binance.exchange().market().bestAsk("BTCUSDT") != null);

            final String order = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000&newOrderRespType=FULL&timestamp=" +
                System.currentTimeMillis();
            final HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(sim.restUrl().resolve("/api/v3/order"))
                .header("X-MBX-APIKEY", apiKey).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(order + "&signature=" + hmac(secret, order))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
            final JsonNode fill = JSON.readTree(placed.body());
            assertThat(fill.path("status").asText()).isEqualTo("FILLED");
            assertThat(new BigDecimal(fill.path("executedQty").asText())).isEqualByComparingTo("0.01");
            assertThat(sim.summary()).contains("orders received 1").contains("BTCUSDT=0.01");

            final String unsigned = "timestamp=" + System.currentTimeMillis();
            final HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/account?" +
                unsigned + "&signature=" + hmac("wrong", unsigned))).header("X-MBX-APIKEY", apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(sim.authFailures()).isEqualTo(1);
        }
        try (VenueSimulator again = VenueRegistry.standard().venue("binance").simulator(settings(credentials, "hmac")))
        {
            assertThat(again.key().reused()).isTrue();
        }
    }

    @Test
    void anEd25519KeyIsAPemPrivateKeyWhosePublicHalfTheSimulatorChecks() throws Exception
    {
        try (VenueSimulator sim = VenueRegistry.standard().venue("binance").simulator(settings(credentials, "ed25519")))
        {
            sim.start(0);
            assertThat(sim.key().keyAlgorithm()).isEqualTo("Ed25519");
            final String pem = Files.readString(sim.key().privateKeyFile());
            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
            final PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
            final String query = "timestamp=" + System.currentTimeMillis();
            final Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(query.getBytes(StandardCharsets.US_ASCII));
            final String signature = URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);
            final HttpResponse<String> account = HTTP.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/account?" +
                query + "&signature=" + signature)).header("X-MBX-APIKEY", sim.key().keyName()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
            assertThat(account.body()).contains("\"asset\":\"USDT\"");
        }
    }

    @Test
    void badSettingsNameTheOption()
    {
        assertThatThrownBy(() -> BinanceSimulator.build(new SimulatorSettings(null, List.of("BTC-USD"), "127.0.0.1", 0, 5,
            100, null, null, credentials, "127.0.0.1", null)))
            .isInstanceOf(VenueUsageException.class).hasMessageStartingWith("--products: 'BTC-USD' is no Binance symbol");
        assertThatThrownBy(() -> BinanceSimKey.generatedIn(credentials, "ecdsa"))
            .isInstanceOf(VenueUsageException.class).hasMessage("--key-algorithm: Binance keys are hmac or ed25519, not 'ecdsa'");
    }

    private static String hmac(final String secret, final String payload) throws Exception
    {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
