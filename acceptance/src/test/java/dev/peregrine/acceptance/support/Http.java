package dev.peregrine.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The engine's HTTP endpoints as {@code curl} reaches them: {@code /ready}, {@code /health}, the admin API. */
public final class Http
{
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http()
    {
    }

    public record Response(int status, String body)
    {
        public JsonNode json()
        {
            try
            {
                return JSON.readTree(body);
            }
            catch (final IOException e)
            {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public static Response get(final String url, final String bearer)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null)
        {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static Response post(final String url, final String bearer)
    {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"acceptance\"}"))
            .build());
    }

    private static Response send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
        catch (final IOException e)
        {
            return new Response(-1, e.toString());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + request.uri(), e);
        }
    }

    /** Polls {@code url} until it answers 200 (at most {@code seconds}); the last response either way. */
    public static Response awaitOk(final String url, final long seconds)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Response last = get(url, null);
        while (last.status() != 200 && System.nanoTime() < deadline)
        {
            Peregrine.sleep(200);
            last = get(url, null);
        }
        return last;
    }

    public static JsonNode readJson(final java.nio.file.Path file)
    {
        try
        {
            return JSON.readTree(file.toFile());
        }
        catch (final IOException e)
        {
            throw new AssertionError("cannot read " + file + " as JSON", e);
        }
    }

    public static JsonNode parseJson(final String text)
    {
        try
        {
            return JSON.readTree(text);
        }
        catch (final IOException e)
        {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
