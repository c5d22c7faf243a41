package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Coinbase Advanced Trade REST orders over {@code java.net.http}: create, preview, batch cancel, the reads a
 * restart's reconciliation makes (list orders, Get Order, list fills), and one read-only call (accounts) for
 * {@code verify-keys}. Every request carries a fresh JWT (EdDSA or ES256, as the key is).
 *
 * <p><b>No order is sent twice by a retry.</b> A create is sent once; the only second attempt is after
 * {@link RequestOutcome#NOT_SENT} (the connection could not be opened, so no byte left). A time-out, a
 * dropped connection or a 5xx leaves the outcome unknown and is reported as such; reconciliation (the
 * user channel) settles it. The JDK client itself re-sends only idempotent methods. Reads are retried
 * once on any transport failure.
 *
 * <p>Thread-safe; answers complete on the HTTP client's executor, never on the caller's thread.
 */
public final class CoinbaseOrderClient
{
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.coinbase.com");
    public static final String ORDERS = "/api/v3/brokerage/orders";
    public static final String PREVIEW = "/api/v3/brokerage/orders/preview";
    public static final String BATCH_CANCEL = "/api/v3/brokerage/orders/batch_cancel";
    public static final String ACCOUNTS = "/api/v3/brokerage/accounts";
    public static final String HISTORICAL_BATCH = "/api/v3/brokerage/orders/historical/batch";
    public static final String HISTORICAL_FILLS = "/api/v3/brokerage/orders/historical/fills";
    /** Get Order: this prefix and the venue's order id. */
    public static final String HISTORICAL_ORDER = "/api/v3/brokerage/orders/historical/";

    private final URI baseUri;
    private final String jwtHost;
    private final CoinbaseJwtSigner signer;
    private final Duration requestTimeout;
    private final HttpClient http;

    /** @param jwtHost the host named in the JWT {@code uri} claim; the base URI's host for the real venue. */
    public CoinbaseOrderClient(
        final URI baseUri, final String jwtHost, final CoinbaseJwtSigner signer, final Duration requestTimeout,
        final Duration connectTimeout)
    {
        if (baseUri == null || baseUri.getHost() == null ||
            !("https".equals(baseUri.getScheme()) || "http".equals(baseUri.getScheme())))
        {
            throw new IllegalArgumentException("base URI must be https://host[:port] or http://..., was " + baseUri);
        }
        this.baseUri = baseUri;
        this.jwtHost = jwtHost;
        this.signer = signer;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    public CoinbaseOrderClient(final URI baseUri, final CoinbaseJwtSigner signer, final Duration requestTimeout)
    {
        this(baseUri, baseUri.getHost(), signer, requestTimeout, Duration.ofSeconds(5));
    }

    public URI baseUri()
    {
        return baseUri;
    }

    public CompletableFuture<CreateOrderResult> create(final CoinbaseOrderRequest order)
    {
        return send("POST", ORDERS, order.toJson(true), false, CoinbaseOrderClient::parseCreate);
    }

    public CompletableFuture<PreviewResult> preview(final CoinbaseOrderRequest order)
    {
        return send("POST", PREVIEW, order.toJson(false), false, CoinbaseOrderClient::parsePreview);
    }

    /** Cancelling is idempotent at the venue, but it is still sent once: the answer may be late, not lost. */
    public CompletableFuture<CancelResult> cancel(final List<String> venueOrderIds)
    {
        final com.fasterxml.jackson.databind.node.ObjectNode body = CoinbaseJson.newObject();
        final com.fasterxml.jackson.databind.node.ArrayNode ids = body.putArray("order_ids");
        for (int i = 0; i < venueOrderIds.size(); i++)
        {
            ids.add(venueOrderIds.get(i));
        }
        return send("POST", BATCH_CANCEL, CoinbaseJson.write(body), false, CoinbaseOrderClient::parseCancel);
    }

    /**
     * {@code GET /orders/historical/batch?start_date=...}: every order created since {@code startDate}
     * (ISO-8601 UTC), any status, one page; pass the previous page's cursor for the next. Read-only and
     * idempotent, so it is retried like any GET. Used after a restart to learn what became of the orders
     * the journal still holds open.
     */
    public CompletableFuture<ListOrdersResult> listOrders(final String startDate, final String cursor)
    {
        final StringBuilder query = new StringBuilder(HISTORICAL_BATCH).append("?limit=1000&start_date=")
            .append(java.net.URLEncoder.encode(startDate, StandardCharsets.UTF_8));
        if (cursor != null && !cursor.isEmpty())
        {
            query.append("&cursor=").append(java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return send("GET", query.toString(), null, true, CoinbaseOrderClient::parseOrders);
    }

    static ListOrdersResult parseOrders(final RestStatus status, final JsonNode json)
    {
        final List<UserOrderUpdate> orders = new ArrayList<>();
        if (status.outcome() != RequestOutcome.OK || json == null)
        {
            return new ListOrdersResult(status, orders, false, null);
        }
        for (final JsonNode o : CoinbaseJson.array(json, "orders"))
        {
            if (o.isObject())
            {
                orders.add(UserOrderUpdate.fromRest(o));
            }
        }
        final String cursor = CoinbaseJson.text(json, "cursor");
        return new ListOrdersResult(status, orders, CoinbaseJson.bool(json, "has_next"), cursor);
    }

    /** {@code GET /orders/historical/{order_id}} (Get Order): one order by the venue's id. Read-only, retried like any GET. */
    public CompletableFuture<GetOrderResult> getOrder(final String venueOrderId)
    {
        return send("GET", HISTORICAL_ORDER + java.net.URLEncoder.encode(venueOrderId, StandardCharsets.UTF_8), null, true,
            GetOrderResult::parse);
    }

    /**
     * {@code GET /orders/historical/fills?order_ids=...}: the fills of one order, one page; pass the previous page's
     * cursor for the next. Read-only, retried like any GET.
     */
    public CompletableFuture<FillsPage> listFills(final String venueOrderId, final String cursor)
    {
        final StringBuilder query = new StringBuilder(HISTORICAL_FILLS).append("?limit=1000&order_ids=")
            .append(java.net.URLEncoder.encode(venueOrderId, StandardCharsets.UTF_8));
        if (cursor != null && !cursor.isEmpty())
        {
            query.append("&cursor=").append(java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return send("GET", query.toString(), null, true, FillsPage::parse);
    }

    /** {@code GET /accounts?limit=1}: read-only, for checking that the key works. The body is dropped. */
    public CompletableFuture<RestStatus> listAccounts()
    {
        return send("GET", ACCOUNTS + "?limit=1", null, true, (status, json) -> status);
    }

    /**
     * A signed read of {@code pathAndQuery} (e.g. the INTX positions of a portfolio), retried once on a transport
     * failure like every read; {@code parser} gets the status and the body (null when there was none).
     */
    public <T> CompletableFuture<T> get(final String pathAndQuery,
        final java.util.function.BiFunction<RestStatus, JsonNode, T> parser)
    {
        return send("GET", pathAndQuery, null, true, parser);
    }

    private <T> CompletableFuture<T> send(
        final String method, final String pathAndQuery, final String body, final boolean idempotent,
        final java.util.function.BiFunction<RestStatus, JsonNode, T> parser)
    {
        return attempt(method, pathAndQuery, body, idempotent, 1).thenApply(answer ->
        {
            JsonNode json = null;
            RestStatus status = answer.status;
            if (answer.body != null && !answer.body.isBlank())
            {
                try
                {
                    json = CoinbaseJson.parseObject(answer.body);
                }
                catch (final IllegalArgumentException ex)
                {
                    if (status.outcome() == RequestOutcome.OK)
                    {
                        status = withOutcome(status, RequestOutcome.SERVER_ERROR, "unparseable 2xx body: " + ex.getMessage());
                    }
                }
            }
            if (json != null && status.message() == null)
            {
                final String message = firstNonNull(CoinbaseJson.text(json, "message"), CoinbaseJson.text(json, "error"));
                if (message != null && status.outcome() != RequestOutcome.OK)
                {
                    status = withOutcome(status, status.outcome(), message);
                }
            }
            return parser.apply(status, json);
        });
    }

    private record Answer(RestStatus status, String body)
    {
    }

    private CompletableFuture<Answer> attempt(
        final String method, final String pathAndQuery, final String body, final boolean idempotent, final int attempt)
    {
        final String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        final HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery))
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + signer.forRest(method, jwtHost, path))
            .header("Accept", "application/json");
        if (body != null)
        {
            builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        else
        {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .handle((response, failure) ->
            {
                if (failure == null)
                {
                    return CompletableFuture.completedFuture(new Answer(statusOf(response, attempt), response.body()));
                }
                final RequestOutcome outcome = classify(failure);
                final boolean again = attempt < 2 && (outcome == RequestOutcome.NOT_SENT || (idempotent && outcome != RequestOutcome.OK));
                if (again)
                {
                    return attempt(method, pathAndQuery, body, idempotent, attempt + 1);
                }
                return CompletableFuture.completedFuture(new Answer(
                    new RestStatus(outcome, 0, describe(failure), -1, -1, attempt), null));
            })
            .thenCompose(Function.identity());
    }

    private static RestStatus statusOf(final HttpResponse<String> response, final int attempt)
    {
        final int code = response.statusCode();
        final RequestOutcome outcome = code >= 200 && code < 300 ? RequestOutcome.OK
            : code == 429 ? RequestOutcome.RATE_LIMITED
            : code == 401 || code == 403 ? RequestOutcome.UNAUTHORIZED
            : code >= 500 ? RequestOutcome.SERVER_ERROR
            : RequestOutcome.REJECTED;
        final long remaining = response.headers().firstValue("x-ratelimit-remaining").map(CoinbaseOrderClient::parseLong).orElse(-1L);
        final double reset = response.headers().firstValue("x-ratelimit-reset").map(CoinbaseOrderClient::parseDouble).orElse(-1.0);
        return new RestStatus(outcome, code, null, remaining, reset, attempt);
    }

    static RequestOutcome classify(final Throwable failure)
    {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null)
        {
            t = t.getCause();
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException)
        {
            return RequestOutcome.NOT_SENT;
        }
        if (t instanceof HttpTimeoutException)
        {
            return RequestOutcome.TIMEOUT;
        }
        // Any other failure (an IOException such as EOF or a reset) came after the connection was open:
        // the request may have been read, so it is never called NOT_SENT.
        return RequestOutcome.DROPPED;
    }

    private static String describe(final Throwable failure)
    {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null)
        {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static RestStatus withOutcome(final RestStatus s, final RequestOutcome outcome, final String message)
    {
        return new RestStatus(outcome, s.httpStatus(), message, s.rateLimitRemaining(), s.rateLimitReset(), s.attempts());
    }

    static CreateOrderResult parseCreate(final RestStatus status, final JsonNode json)
    {
        final JsonNode ok = CoinbaseJson.object(json, "success_response");
        final JsonNode err = CoinbaseJson.object(json, "error_response");
        final boolean success = status.outcome() == RequestOutcome.OK && CoinbaseJson.bool(json, "success");
        return new CreateOrderResult(
            status,
            success,
            firstNonNull(CoinbaseJson.text(ok, "order_id"), CoinbaseJson.text(json, "order_id")),
            CoinbaseJson.text(ok, "client_order_id"),
            CoinbaseJson.text(json, "failure_reason"),
            CoinbaseJson.text(err, "error"),
            firstNonNull(CoinbaseJson.text(err, "message"), CoinbaseJson.text(json, "message")),
            CoinbaseJson.text(err, "error_details"),
            CoinbaseJson.text(err, "preview_failure_reason"),
            CoinbaseJson.text(err, "new_order_failure_reason"));
    }

    static PreviewResult parsePreview(final RestStatus status, final JsonNode json)
    {
        return new PreviewResult(status,
            CoinbaseJson.text(json, "order_total"), CoinbaseJson.text(json, "commission_total"),
            strings(json, "errs"), strings(json, "warning"),
            CoinbaseJson.text(json, "quote_size"), CoinbaseJson.text(json, "base_size"),
            CoinbaseJson.text(json, "best_bid"), CoinbaseJson.text(json, "best_ask"),
            CoinbaseJson.text(json, "slippage"), CoinbaseJson.text(json, "preview_id"));
    }

    static CancelResult parseCancel(final RestStatus status, final JsonNode json)
    {
        final List<CancelResult.Entry> entries = new ArrayList<>();
        for (final JsonNode e : CoinbaseJson.array(json, "results"))
        {
            if (e.isObject())
            {
                entries.add(new CancelResult.Entry(CoinbaseJson.bool(e, "success"), CoinbaseJson.text(e, "failure_reason"),
                    CoinbaseJson.text(e, "order_id")));
            }
        }
        return new CancelResult(status, List.copyOf(entries));
    }

    private static List<String> strings(final JsonNode json, final String key)
    {
        final List<String> out = new ArrayList<>();
        for (final JsonNode element : CoinbaseJson.array(json, key))
        {
            out.add(element.isContainerNode() ? element.toString() : element.asText());
        }
        return List.copyOf(out);
    }

    private static String firstNonNull(final String a, final String b)
    {
        return a != null ? a : b;
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

    private static Double parseDouble(final String text)
    {
        try
        {
            return Double.parseDouble(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return -1.0;
        }
    }
}
