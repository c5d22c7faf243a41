package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.gateway.coinbase.orders.JsonTree;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Checks a Coinbase-style ES256 JWT the way the venue does: the JOSE {@code r || s} signature against the
 * key's public half (with the JDK's P1363 ECDSA, independent of the signer's DER conversion), then
 * {@code alg, typ, kid, nonce} and {@code sub, iss, nbf, exp, uri}. Stateless and thread-safe.
 */
public final class JwtVerifier
{
    private static final long CLOCK_SKEW_SECONDS = 5;
    private static final long MAX_LIFETIME_SECONDS = 120;

    private final ECPublicKey publicKey;
    private final String keyName;
    private final LongSupplier epochSeconds;

    public JwtVerifier(final ECPublicKey publicKey, final String keyName, final LongSupplier epochSeconds)
    {
        this.publicKey = publicKey;
        this.keyName = keyName;
        this.epochSeconds = epochSeconds;
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
        final String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3)
        {
            return "not three dot-separated parts";
        }
        final Map<String, Object> header;
        final Map<String, Object> claims;
        final byte[] signature;
        try
        {
            final Base64.Decoder decoder = Base64.getUrlDecoder();
            if (parts[0].contains("=") || parts[1].contains("=") || parts[2].contains("="))
            {
                return "base64url must be unpadded";
            }
            header = JsonTree.parseObject(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
            claims = JsonTree.parseObject(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
            signature = decoder.decode(parts[2]);
        }
        catch (final IllegalArgumentException ex)
        {
            return "undecodable: " + ex.getMessage();
        }
        if (signature.length != 64)
        {
            return "signature is " + signature.length + " bytes, JOSE ES256 needs 64 (r || s)";
        }
        try
        {
            final Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature))
            {
                return "bad signature";
            }
        }
        catch (final GeneralSecurityException ex)
        {
            return "signature check failed: " + ex.getClass().getSimpleName();
        }
        if (!"ES256".equals(JsonTree.string(header, "alg")))
        {
            return "alg is not ES256";
        }
        if (!"JWT".equals(JsonTree.string(header, "typ")))
        {
            return "typ is not JWT";
        }
        if (!keyName.equals(JsonTree.string(header, "kid")))
        {
            return "kid is not the key name";
        }
        final String nonce = JsonTree.string(header, "nonce");
        if (nonce == null || !nonce.matches("[0-9a-f]{16,}"))
        {
            return "nonce missing or not hex";
        }
        if (!keyName.equals(JsonTree.string(claims, "sub")))
        {
            return "sub is not the key name";
        }
        if (!"cdp".equals(JsonTree.string(claims, "iss")))
        {
            return "iss is not cdp";
        }
        final long nbf;
        final long exp;
        try
        {
            nbf = Long.parseLong(String.valueOf(JsonTree.string(claims, "nbf")));
            exp = Long.parseLong(String.valueOf(JsonTree.string(claims, "exp")));
        }
        catch (final NumberFormatException ex)
        {
            return "nbf/exp missing or not integers";
        }
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
        final String uri = JsonTree.string(claims, "uri");
        if (expectedUri != null && !expectedUri.equals(uri))
        {
            return "uri claim '" + uri + "' is not '" + expectedUri + "'";
        }
        return null;
    }
}
