package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestOutcomes;
import dev.peregrine.gateway.orders.RestStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Binance spot REST over {@code java.net.http}: new order, cancel and query by {@code origClientOrderId}, the
 * order's trades, the account (the read-only call of {@code verify-keys}) and the listen key of the user data
 * stream (the user data stream itself is the WebSocket API's: {@link BinanceUserStreamClient}). Signed calls carry {@code timestamp}, {@code recvWindow} and the {@code signature} of the query string
 * (every parameter is sent in the query string, so the body is empty and the signed payload is the query), with the
 * API key in {@code X-MBX-APIKEY}.
 *
 * <p><b>No order is sent twice by a retry</b>, as for Coinbase: a create goes once, again only after
 * {@link RequestOutcome#NOT_SENT}; a time-out, a dropped connection or a 5xx leaves its outcome unknown (Binance's
 * own words for a 5xx) and the query by client order id settles it. Reads are retried once.
 *
 * <p>Weight: each answer's {@code X-MBX-USED-WEIGHT-1M} becomes {@link RestStatus#rateLimitRemaining()} against
 * the limit less a reserve, with the reset at the next minute; a 429 or 418 gives no weight left until its
 * {@code Retry-After}. The adapter's {@code RequestGate} pauses on both.
 *
 * <p>Thread-safe; answers complete on the HTTP client's executor.
 */
public final class BinanceOrderClient
{
    public static final String ORDER = "/api/v3/order";
    public static final String MY_TRADES = "/api/v3/myTrades";
    public static final String ACCOUNT = "/api/v3/account";
    /** Binance's spot request-weight limit per minute ({@code exchangeInfo} {@code REQUEST_WEIGHT}). */
    public static final int WEIGHT_PER_MINUTE = 6000;
    /** Weight kept back from the limit, so the queries of a reconciliation never meet a 429 (and then a 418 ban). */
    private static final int WEIGHT_RESERVE = 600;
    /** The {@code recvWindow} of every signed call: Binance's default. */
    static final long RECV_WINDOW_MILLIS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final BinanceRestPaths paths;
    /** Read once per request: a rotated key ({@code KeyFileWatch}) signs from the next request on. */
    private final Supplier<BinanceCredentials> credentials;
    private final Duration requestTimeout;
    private final LongSupplier epochMillis;
    private final HttpClient http;

    /** @param epochMillis the clock of {@code timestamp} ({@code System::currentTimeMillis} in production). */
    public BinanceOrderClient(final URI baseUri, final BinanceCredentials credentials, final Duration requestTimeout,
        final Duration connectTimeout, final LongSupplier epochMillis)
    {
        this(baseUri, BinanceRestPaths.SPOT, credentials, requestTimeout, connectTimeout, epochMillis);
    }

    /** A client of the trading API at {@code paths} (spot, or USD-M futures). */
    public BinanceOrderClient(final URI baseUri, final BinanceRestPaths paths, final BinanceCredentials credentials,
        final Duration requestTimeout, final Duration connectTimeout, final LongSupplier epochMillis)
    {
        this(baseUri, paths, fixed(credentials), requestTimeout, connectTimeout, epochMillis);
    }

    /** A client whose key can change while it runs: each request signs with what {@code credentials} gives then. */
    public BinanceOrderClient(final URI baseUri, final BinanceRestPaths paths, final Supplier<BinanceCredentials> credentials,
        final Duration requestTimeout, final Duration connectTimeout, final LongSupplier epochMillis)
    {
        if (baseUri == null || baseUri.getHost() == null ||
            !("https".equals(baseUri.getScheme()) || "http".equals(baseUri.getScheme())))
        {
            throw new IllegalArgumentException("Binance REST base must be https://host[:port] or http://..., was " + baseUri);
        }
        this.baseUri = baseUri;
        this.paths = paths;
        this.credentials = credentials;
        this.requestTimeout = requestTimeout;
        this.epochMillis = epochMillis;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    private static Supplier<BinanceCredentials> fixed(final BinanceCredentials credentials)
    {
        java.util.Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }

    public URI baseUri()
    {
        return baseUri;
    }

    public BinanceRestPaths paths()
    {
        return paths;
    }

    /** {@code POST /api/v3/order} with {@code newOrderRespType=ACK}: the answer holds {@code orderId}. */
    public CompletableFuture<BinanceAnswer> newOrder(final BinanceOrderRequest order)
    {
        return signed("POST", paths.order(), order.toQuery(), false);
    }

    /** {@code DELETE /api/v3/order} by client order id; sent once. */
    public CompletableFuture<BinanceAnswer> cancel(final String symbol, final String clientOrderId)
    {
        return signed("DELETE", paths.order(), "symbol=" + symbol + "&origClientOrderId=" + clientOrderId, false);
    }

    /** {@code GET /api/v3/order} by client order id; {@link BinanceAnswer#NO_SUCH_ORDER} when the venue has none. */
    public CompletableFuture<BinanceAnswer> queryOrder(final String symbol, final String clientOrderId)
    {
        return signed("GET", paths.order(), "symbol=" + symbol + "&origClientOrderId=" + clientOrderId, true);
    }

    /** {@code GET /api/v3/myTrades} of one order: its fills, with their trade ids and commissions. */
    public CompletableFuture<BinanceAnswer> trades(final String symbol, final long venueOrderId)
    {
        return signed("GET", paths.trades(), "symbol=" + symbol + "&orderId=" + venueOrderId, true);
    }

    /** {@code GET /api/v3/account}: read-only, for checking that the key works. */
    public CompletableFuture<BinanceAnswer> account()
    {
        return signed("GET", paths.account(), paths.accountQuery(), true);
    }

    /** The query of a signed call: the parameters, timestamp and recvWindow, then their signature. */
    String signedQuery(final String parameters)
    {
        return signedQuery(parameters, credentials.get());
    }

    private String signedQuery(final String parameters, final BinanceCredentials credentials)
    {
        final String payload = (parameters.isEmpty() ? "" : parameters + "&") + "recvWindow=" + RECV_WINDOW_MILLIS +
            "&timestamp=" + epochMillis.getAsLong();
        return payload + "&signature=" + encode(credentials.sign(payload));
    }

    /**
     * Any other signed call of the API ({@code leverage}, {@code positionRisk}, {@code income}, ...); reads
     * ({@code idempotent}) are retried once, changes only when they were not sent.
     */
    public CompletableFuture<BinanceAnswer> signedCall(final String method, final String path, final String parameters,
        final boolean idempotent)
    {
        return signed(method, path, parameters, idempotent);
    }

    /** A call with the API key alone, no signature: the listen key's {@code USER_STREAM} endpoints. */
    public CompletableFuture<BinanceAnswer> keyedCall(final String method, final String path, final String parameters)
    {
        return send(method, path, key -> parameters, true, 1);
    }

    private CompletableFuture<BinanceAnswer> signed(final String method, final String path, final String parameters,
        final boolean idempotent)
    {
        // Signed afresh for each attempt: a retry carries a new timestamp.
        return send(method, path, key -> signedQuery(parameters, key), idempotent, 1);
    }

    private CompletableFuture<BinanceAnswer> send(final String method, final String path,
        final java.util.function.Function<BinanceCredentials, String> query, final boolean idempotent, final int attempt)
    {
        // One read of the key per request: the signature and the header name the same key even mid-rotation.
        final BinanceCredentials credentials = this.credentials.get();
        final String q = query.apply(credentials);
        final HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(q.isEmpty() ? path : path + "?" + q))
            .timeout(requestTimeout)
            .header("X-MBX-APIKEY", credentials.apiKey())
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .handle((response, failure) ->
            {
                if (failure == null)
                {
                    return CompletableFuture.completedFuture(answerOf(response, attempt));
                }
                final RequestOutcome outcome = RestOutcomes.classify(failure);
                if (attempt < 2 && (outcome == RequestOutcome.NOT_SENT || idempotent))
                {
                    return send(method, path, query, idempotent, attempt + 1);
                }
                return CompletableFuture.completedFuture(new BinanceAnswer(
                    new RestStatus(outcome, 0, RestOutcomes.describe(failure), -1, -1, attempt), 0, null));
            })
            .thenCompose(Function.identity());
    }

    private BinanceAnswer answerOf(final HttpResponse<String> response, final int attempt)
    {
        final int http = response.statusCode();
        JsonNode json = null;
        try
        {
            json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        }
        catch (final IOException ex)
        {
            if (http >= 200 && http < 300)
            {
                return new BinanceAnswer(new RestStatus(RequestOutcome.SERVER_ERROR, http,
                    "unparseable 2xx body: " + ex.getMessage(), -1, -1, attempt), 0, null);
            }
        }
        final int code = json != null && json.isObject() && json.has("code") && !(http >= 200 && http < 300) ?
            json.path("code").asInt() : 0;
        final String message = json != null && json.isObject() ? BinanceAnswer.text(json, "msg") : null;
        final long retryAfter = response.headers().firstValue("Retry-After").map(BinanceOrderClient::parseLong).orElse(-1L);
        final long used = response.headers().firstValue("X-MBX-USED-WEIGHT-1M").map(BinanceOrderClient::parseLong).orElse(-1L);
        final RequestOutcome outcome = outcomeOf(http, code);
        final long remaining;
        final double reset;
        if (outcome == RequestOutcome.RATE_LIMITED)
        {
            remaining = 0;
            reset = retryAfter > 0 ? retryAfter : secondsToNextMinute();
        }
        else if (used >= 0)
        {
            remaining = Math.max(0, paths.weightPerMinute() - WEIGHT_RESERVE - used);
            reset = secondsToNextMinute();
        }
        else
        {
            remaining = -1;
            reset = -1;
        }
        return new BinanceAnswer(new RestStatus(outcome, http, message == null ? null : code + " " + message,
            remaining, reset, attempt), code, json);
    }

    /**
     * 418 (banned after ignoring 429s), 429 and 403 (the firewall's limit) all mean "slow down"; 401 and the key and
     * signature codes the key's fault; {@code -1007} (the backend's time-out) and 5xx an unknown outcome.
     */
    static RequestOutcome outcomeOf(final int http, final int code)
    {
        if (http >= 200 && http < 300)
        {
            return RequestOutcome.OK;
        }
        if (http == 429 || http == 418 || http == 403)
        {
            return RequestOutcome.RATE_LIMITED;
        }
        if (http == 401 || code == -2014 || code == -2015 || code == -1022)
        {
            return RequestOutcome.UNAUTHORIZED;
        }
        if (http >= 500 || http == 408 || code == -1007)
        {
            return RequestOutcome.SERVER_ERROR;
        }
        return RequestOutcome.REJECTED;
    }

    private double secondsToNextMinute()
    {
        final long now = epochMillis.getAsLong();
        return (60_000 - now % 60_000) / 1000.0;
    }

    private static String encode(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Long parseLong(final String text)
    {
        try
        {
            return Long.parseLong(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1L;
        }
    }
}
