package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests to the emulator as a client signs them, from the documentation's recipe: the parameters form-encoded,
 * {@code timestamp} added, the signature over the query string (or, in the body form, the body), HMAC-SHA256 hex
 * or Ed25519 base64, appended as {@code signature}.
 */
public final class SignedRequests
{
    public static final String IP = "127.0.0.1";

    private final String apiKey;
    private final String hmacSecret;
    private final PrivateKey ed25519;
    private final LongSupplier clock;

    private SignedRequests(final String apiKey, final String hmacSecret, final PrivateKey ed25519, final LongSupplier clock)
    {
        this.apiKey = apiKey;
        this.hmacSecret = hmacSecret;
        this.ed25519 = ed25519;
        this.clock = clock;
    }

    public static SignedRequests hmac(final String apiKey, final String secret, final LongSupplier clock)
    {
        return new SignedRequests(apiKey, secret, null, clock);
    }

    public static SignedRequests ed25519(final String apiKey, final PrivateKey key, final LongSupplier clock)
    {
        return new SignedRequests(apiKey, null, key, clock);
    }

    /** A signed request with its parameters in the query string ({@code name, value, ...}). */
    public BinanceHttpRequest query(final String method, final String path, final String... nameValues)
    {
        final String signed = signedForm(nameValues);
        return new BinanceHttpRequest(method, path, Map.of(), headers(apiKey), "", signed, IP);
    }

    /** A signed request with its parameters (and signature) in a form-encoded body. */
    public BinanceHttpRequest body(final String method, final String path, final String... nameValues)
    {
        return new BinanceHttpRequest(method, path, Map.of(), headers(apiKey), signedForm(nameValues), "", IP);
    }

    /** An unsigned request: the API key header only (user data stream management). */
    public BinanceHttpRequest keyOnly(final String method, final String path, final String... nameValues)
    {
        return new BinanceHttpRequest(method, path, Map.of(), headers(apiKey), "", form(nameValues), IP);
    }

    static Map<String, String> headers(final String apiKey)
    {
        final Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null)
        {
            headers.put("x-mbx-apikey", apiKey);
        }
        return headers;
    }

    public String signedForm(final String... nameValues)
    {
        final boolean hasTimestamp = List.of(nameValues).contains("timestamp");
        final String payload = form(nameValues) + (hasTimestamp ? "" : (nameValues.length == 0 ? "" : "&") + "timestamp=" + clock.getAsLong());
        return payload + "&signature=" + URLEncoder.encode(sign(payload), StandardCharsets.UTF_8);
    }

    static String form(final String... nameValues)
    {
        final StringBuilder form = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2)
        {
            form.append(i == 0 ? "" : "&").append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    String sign(final String payload)
    {
        try
        {
            if (hmacSecret != null)
            {
                final Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
            }
            final Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(ed25519);
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
