package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.coinbase.emulator.JwtVerifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoinbaseJwtSignerTest
{
    private static final long NOW = 1_760_000_000L;
    private final KeyPair pair = TestKeys.p256();
    private final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(TestKeys.credentials(pair), () -> NOW, new SecureRandom());

    @Test
    void restTokenHasTheDocumentedHeaderClaimsAndAJoseSignature() throws Exception
    {
        final String jwt = signer.forRest("POST", "api.coinbase.com", "/api/v3/brokerage/orders");
        final String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(jwt).doesNotContain("=");
        final Map<String, Object> header = json(decode(parts[0]));
        final Map<String, Object> claims = json(decode(parts[1]));
        assertThat(header).containsEntry("alg", "ES256").containsEntry("kid", TestKeys.KEY_NAME).containsEntry("typ", "JWT");
        assertThat((String)header.get("nonce")).matches("[0-9a-f]{32}");
        assertThat(claims).containsEntry("sub", TestKeys.KEY_NAME).containsEntry("iss", "cdp")
            .containsEntry("uri", "POST api.coinbase.com/api/v3/brokerage/orders");
        assertThat(claims.get("nbf")).hasToString(Long.toString(NOW));
        assertThat(claims.get("exp")).hasToString(Long.toString(NOW + 120));

        final byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64);
        final Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void anEd25519KeySignsEdDsaTokensWithTheSameClaims() throws Exception
    {
        final KeyPair ed = TestKeys.ed25519();
        final String jwt = new CoinbaseJwtSigner(TestKeys.credentials(ed), () -> NOW, new SecureRandom())
            .forRest("GET", "api.coinbase.com", "/api/v3/brokerage/accounts");
        final String[] parts = jwt.split("\\.");
        assertThat(json(decode(parts[0]))).containsEntry("alg", "EdDSA").containsEntry("kid", TestKeys.KEY_NAME)
            .containsEntry("typ", "JWT");
        assertThat(json(decode(parts[1]))).containsEntry("iss", "cdp").containsEntry("sub", TestKeys.KEY_NAME)
            .containsEntry("uri", "GET api.coinbase.com/api/v3/brokerage/accounts");
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(ed.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void everyTokenHasAFreshNonce()
    {
        final String a = signer.forWebSocket().split("\\.")[0];
        final String b = signer.forWebSocket().split("\\.")[0];
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void webSocketTokenHasNoUri()
    {
        final Map<String, Object> claims = json(decode(signer.forWebSocket().split("\\.")[1]));
        assertThat(claims).doesNotContainKey("uri").containsEntry("iss", "cdp");
    }

    @Test
    void theEmulatorsVerifierAcceptsGoodTokensAndRefusesBadOnes()
    {
        final JwtVerifier verifier = new JwtVerifier((ECPublicKey)pair.getPublic(), TestKeys.KEY_NAME, () -> NOW + 10);
        final String uri = "POST api.coinbase.com/api/v3/brokerage/orders";
        final String jwt = signer.forRest("POST", "api.coinbase.com", "/api/v3/brokerage/orders");
        assertThat(verifier.verify(jwt, uri)).isNull();
        assertThat(verifier.verify(jwt, "POST api.coinbase.com/api/v3/brokerage/orders/preview")).contains("uri claim");
        final String[] parts = jwt.split("\\.");
        final String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
            decode(parts[1]).replace("\"cdp\"", "\"cdq\"").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(parts[0] + "." + otherClaims + "." + parts[2], uri)).isEqualTo("bad signature");
        final KeyPair other = TestKeys.p256();
        assertThat(new JwtVerifier((ECPublicKey)other.getPublic(), TestKeys.KEY_NAME, () -> NOW).verify(jwt, uri))
            .isEqualTo("bad signature");
        assertThat(new JwtVerifier((ECPublicKey)pair.getPublic(), TestKeys.KEY_NAME, () -> NOW + 600).verify(jwt, uri))
            .isEqualTo("expired");
    }

    private static String decode(final String part)
    {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(final String text)
    {
        try
        {
            return CoinbaseJson.MAPPER.readValue(text, Map.class);
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
