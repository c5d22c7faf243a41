package dev.peregrine.gateway.coinbase.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Date;
import java.util.function.LongSupplier;

/**
 * Checks a Coinbase-style ES256 JWT the way the venue does: the JOSE {@code r || s} signature against the
 * key's public half (nimbus-jose-jwt's {@code ECDSAVerifier}), then {@code alg, typ, kid, nonce} and
 * {@code sub, iss, nbf, exp, uri}. Stateless and thread-safe.
 *
 * @param publicKey    the public half of the API key.
 * @param keyName      what {@code kid} and {@code sub} must say.
 * @param epochSeconds the clock {@code nbf} and {@code exp} are checked against.
 */
public record JwtVerifier(ECPublicKey publicKey, String keyName, LongSupplier epochSeconds)
{
    private static final long CLOCK_SKEW_SECONDS = 5;
    private static final long MAX_LIFETIME_SECONDS = 120;

    /**
     * @param expectedUri {@code "METHOD host/path"} for REST, or null for a WebSocket subscribe (no uri claim).
     * @return null if the token is good, else why not.
     */
    public String verify(final String jwt, final String expectedUri)
    {
        if (jwt == null)
        {
            return "no JWT";
        }
        if (jwt.split("\\.", -1).length != 3)
        {
            return "not three dot-separated parts";
        }
        if (jwt.contains("="))
        {
            return "base64url must be unpadded";
        }
        final SignedJWT token;
        final JWTClaimsSet claims;
        try
        {
            token = SignedJWT.parse(jwt);
            claims = token.getJWTClaimsSet();
        }
        catch (final ParseException ex)
        {
            return "undecodable: " + ex.getMessage();
        }
        final int signatureBytes = token.getSignature().decode().length;
        if (signatureBytes != 64)
        {
            return "signature is " + signatureBytes + " bytes, JOSE ES256 needs 64 (r || s)";
        }
        final JWSHeader header = token.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()))
        {
            return "alg is not ES256";
        }
        try
        {
            if (!token.verify(new ECDSAVerifier(publicKey)))
            {
                return "bad signature";
            }
        }
        catch (final JOSEException ex)
        {
            return "signature check failed: " + ex.getClass().getSimpleName();
        }
        return checkClaims(header, claims, expectedUri);
    }

    private String checkClaims(final JWSHeader header, final JWTClaimsSet claims, final String expectedUri)
    {
        if (!JOSEObjectType.JWT.equals(header.getType()))
        {
            return "typ is not JWT";
        }
        if (!keyName.equals(header.getKeyID()))
        {
            return "kid is not the key name";
        }
        final Object nonce = header.getCustomParam("nonce");
        if (!(nonce instanceof String) || !((String)nonce).matches("[0-9a-f]{16,}"))
        {
            return "nonce missing or not hex";
        }
        if (!keyName.equals(claims.getSubject()))
        {
            return "sub is not the key name";
        }
        if (!"cdp".equals(claims.getIssuer()))
        {
            return "iss is not cdp";
        }
        final Date notBefore;
        final Date expires;
        try
        {
            notBefore = claims.getDateClaim("nbf");
            expires = claims.getDateClaim("exp");
        }
        catch (final ParseException ex)
        {
            return "nbf/exp missing or not integers";
        }
        if (notBefore == null || expires == null)
        {
            return "nbf/exp missing or not integers";
        }
        final long nbf = notBefore.getTime() / 1000;
        final long exp = expires.getTime() / 1000;
        final long now = epochSeconds.getAsLong();
        if (nbf > now + CLOCK_SKEW_SECONDS)
        {
            return "not valid yet (nbf in the future)";
        }
        if (exp <= now - CLOCK_SKEW_SECONDS)
        {
            return "expired";
        }
        if (exp - nbf > MAX_LIFETIME_SECONDS || exp <= nbf)
        {
            return "lifetime must be at most " + MAX_LIFETIME_SECONDS + " s";
        }
        final Object uri = claims.getClaim("uri");
        if (expectedUri != null && !expectedUri.equals(uri))
        {
            return "uri claim '" + uri + "' is not '" + expectedUri + "'";
        }
        return null;
    }
}
