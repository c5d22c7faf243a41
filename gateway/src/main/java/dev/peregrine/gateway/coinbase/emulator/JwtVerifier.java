package dev.peregrine.gateway.coinbase.emulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Checks a Coinbase JWT the way the venue does, for both kinds of key it issues: an ES256 token (the JOSE
 * {@code r || s} signature, nimbus-jose-jwt's {@code ECDSAVerifier}) against a P-256 public key, or an EdDSA token
 * (the JDK's {@code Ed25519}) against an Ed25519 one; then {@code alg, kid, nonce} (and {@code typ}, when sent) and
 * {@code sub, iss, nbf, exp, uri}. Stateless and thread-safe.
 *
 * <p>Claims accepted, as clients send them today: {@code iss "cdp"} (the venue's documented form), or the older
 * {@code iss "coinbase-cloud"} with an {@code aud} naming {@code retail_rest_api_proxy} (or, for a WebSocket
 * subscribe, {@code public_websocket_api}); the request as {@code uri} (Advanced Trade's samples) or as a
 * {@code uris} list (the CDP SDKs); {@code nbf}/{@code exp} at most 120 s apart, with 5 s of clock skew. Unlike the
 * venue, the request's host may carry a port and an {@code http://} or {@code https://} scheme (see
 * {@link #uriProblem}), so clients pointed at the emulator's base URL are accepted as they sign.
 *
 * @param publicKey    the public half of the API key: an {@link ECPublicKey} or an {@link EdECPublicKey}.
 * @param keyName      what {@code kid} and {@code sub} must say.
 * @param epochSeconds the clock {@code nbf} and {@code exp} are checked against.
 */
public record JwtVerifier(PublicKey publicKey, String keyName, LongSupplier epochSeconds)
{
    private static final long CLOCK_SKEW_SECONDS = 5;
    private static final long MAX_LIFETIME_SECONDS = 120;
    private static final String ISSUER = "cdp";
    private static final String LEGACY_ISSUER = "coinbase-cloud";
    private static final String REST_AUDIENCE = "retail_rest_api_proxy";
    private static final String WEBSOCKET_AUDIENCE = "public_websocket_api";
    private static final int SIGNATURE_BYTES = 64;

    /** @throws IllegalArgumentException unless the key is P-256 or Ed25519, the two kinds Coinbase issues. */
    public JwtVerifier
    {
        if (!(publicKey instanceof ECPublicKey) && !(publicKey instanceof EdECPublicKey))
        {
            throw new IllegalArgumentException("a Coinbase API key is ECDSA P-256 or Ed25519, not " +
                (publicKey == null ? "null" : publicKey.getAlgorithm()));
        }
    }

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
        final JWSHeader header = token.getHeader();
        final JWSAlgorithm expected = publicKey instanceof ECPublicKey ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA;
        if (!expected.equals(header.getAlgorithm()))
        {
            return "alg is " + header.getAlgorithm() + ", this key signs " + expected;
        }
        final int signatureBytes = token.getSignature().decode().length;
        if (signatureBytes != SIGNATURE_BYTES)
        {
            return "signature is " + signatureBytes + " bytes, " + expected + " needs " + SIGNATURE_BYTES;
        }
        final String signatureProblem = checkSignature(token);
        return signatureProblem != null ? signatureProblem : checkClaims(header, claims, expectedUri);
    }

    private String checkSignature(final SignedJWT token)
    {
        try
        {
            final boolean good;
            if (publicKey instanceof ECPublicKey)
            {
                good = token.verify(new ECDSAVerifier((ECPublicKey)publicKey));
            }
            else
            {
                final Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(publicKey);
                ed25519.update(token.getSigningInput());
                good = ed25519.verify(token.getSignature().decode());
            }
            return good ? null : "bad signature";
        }
        catch (final JOSEException | GeneralSecurityException ex)
        {
            return "signature check failed: " + ex.getClass().getSimpleName();
        }
    }

    private String checkClaims(final JWSHeader header, final JWTClaimsSet claims, final String expectedUri)
    {
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType()))
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
        final String issuerProblem = checkIssuer(claims, expectedUri == null);
        if (issuerProblem != null)
        {
            return issuerProblem;
        }
        final String timeProblem = checkTimes(claims);
        if (timeProblem != null)
        {
            return timeProblem;
        }
        return expectedUri == null ? null : checkUri(claims, expectedUri);
    }

    private static String checkIssuer(final JWTClaimsSet claims, final boolean webSocket)
    {
        final String issuer = claims.getIssuer();
        if (ISSUER.equals(issuer))
        {
            return null;
        }
        if (!LEGACY_ISSUER.equals(issuer))
        {
            return "iss is not " + ISSUER;
        }
        final List<String> audience = claims.getAudience();
        if (audience.contains(REST_AUDIENCE) || webSocket && audience.contains(WEBSOCKET_AUDIENCE))
        {
            return null;
        }
        return "iss " + LEGACY_ISSUER + " needs aud [\"" + (webSocket ? WEBSOCKET_AUDIENCE : REST_AUDIENCE) + "\"]";
    }

    private String checkTimes(final JWTClaimsSet claims)
    {
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
        return null;
    }

    private static String checkUri(final JWTClaimsSet claims, final String expectedUri)
    {
        final Object uri = claims.getClaim("uri");
        final Object uris = claims.getClaim("uris");
        if (uri == null && uris instanceof List<?> list)
        {
            String firstProblem = "it is empty";
            for (int i = list.size() - 1; i >= 0; i--)
            {
                firstProblem = uriProblem(list.get(i), expectedUri);
                if (firstProblem == null)
                {
                    return null;
                }
            }
            return "uris claim " + list + " holds no '" + expectedUri + "' (" + firstProblem + ")";
        }
        final String problem = uriProblem(uri, expectedUri);
        return problem == null ? null : "uri claim '" + uri + "' is not '" + expectedUri + "': " + problem;
    }

    /**
     * Why {@code claim} does not name the request {@code expectedUri} ({@code "METHOD host/path"}), or null when it
     * does. Beyond the venue's exact form, a test base URL's port after the host and a leading {@code http://} or
     * {@code https://} are accepted: clients sign what they build from the base URL they are given (Coinbase's
     * TypeScript SDK {@code GET 127.0.0.1:PORT/api/...}, ccxt {@code GET http://127.0.0.1:PORT/api/...}); the venue
     * itself has no port and is https only, so it never sees them.
     */
    static String uriProblem(final Object claim, final String expectedUri)
    {
        if (!(claim instanceof String text))
        {
            return "not a string";
        }
        final int space = text.indexOf(' ');
        if (space < 0)
        {
            return "not 'METHOD host/path'";
        }
        final int expectedSpace = expectedUri.indexOf(' ');
        final String method = text.substring(0, space);
        final String expectedMethod = expectedUri.substring(0, expectedSpace);
        if (!method.equals(expectedMethod))
        {
            return "method " + method + ", this request is " + expectedMethod;
        }
        final String target = withoutScheme(text.substring(space + 1));
        final String expectedTarget = expectedUri.substring(expectedSpace + 1);
        final int slash = target.indexOf('/');
        final int expectedSlash = expectedTarget.indexOf('/');
        final String host = withoutPort(slash < 0 ? target : target.substring(0, slash));
        final String expectedHost = expectedTarget.substring(0, expectedSlash);
        if (!host.equals(expectedHost))
        {
            return "host " + host + ", this venue is " + expectedHost;
        }
        final String path = slash < 0 ? "" : target.substring(slash);
        final String expectedPath = expectedTarget.substring(expectedSlash);
        return path.equals(expectedPath) ? null : "path " + path + ", this request is " + expectedPath;
    }

    private static String withoutScheme(final String target)
    {
        for (final String scheme : new String[] {"https://", "http://"})
        {
            if (target.startsWith(scheme))
            {
                return target.substring(scheme.length());
            }
        }
        return target;
    }

    /** {@code host:port} or {@code [v6]:port} without the port; a host without one unchanged. */
    private static String withoutPort(final String hostAndPort)
    {
        final int colon = hostAndPort.lastIndexOf(':');
        final boolean bracketed = hostAndPort.startsWith("[");
        if (colon < 0 || bracketed && colon < hostAndPort.indexOf(']') || !bracketed && colon != hostAndPort.indexOf(':'))
        {
            return hostAndPort;
        }
        final String port = hostAndPort.substring(colon + 1);
        return !port.isEmpty() && port.chars().allMatch(Character::isDigit) ? hostAndPort.substring(0, colon) : hostAndPort;
    }
}
