package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.TestKeys;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;

/**
 * A plain HTTP client for the emulator's tests: a running {@link CoinbaseVenueEmulator} on loopback with a fresh
 * key, requests with or without a JWT signed as the venue wants, answers as status and JSON. Registered as a
 * test's extension it closes the emulator after each test.
 */
final class EmulatorClient implements AutoCloseable, AfterEachCallback
{
    /** One answer: its status and its body as JSON. */
    record Answer(int status, JsonNode json, String body, java.net.http.HttpHeaders headers)
    {
    }

    private final KeyPair pair = TestKeys.p256();
    private final CoinbaseVenueEmulator venue =
        new CoinbaseVenueEmulator((ECPublicKey)pair.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
    private final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(TestKeys.credentials(pair));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    CoinbaseVenueEmulator venue()
    {
        return venue;
    }

    /** No Authorization header. */
    Answer get(final String pathAndQuery)
    {
        return send("GET", pathAndQuery, null, false);
    }

    Answer signedGet(final String pathAndQuery)
    {
        return send("GET", pathAndQuery, null, true);
    }

    Answer signedPost(final String path, final Object body)
    {
        return send("POST", path, CoinbaseJson.write(body), true);
    }

    private Answer send(final String method, final String pathAndQuery, final String body, final boolean signed)
    {
        final String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(venue.baseUri() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null)
        {
            request.header("Content-Type", "application/json");
        }
        if (signed)
        {
            request.header("Authorization", "Bearer " + signer.forRest(method, "127.0.0.1", path));
        }
        try
        {
            final HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), CoinbaseJson.MAPPER.readTree(response.body()), response.body(),
                response.headers());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(method + " " + pathAndQuery + ": " + ex, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        close();
    }

    @Override
    public void close()
    {
        venue.close();
    }
}
