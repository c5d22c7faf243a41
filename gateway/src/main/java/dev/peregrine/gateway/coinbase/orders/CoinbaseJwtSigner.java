package dev.peregrine.gateway.coinbase.orders;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.peregrine.gateway.orders.CredentialsException;

import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Signs the short-lived ES256 JWT that Coinbase Advanced Trade wants on every REST request and every
 * authenticated WebSocket subscribe: header {@code alg ES256, kid, nonce, typ JWT}; claims
 * {@code sub, iss "cdp", nbf, exp = nbf + 120} and, for REST, {@code uri = "METHOD host/path"}.
 *
 * <p>Signed with nimbus-jose-jwt, which writes the JOSE {@code r || s} signature (RFC 7518 §3.4)
 * base64url-encoded without padding.
 *
 * <p>Thread-safe: each call creates its own signer; the clock (epoch seconds) is injected.
 */
public final class CoinbaseJwtSigner
{
    public static final long LIFETIME_SECONDS = 120;

    private final CoinbaseCredentials credentials;
    private final LongSupplier epochSeconds;
    private final SecureRandom random;

    public CoinbaseJwtSigner(final CoinbaseCredentials credentials)
    {
        this(credentials, () -> System.currentTimeMillis() / 1000, new SecureRandom());
    }

    public CoinbaseJwtSigner(final CoinbaseCredentials credentials, final LongSupplier epochSeconds, final SecureRandom random)
    {
        this.credentials = credentials;
        this.epochSeconds = epochSeconds;
        this.random = random;
    }

    /** JWT for one REST request; {@code host} has no scheme, e.g. {@code api.coinbase.com}. */
    public String forRest(final String method, final String host, final String path)
    {
        return sign(method + " " + host + path);
    }

    /** JWT for a WebSocket subscribe: no {@code uri} claim. */
    public String forWebSocket()
    {
        return sign(null);
    }

    private String sign(final String uri)
    {
        final byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        final String kid = credentials.keyName();
        final JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(kid)
            .customParam("nonce", HexFormat.of().formatHex(nonce))
            .type(JOSEObjectType.JWT)
            .build();
        final long now = epochSeconds.getAsLong();
        final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .subject(kid)
            .issuer("cdp")
            .notBeforeTime(new Date(now * 1000))
            .expirationTime(new Date((now + LIFETIME_SECONDS) * 1000));
        if (uri != null)
        {
            claims.claim("uri", uri);
        }
        final SignedJWT jwt = new SignedJWT(header, claims.build());
        try
        {
            final ECDSASigner signer = new ECDSASigner(credentials.privateKey());
            signer.getJCAContext().setSecureRandom(random);
            jwt.sign(signer);
        }
        catch (final JOSEException ex)
        {
            // The message of a signing failure never includes key material.
            throw new CredentialsException("cannot sign a JWT with the configured key: " + ex.getClass().getSimpleName());
        }
        return jwt.serialize();
    }
}
