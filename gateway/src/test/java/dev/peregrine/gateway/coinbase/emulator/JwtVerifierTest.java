package dev.peregrine.gateway.coinbase.emulator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtVerifierTest
{
    private static final long NOW = 1_760_000_000L;
    private static final String HOST = "api.coinbase.com";
    private static final String PATH = "/api/v3/brokerage/orders";
    private static final String URI = "POST " + HOST + PATH;

    @Test
    void acceptsEdDsaTokensFromAnEd25519KeyAndOnlyFromIt()
    {
        final KeyPair ed = TestKeys.ed25519();
        final String jwt = new CoinbaseJwtSigner(TestKeys.credentials(ed), () -> NOW, new SecureRandom()).forRest("POST", HOST, PATH);
        final JwtVerifier verifier = new JwtVerifier(ed.getPublic(), TestKeys.KEY_NAME, () -> NOW + 1);

        assertThat(verifier.verify(jwt, URI)).isNull();
        assertThat(verifier.verify(jwt, "GET " + HOST + PATH)).contains("uri claim");
        assertThat(new JwtVerifier(TestKeys.ed25519().getPublic(), TestKeys.KEY_NAME, () -> NOW).verify(jwt, URI))
            .isEqualTo("bad signature");
        assertThat(new JwtVerifier(TestKeys.p256().getPublic(), TestKeys.KEY_NAME, () -> NOW).verify(jwt, URI))
            .isEqualTo("alg is EdDSA, this key signs ES256");
        final String es256 = new CoinbaseJwtSigner(TestKeys.credentials(TestKeys.p256()), () -> NOW, new SecureRandom())
            .forRest("POST", HOST, PATH);
        assertThat(verifier.verify(es256, URI)).isEqualTo("alg is ES256, this key signs EdDSA");
        final String webSocket = new CoinbaseJwtSigner(TestKeys.credentials(ed), () -> NOW, new SecureRandom()).forWebSocket();
        assertThat(verifier.verify(webSocket, null)).isNull();
    }

    @Test
    void acceptsTheOlderCoinbaseCloudIssuerWithItsAudience()
    {
        final KeyPair pair = TestKeys.p256();
        final JwtVerifier verifier = new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW);

        assertThat(verifier.verify(es256(pair, c -> c.issuer("coinbase-cloud").audience("retail_rest_api_proxy")), URI))
            .isNull();
        assertThat(verifier.verify(es256(pair, c -> c.issuer("coinbase-cloud")), URI))
            .isEqualTo("iss coinbase-cloud needs aud [\"retail_rest_api_proxy\"]");
        assertThat(verifier.verify(es256(pair, c -> c.issuer("coinbase-cloud").audience("public_websocket_api")
            .claim("uri", null)), null)).isNull();
        assertThat(verifier.verify(es256(pair, c -> c.issuer("someone")), URI)).isEqualTo("iss is not cdp");
    }

    @Test
    void acceptsTheRequestAsAUrisListAsTheDeveloperPlatformSdksSendIt()
    {
        final KeyPair pair = TestKeys.p256();
        final JwtVerifier verifier = new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW);

        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", null).claim("uris", List.of(URI))), URI)).isNull();
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", null).claim("uris", List.of("GET " + HOST + PATH))), URI))
            .startsWith("uris claim");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", null)), URI))
            .isEqualTo("uri claim 'null' is not '" + URI + "': not a string");
    }

    @Test
    void acceptsTheHostWithAPortAndAnHttpSchemeAsClientsSignForATestBaseUrl()
    {
        final KeyPair pair = TestKeys.p256();
        final JwtVerifier verifier = new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW);
        final String accounts = "/api/v3/brokerage/accounts";
        final String expected = "GET 127.0.0.1" + accounts;

        for (final String signed : List.of("GET 127.0.0.1" + accounts, "GET 127.0.0.1:8123" + accounts,
            "GET http://127.0.0.1:8123" + accounts, "GET https://127.0.0.1" + accounts, "GET http://127.0.0.1" + accounts))
        {
            assertThat(verifier.verify(es256(pair, c -> c.claim("uri", signed)), expected)).as(signed).isNull();
            assertThat(verifier.verify(es256(pair, c -> c.claim("uri", null).claim("uris", List.of(signed))), expected))
                .as("uris " + signed).isNull();
        }
        final String sdk = new CoinbaseJwtSigner(TestKeys.credentials(pair), () -> NOW, new SecureRandom())
            .forRest("GET", "127.0.0.1:8123", accounts);
        assertThat(verifier.verify(sdk, expected)).isNull();
        assertThat(new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW).verify(es256(pair,
            c -> c.claim("uri", "GET [::1]:8123" + accounts)), "GET [::1]" + accounts)).isNull();
    }

    @Test
    void refusesAWrongMethodHostOrPathWithTheReasonWhateverTheForm()
    {
        final KeyPair pair = TestKeys.p256();
        final JwtVerifier verifier = new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW);
        final String accounts = "/api/v3/brokerage/accounts";
        final String expected = "GET 127.0.0.1" + accounts;

        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "POST http://127.0.0.1:8123" + accounts)), expected))
            .endsWith(": method POST, this request is GET");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET localhost:8123" + accounts)), expected))
            .endsWith(": host localhost, this venue is 127.0.0.1");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET api.coinbase.com" + accounts)), expected))
            .endsWith(": host api.coinbase.com, this venue is 127.0.0.1");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET 127.0.0.1:8123/api/v3/brokerage/orders")), expected))
            .isEqualTo("uri claim 'GET 127.0.0.1:8123/api/v3/brokerage/orders' is not '" + expected +
                "': path /api/v3/brokerage/orders, this request is " + accounts);
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET ftp://127.0.0.1" + accounts)), expected))
            .endsWith(": host ftp:, this venue is 127.0.0.1");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET 127.0.0.1:port" + accounts)), expected))
            .endsWith(": host 127.0.0.1:port, this venue is 127.0.0.1");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", "GET127.0.0.1" + accounts)), expected))
            .endsWith(": not 'METHOD host/path'");
        assertThat(verifier.verify(es256(pair, c -> c.claim("uri", null).claim("uris",
            List.of("GET localhost" + accounts))), expected))
            .isEqualTo("uris claim [GET localhost" + accounts + "] holds no '" + expected +
                "' (host localhost, this venue is 127.0.0.1)");
    }

    @Test
    void checksTheLifetimeAndRefusesKeysCoinbaseNeverIssues()
    {
        final KeyPair pair = TestKeys.p256();
        final JwtVerifier verifier = new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW);
        assertThat(verifier.verify(es256(pair, c -> c.expirationTime(new Date((NOW + 600) * 1000))), URI))
            .isEqualTo("lifetime must be at most 120 s");
        assertThat(verifier.verify(es256(pair, c -> c.notBeforeTime(new Date((NOW + 60) * 1000))), URI))
            .isEqualTo("not valid yet (nbf in the future)");
        assertThat(new JwtVerifier(pair.getPublic(), TestKeys.KEY_NAME, () -> NOW + 200).verify(es256(pair, c -> c), URI))
            .isEqualTo("expired");
        assertThatThrownBy(() -> new JwtVerifier(null, TestKeys.KEY_NAME, () -> NOW))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ECDSA P-256 or Ed25519");
    }

    /** An ES256 token as a third-party client might build it: no {@code typ}, the claims {@code edit} leaves. */
    private static String es256(final KeyPair pair, final UnaryOperator<JWTClaimsSet.Builder> edit)
    {
        final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(TestKeys.KEY_NAME).issuer("cdp")
            .notBeforeTime(new Date(NOW * 1000)).expirationTime(new Date((NOW + 120) * 1000)).claim("uri", URI);
        final SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(TestKeys.KEY_NAME)
            .customParam("nonce", "0123456789abcdef0123").build(), edit.apply(claims).build());
        try
        {
            jwt.sign(new ECDSASigner((ECPrivateKey)pair.getPrivate()));
        }
        catch (final com.nimbusds.jose.JOSEException ex)
        {
            throw new AssertionError(ex);
        }
        return jwt.serialize();
    }
}
