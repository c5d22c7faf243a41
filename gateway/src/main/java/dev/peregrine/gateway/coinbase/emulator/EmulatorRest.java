package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The emulator's REST side: counts every request (per path, and creates per {@code client_order_id}),
 * applies an injected fault, finds the endpoint ({@link EmulatorRoutes}: 404 when there is none), checks the
 * JWT of a private one (401 otherwise) and answers. Called under the
 * {@link CoinbaseVenueEmulator}'s lock.
 */
final class EmulatorRest
{
    private record PendingFault(EmulatorFault fault, String path, int[] remaining)
    {
    }

    private final CoinbaseVenueEmulator venue;
    private final JwtVerifier verifier;
    private final String jwtHost;
    private final LongSupplier epochSeconds;
    private final Map<String, Integer> requestsByPath = new HashMap<>();
    private final Map<String, Integer> createsByClientId = new HashMap<>();
    private final List<PendingFault> faults = new ArrayList<>();
    private final EmulatorRoutes routes;
    private final EmulatorRateLimit rateLimit = new EmulatorRateLimit(System::currentTimeMillis);
    private long holdMillis = 3_000;

    EmulatorRest(final CoinbaseVenueEmulator venue, final JwtVerifier verifier, final String jwtHost,
        final LongSupplier epochSeconds, final EmulatorMarketRest market, final EmulatorOrderQueries queries,
        final EmulatorAccounts accounts)
    {
        this.routes = new EmulatorRoutes(market, this, queries, accounts, venue.intxRest());
        this.venue = venue;
        this.verifier = verifier;
        this.jwtHost = jwtHost;
        this.epochSeconds = epochSeconds;
    }

    void injectFault(final EmulatorFault fault, final String path, final int count)
    {
        faults.add(new PendingFault(fault, path, new int[] {count}));
    }

    void clearFaults()
    {
        faults.clear();
    }

    void holdMillis(final long millis)
    {
        holdMillis = millis;
    }

    int requests(final String path)
    {
        return requestsByPath.getOrDefault(path, 0);
    }

    int createsFor(final String clientOrderId)
    {
        return createsByClientId.getOrDefault(clientOrderId, 0);
    }

    /** Client order ids that arrived in more than one create request. */
    List<String> duplicatedClientOrderIds()
    {
        return createsByClientId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Distinct client order ids that arrived in create requests. */
    int distinctClientOrderIds()
    {
        return createsByClientId.size();
    }

    EmulatorReply handle(final String method, final String uri, final String authorization, final String body)
    {
        final String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        requestsByPath.merge(path, 1, Integer::sum);
        JsonNode json = null;
        if (!body.isEmpty())
        {
            try
            {
                json = CoinbaseJson.parseObject(body);
            }
            catch (final IllegalArgumentException ex)
            {
                return EmulatorReply.error(400, "INVALID_ARGUMENT", "body is not JSON: " + ex.getMessage());
            }
        }
        if (CoinbaseOrderClient.ORDERS.equals(path) && json != null && CoinbaseJson.text(json, "client_order_id") != null)
        {
            createsByClientId.merge(CoinbaseJson.text(json, "client_order_id"), 1, Integer::sum);
        }
        final EmulatorFault fault = takeFault(path);
        if (fault == EmulatorFault.DROP_CONNECTION)
        {
            return new EmulatorReply(0, "", Map.of(), EmulatorReply.Action.DROP, 0);
        }
        if (fault == EmulatorFault.RATE_LIMIT)
        {
            return tooMany(EmulatorRateLimit.PRIVATE_PER_SECOND);
        }
        if (fault == EmulatorFault.SERVER_ERROR)
        {
            return EmulatorReply.error(500, "INTERNAL", "internal error");
        }
        final EmulatorRequest request = EmulatorRequest.of(method, uri, json);
        final EmulatorRoutes.Route route = routes.find(method, path);
        if (route == null)
        {
            return EmulatorReply.error(404, "NOT_FOUND", "no route for " + method + " " + path);
        }
        if (!rateLimit.admit(route.open()))
        {
            return tooMany(rateLimit.limit(route.open()));
        }
        if (!route.open())
        {
            final String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            final String authProblem = verifier.verify(token, method + " " + jwtHost + path);
            if (authProblem != null)
            {
                venue.authFailed(authProblem);
                return EmulatorReply.error(401, "UNAUTHENTICATED", "unauthorized: " + authProblem);
            }
        }
        if (json == null && "POST".equals(method))
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "POST " + path + " needs a JSON body");
        }
        EmulatorReply reply;
        try
        {
            reply = route.answer().apply(request);
        }
        catch (final IllegalArgumentException badParameter)
        {
            reply = EmulatorReply.error(400, "INVALID_ARGUMENT", badParameter.getMessage());
        }
        return fault == EmulatorFault.TIMEOUT ? reply.held(holdMillis) : reply;
    }

    /**
     * A 429 as the venue answers it, with the {@code x-ratelimit-*} headers the adapter reads. The reset is in
     * whole epoch seconds: two ahead, so a second boundary between this answer and the client reading it still
     * leaves the client a window to wait out.
     */
    private EmulatorReply tooMany(final int limit)
    {
        return new EmulatorReply(429, CoinbaseJson.write(EmulatorReply.errorBody("RATE_LIMIT_EXCEEDED",
            "too many requests")), Map.of("x-ratelimit-limit", Integer.toString(limit), "x-ratelimit-remaining", "0",
            "x-ratelimit-reset", Long.toString(epochSeconds.getAsLong() + 2)), EmulatorReply.Action.ANSWER, 0);
    }

    /** Turns the venue's rate limits on (0 leaves one off). */
    void rateLimits(final int publicPerSecond, final int privatePerSecond)
    {
        rateLimit.limits(publicPerSecond, privatePerSecond);
    }

    EmulatorReply createOrder(final EmulatorRequest request)
    {
        return EmulatorOrders.create(venue, request.body());
    }

    EmulatorReply previewOrder(final EmulatorRequest request)
    {
        return EmulatorOrders.preview(venue, request.body());
    }

    EmulatorReply cancelOrders(final EmulatorRequest request)
    {
        return EmulatorOrders.cancel(venue, request.body());
    }

    EmulatorReply editOrder(final EmulatorRequest request)
    {
        return EmulatorOrderEdits.edit(venue, request.body());
    }

    private EmulatorFault takeFault(final String path)
    {
        for (int i = 0; i < faults.size(); i++)
        {
            final PendingFault f = faults.get(i);
            if (f.path() == null || f.path().equals(path))
            {
                if (--f.remaining()[0] <= 0)
                {
                    faults.remove(i);
                }
                return f.fault();
            }
        }
        return null;
    }
}
