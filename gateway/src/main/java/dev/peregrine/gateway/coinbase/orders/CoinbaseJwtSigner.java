package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.CredentialsException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Signs the short-lived ES256 JWT that Coinbase Advanced Trade wants on every REST request and every
 * authenticated WebSocket subscribe: header {@code alg ES256, kid, nonce, typ JWT}; claims
 * {@code sub, iss "cdp", nbf, exp = nbf + 120} and, for REST, {@code uri = "METHOD host/path"}.
 *
 * <p>The JDK signs ECDSA as a DER {@code SEQUENCE {r, s}}; JOSE wants the fixed 64-byte {@code r || s}
 * (RFC 7518 §3.4), so the signature is converted before it is base64url-encoded without padding.
 *
 * <p>Thread-safe: each call creates its own {@code Signature}; the clock (epoch seconds) is injected.
 */
public final class CoinbaseJwtSigner
{
    public static final long LIFETIME_SECONDS = 120;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

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
        final byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        final String kid = credentials.keyName();
        final StringBuilder header = new StringBuilder(160).append("{\"alg\":\"ES256\",\"kid\":");
        JsonTree.quote(header, kid).append(",\"nonce\":\"").append(HexFormat.of().formatHex(nonceBytes))
            .append("\",\"typ\":\"JWT\"}");
        final long now = epochSeconds.getAsLong();
        final StringBuilder claims = new StringBuilder(200).append("{\"sub\":");
        JsonTree.quote(claims, kid).append(",\"iss\":\"cdp\",\"nbf\":").append(now)
            .append(",\"exp\":").append(now + LIFETIME_SECONDS);
        if (uri != null)
        {
            JsonTree.quote(claims.append(",\"uri\":"), uri);
        }
        claims.append('}');
        final String signingInput = b64(header.toString()) + "." + b64(claims.toString());
        try
        {
            final Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(credentials.privateKey(), random);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(derToJose(signature.sign(), 32));
        }
        catch (final GeneralSecurityException ex)
        {
            // The message of a signing failure never includes key material.
            throw new CredentialsException("cannot sign a JWT with the configured key: " + ex.getClass().getSimpleName());
        }
    }

    private static String b64(final String json)
    {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to {@code r || s}, each left-padded to {@code size} bytes. */
    public static byte[] derToJose(final byte[] der, final int size)
    {
        if (der.length < 8 || der[0] != 0x30)
        {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        final int seqHeader = EcPrivateKeyPem.headerLength(der, 0);
        final byte[] out = new byte[2 * size];
        int p = seqHeader;
        for (int i = 0; i < 2; i++)
        {
            if (der[p] != 0x02)
            {
                throw new IllegalArgumentException("not a DER ECDSA signature");
            }
            final int length = der[p + 1] & 0xff;
            int start = p + 2;
            int n = length;
            while (n > size && der[start] == 0) // the sign byte DER adds to a high first bit
            {
                start++;
                n--;
            }
            if (n > size)
            {
                throw new IllegalArgumentException("ECDSA integer longer than " + size + " bytes");
            }
            System.arraycopy(der, start, out, (i + 1) * size - n, n);
            p += 2 + length;
        }
        return out;
    }
}
