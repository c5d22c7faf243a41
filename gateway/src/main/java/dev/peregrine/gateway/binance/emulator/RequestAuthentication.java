package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The venue's checks of a request's key and signature: {@code X-MBX-APIKEY} (-2014 when missing or malformed, -2015
 * when not the account's key), then for SIGNED endpoints {@code timestamp} (-1102), {@code signature} (-1102 when
 * missing, -1022 when wrong: HMAC-SHA256 in hex, any case, or Ed25519 in base64) and the timing rule: the timestamp
 * (milliseconds, or microseconds) at most 1 s ahead of the server and at most {@code recvWindow} (default 5000,
 * at most 60000) behind it (-1021).
 */
public final class RequestAuthentication
{
    static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;
    static final long MAX_RECV_WINDOW_MILLIS = 60_000;
    /** Timestamps past this are microseconds: a millisecond clock reaches it in the year 5138. */
    private static final long MICROSECOND_TIMESTAMPS = 100_000_000_000_000L;

    /** The account's key; replaced when the user rotates it ({@link #replaceKey}, {@link #addKey}). */
    private volatile BinanceEmulatorKey key;
    /** The key before {@link #addKey}: still accepted until {@link #replaceKey} retires it. */
    private volatile BinanceEmulatorKey previous;
    /** Requests whose signature checked, by API key: which key signed what. */
    private final java.util.Map<String, Integer> signedBy = new java.util.concurrent.ConcurrentHashMap<>();
    private int failures;
    private String lastFailure;

    public RequestAuthentication(final BinanceEmulatorKey key)
    {
        this.key = key;
    }

    /**
     * The user rotated the key: from now on only {@code newKey} is accepted, as the venue does once the old key is
     * deleted (sessions already logged on stay so).
     */
    public void replaceKey(final BinanceEmulatorKey newKey)
    {
        this.key = java.util.Objects.requireNonNull(newKey, "newKey");
        this.previous = null;
    }

    /**
     * The user made a second key: both it and the one in use are accepted (each with its own secret) until
     * {@link #replaceKey} retires the old one, as on the venue between creating a key and deleting the old.
     */
    public void addKey(final BinanceEmulatorKey newKey)
    {
        this.previous = key;
        this.key = java.util.Objects.requireNonNull(newKey, "newKey");
    }

    /** How many requests passed the signature check signed with {@code apiKey}'s secret. */
    public int signedWith(final String apiKey)
    {
        return signedBy.getOrDefault(apiKey, 0);
    }

    /** The API key check alone: what {@code USER_STREAM} endpoints need. */
    public void checkApiKey(final BinanceHttpRequest request)
    {
        checkApiKey(request.headers().get("x-mbx-apikey"));
    }

    private BinanceEmulatorKey keyOf(final BinanceHttpRequest request)
    {
        return checkApiKey(request.headers().get("x-mbx-apikey"));
    }

    /** -2014 when missing or malformed, -2015 when not the account's key; the key it names. */
    BinanceEmulatorKey checkApiKey(final String apiKey)
    {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 256)
        {
            throw failed(new BinanceRejection(401, -2014, "API-key format invalid."));
        }
        final BinanceEmulatorKey current = key;
        final BinanceEmulatorKey old = previous;
        if (MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), current.apiKey().getBytes(StandardCharsets.UTF_8)))
        {
            return current;
        }
        if (old != null && MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), old.apiKey().getBytes(StandardCharsets.UTF_8)))
        {
            return old;
        }
        throw failed(new BinanceRejection(401, -2015, "Invalid API-key, IP, or permissions for action."));
    }

    /** Every check of a SIGNED endpoint. */
    public void checkSigned(final BinanceHttpRequest request, final RequestParameters parameters, final long nowMillis)
    {
        final BinanceEmulatorKey signer = keyOf(request);
        checkSignature(signer, parameters.get("timestamp"), parameters.get("recvWindow"), parameters.signature(),
            parameters.signaturePayload(), nowMillis);
    }

    /**
     * The timestamp, signature and timing checks over a signature payload (a REST query and body, or a WebSocket API
     * request's sorted parameters).
     */
    void checkSignature(final BinanceEmulatorKey signer, final String timestampText, final String recvWindow, final String signature, final String payload,
        final long nowMillis)
    {
        final long timestamp;
        try
        {
            timestamp = Long.parseLong(timestampText == null ? "" : timestampText);
        }
        catch (final NumberFormatException ex)
        {
            throw failed(BinanceRejection.mandatory("timestamp"));
        }
        if (signature == null || signature.isEmpty())
        {
            throw failed(BinanceRejection.mandatory("signature"));
        }
        if (!signatureValid(signer, payload, signature))
        {
            throw failed(BinanceRejection.badRequest(-1022, "Signature for this request is not valid."));
        }
        checkTiming(timestamp, recvWindowMicros(recvWindow), nowMillis);
        signedBy.merge(signer.apiKey(), 1, Integer::sum);
    }

    private static long recvWindowMicros(final String text)
    {
        if (text == null)
        {
            return DEFAULT_RECV_WINDOW_MILLIS * 1000;
        }
        final BigDecimal millis;
        try
        {
            millis = new BigDecimal(text);
        }
        catch (final NumberFormatException ex)
        {
            throw BinanceRejection.mandatory("recvWindow");
        }
        if (millis.signum() < 0 || millis.stripTrailingZeros().scale() > 3 ||
            millis.compareTo(BigDecimal.valueOf(MAX_RECV_WINDOW_MILLIS)) > 0)
        {
            throw BinanceRejection.badRequest(-1130, "Data sent for parameter 'recvWindow' is not valid.");
        }
        return millis.movePointRight(3).longValue();
    }

    private void checkTiming(final long timestamp, final long recvWindowMicros, final long nowMillis)
    {
        final long timestampMicros = timestamp >= MICROSECOND_TIMESTAMPS ? timestamp : timestamp * 1000;
        final long nowMicros = nowMillis * 1000;
        if (timestampMicros >= nowMicros + 1_000_000)
        {
            throw failed(BinanceRejection.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time."));
        }
        if (nowMicros - timestampMicros > recvWindowMicros)
        {
            throw failed(BinanceRejection.badRequest(-1021, "Timestamp for this request is outside of the recvWindow."));
        }
    }

    private static boolean signatureValid(final BinanceEmulatorKey key, final String payload, final String signature)
    {
        final byte[] message = payload.getBytes(StandardCharsets.UTF_8);
        try
        {
            if (key.hmacSecret() != null)
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                final String expected = HexFormat.of().formatHex(mac.doFinal(message));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
            final Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.ed25519PublicKey());
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signature));
        }
        catch (final IllegalArgumentException | GeneralSecurityException ex)
        {
            return false; // not base64, or not a signature of the right length: simply not valid
        }
    }

    private BinanceRejection failed(final BinanceRejection rejection)
    {
        failures++;
        lastFailure = rejection.code + " " + rejection.getMessage();
        return rejection;
    }

    /** True for an Ed25519 key: the only kind a WebSocket API session may log on with. */
    boolean ed25519()
    {
        return key.ed25519PublicKey() != null;
    }

    String apiKey()
    {
        return key.apiKey();
    }

    public int failures()
    {
        return failures;
    }

    public String lastFailure()
    {
        return lastFailure;
    }
}
