package dev.peregrine.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP calls the ops tests make on a running engine's endpoints: one client, every request bounded to 10 s,
 * with the admin bearer token when one is given.
 */
final class TestHttp
{
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp()
    {
    }

    /** {@code GET url}, with {@code bearer} as the token (null for none). */
    static HttpResponse<String> get(final String url, final String bearer) throws Exception
    {
        return call("GET", url, bearer, null);
    }

    /** {@code POST url} with {@code body} (null for none) and {@code bearer} as the token (null for none). */
    static HttpResponse<String> post(final String url, final String bearer, final String body) throws Exception
    {
        return call("POST", url, bearer, body);
    }

    /** {@code method url} with {@code body} (null for none) and {@code bearer} as the token (null for none). */
    static HttpResponse<String> call(final String method, final String url, final String bearer, final String body)
        throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null)
        {
            request.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code GET url} (30 s at most) until its answer meets {@code condition}, which it must; that answer. */
    static HttpResponse<String> await(final String url, final Predicate<HttpResponse<String>> condition) throws Exception
    {
        HttpResponse<String> response = get(url, null);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.test(response) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(50); // polling, bounded by the deadline above
            response = get(url, null);
        }
        assertThat(condition.test(response)).as("%s answered %d %s", url, response.statusCode(), response.body()).isTrue();
        return response;
    }
}
