package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.orders.CredentialText;
import dev.peregrine.gateway.orders.CredentialsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * A Binance API key and what signs its requests: an HMAC-SHA256 secret (the key Binance generates) or an Ed25519
 * private key in PKCS#8 PEM (the key the user generates and registers its public half). Binance signs the same
 * payload either way, the query string followed by the form body: HMAC as lower-case hex, Ed25519 as base64.
 * Read from {@code BINANCE_API_KEY} + {@code BINANCE_API_SECRET} or from a JSON key file
 * {@code {"apiKey": "...", "secretKey": "..."}} (HMAC) or {@code {"apiKey": "...", "privateKey": "-----BEGIN
 * PRIVATE KEY-----..."}} (Ed25519).
 *
 * <p>The secret never leaves this object except as a signature: {@link #toString()} shows the key's kind only,
 * and every {@link CredentialsException} says what is wrong without quoting the secret. Thread-safe.
 */
public final class BinanceCredentials
{
    public static final String ENV_API_KEY = "BINANCE_API_KEY";
    public static final String ENV_SECRET = "BINANCE_API_SECRET";

    /** The two kinds of key Binance's spot API signs with (RSA, the third, is not supported here). */
    public enum Kind
    {
        HMAC_SHA256, ED25519
    }

    /** Shorter than any secret Binance issues (64 characters): a truncated paste. */
    private static final int MIN_HMAC_SECRET = 16;
    private static final String[] PLACEHOLDERS = {"your", "changeme", "change_me", "placeholder", "<", "..."};

    private final String apiKey;
    private final Kind kind;
    private final byte[] hmacSecret;
    private final PrivateKey ed25519Key;

    private BinanceCredentials(final String apiKey, final Kind kind, final byte[] hmacSecret, final PrivateKey ed25519Key)
    {
        this.apiKey = apiKey;
        this.kind = kind;
        this.hmacSecret = hmacSecret;
        this.ed25519Key = ed25519Key;
    }

    /**
     * Validates both parts and reads the secret: a PEM private key is Ed25519, anything else an HMAC secret.
     *
     * @param source where they came from, for messages ("environment", "key file x.json").
     */
    public static BinanceCredentials of(final String apiKey, final String secret, final String source)
    {
        final String key = apiKey == null ? "" : apiKey.trim();
        if (key.isEmpty())
        {
            throw new CredentialsException("the Binance API key is missing (" + source + "): set " + ENV_API_KEY +
                " or use --key-file");
        }
        if (!printableWithoutSpaces(key))
        {
            throw new CredentialsException("the Binance API key holds spaces or non-ASCII characters (" + source +
                "): paste the key exactly as Binance shows it");
        }
        if (secret == null || secret.isBlank())
        {
            throw new CredentialsException("the Binance API secret is missing (" + source + "): set " + ENV_SECRET +
                " to the HMAC secret key or an Ed25519 private key in PEM, or use --key-file");
        }
        if (isPlaceholder(key))
        {
            throw new CredentialsException("the Binance API key is a placeholder (" + source + "), not a real key");
        }
        final String text = secret.trim().replace("\\n", "\n");
        if (text.contains("-----BEGIN"))
        {
            return new BinanceCredentials(key, Kind.ED25519, null, ed25519(text, source));
        }
        if (isPlaceholder(text) || !printableWithoutSpaces(text) || text.length() < MIN_HMAC_SECRET)
        {
            throw new CredentialsException("the Binance API secret is neither an HMAC secret key (" + MIN_HMAC_SECRET +
                " or more printable characters, 64 as Binance issues them) nor an Ed25519 private key in PEM (" + source + ")");
        }
        return new BinanceCredentials(key, Kind.HMAC_SHA256, text.getBytes(StandardCharsets.US_ASCII), null);
    }

    /** From {@value #ENV_API_KEY} and {@value #ENV_SECRET}; pass {@code System.getenv()} in production. */
    public static BinanceCredentials fromEnvironment(final Map<String, String> environment)
    {
        return of(environment.get(ENV_API_KEY), environment.get(ENV_SECRET), "environment " + ENV_API_KEY + "/" + ENV_SECRET);
    }

    /** From a JSON key file: {@code apiKey} with {@code secretKey} (HMAC) or {@code privateKey} (Ed25519 PEM). */
    public static BinanceCredentials fromKeyFile(final Path file)
    {
        final String text = CredentialText.readKeyFile(file);
        JsonNode json;
        try
        {
            json = new ObjectMapper().readTree(text);
        }
        catch (final IOException ex)
        {
            json = null;
        }
        if (json == null || !json.isObject())
        {
            throw new CredentialsException("key file " + file + " is not a JSON object with apiKey and secretKey " +
                "(HMAC) or privateKey (Ed25519 PEM)");
        }
        final String secret = json.hasNonNull("privateKey") ? json.get("privateKey").asText() :
            json.hasNonNull("secretKey") ? json.get("secretKey").asText() : null;
        return of(json.hasNonNull("apiKey") ? json.get("apiKey").asText() : null, secret, "key file " + file);
    }

    private static PrivateKey ed25519(final String pem, final String source)
    {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----") || !pem.contains("-----END PRIVATE KEY-----"))
        {
            throw new CredentialsException("the Binance API secret is a PEM block but not an unencrypted PKCS#8 " +
                "private key (BEGIN PRIVATE KEY) (" + source + "): Binance signs with HMAC or Ed25519; RSA and " +
                "encrypted keys are not supported");
        }
        final String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"))
            .replaceAll("\\s", "");
        try
        {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        }
        catch (final IllegalArgumentException | GeneralSecurityException ex)
        {
            throw new CredentialsException("the Binance API secret is a PKCS#8 PEM but not an Ed25519 private key (" +
                source + ", " + ex.getClass().getSimpleName() + "): generate one with openssl genpkey -algorithm ed25519");
        }
    }

    private static boolean printableWithoutSpaces(final String value)
    {
        return CredentialText.printableWithoutSpaces(value);
    }

    private static boolean isPlaceholder(final String value)
    {
        return CredentialText.isPlaceholder(value, PLACEHOLDERS);
    }

    /** The {@code X-MBX-APIKEY} header's value. */
    public String apiKey()
    {
        return apiKey;
    }

    public Kind kind()
    {
        return kind;
    }

    /**
     * The {@code signature} parameter for {@code payload} (the query string, then the form body): lower-case hex of
     * HMAC-SHA256, or base64 of Ed25519. The caller URL-encodes it (base64 holds {@code +}, {@code /} and {@code =}).
     */
    public String sign(final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        try
        {
            if (kind == Kind.HMAC_SHA256)
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacSecret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(bytes));
            }
            final Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(ed25519Key);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new CredentialsException("cannot sign with the Binance " + kind + " key: " + ex.getClass().getSimpleName());
        }
    }

    @Override
    public String toString()
    {
        return "BinanceCredentials{kind=" + kind + ", secret=<redacted>}";
    }
}
