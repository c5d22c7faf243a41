package dev.peregrine.gateway.coinbase.orders;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.peregrine.gateway.orders.CredentialsException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Signs the short-lived JWT that Coinbase Advanced Trade wants on every REST request and every
 * authenticated WebSocket subscribe: header {@code alg, kid, nonce, typ JWT}; claims
 * {@code sub, iss "cdp", nbf, exp = nbf + 120} and, for REST, {@code uri = "METHOD host/path"}.
 * The key decides {@code alg}: {@code ES256} for an ECDSA P-256 key, {@code EdDSA} for an Ed25519 key.
 *
 * <p>ES256 is signed with nimbus-jose-jwt, which writes the JOSE {@code r || s} signature (RFC 7518 §3.4);
 * EdDSA with the JDK's {@code Ed25519} signature (RFC 8037: the 64-byte signature as it is), since nimbus
 * signs Ed25519 only through a further library. Both base64url-encoded without padding.
 *
 * <p>Thread-safe: each call creates its own signer; the clock (epoch seconds) is injected.
 */
public final class CoinbaseJwtSigner
{
    public static final long LIFETIME_SECONDS = 120;

    /** Read once per JWT: a rotated key ({@code KeyFileWatch}) signs from the next request on. */
    private final Supplier<CoinbaseCredentials> credentials;
    private final LongSupplier epochSeconds;
    private final SecureRandom random;

    public CoinbaseJwtSigner(final CoinbaseCredentials credentials)
    {
        this(credentials, () -> System.currentTimeMillis() / 1000, new SecureRandom());
    }

    public CoinbaseJwtSigner(final CoinbaseCredentials credentials, final LongSupplier epochSeconds, final SecureRandom random)
    {
        this((Supplier<CoinbaseCredentials>)() -> credentials, epochSeconds, random);
    }

    /** A signer whose key can change while it runs: each JWT is signed with what {@code credentials} gives then. */
    public CoinbaseJwtSigner(final Supplier<CoinbaseCredentials> credentials, final LongSupplier epochSeconds,
        final SecureRandom random)
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
        // One read of the key per JWT: kid, algorithm and signature belong to the same key even mid-rotation.
        final CoinbaseCredentials credentials = this.credentials.get();
        final String kid = credentials.keyName();
        final boolean ecdsa = credentials.algorithm() == CoinbaseKeyAlgorithm.ECDSA;
        final JWSHeader header = new JWSHeader.Builder(ecdsa ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA)
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
            if (!ecdsa)
            {
                final Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(credentials.privateKey());
                ed25519.update(jwt.getSigningInput());
                return new String(jwt.getSigningInput(), StandardCharsets.US_ASCII) + "." + Base64URL.encode(ed25519.sign());
            }
            final ECDSASigner signer = new ECDSASigner((ECPrivateKey)credentials.privateKey());
            signer.getJCAContext().setSecureRandom(random);
            jwt.sign(signer);
        }
        catch (final JOSEException | GeneralSecurityException ex)
        {
            // The message of a signing failure never includes key material.
            throw new CredentialsException("cannot sign a JWT with the configured key: " + ex.getClass().getSimpleName());
        }
        return jwt.serialize();
    }
}
