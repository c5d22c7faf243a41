package dev.peregrine.gateway.binance.emulator;

import java.util.function.ToIntFunction;

/**
 * The trading API's endpoints the emulator serves: method, path, security type and request weight as the venue
 * documents them. {@code SIGNED} endpoints need the API key, a timestamp and a signature; {@code USER_STREAM} ones
 * only the API key.
 */
enum SpotEndpoint
{
    NEW_ORDER("POST", "/api/v3/order", true, p -> 1),
    TEST_ORDER("POST", "/api/v3/order/test", true, p -> p.flag("computeCommissionRates") ? 20 : 1),
    QUERY_ORDER("GET", "/api/v3/order", true, p -> 4),
    CANCEL_ORDER("DELETE", "/api/v3/order", true, p -> 1),
    OPEN_ORDERS("GET", "/api/v3/openOrders", true, p -> p.has("symbol") ? 6 : 80),
    CANCEL_OPEN_ORDERS("DELETE", "/api/v3/openOrders", true, p -> 1),
    ALL_ORDERS("GET", "/api/v3/allOrders", true, p -> 20),
    MY_TRADES("GET", "/api/v3/myTrades", true, p -> p.has("orderId") ? 5 : 20),
    ACCOUNT("GET", "/api/v3/account", true, p -> 20),
    COMMISSION("GET", "/api/v3/account/commission", true, p -> 20),
    ORDER_COUNT("GET", "/api/v3/rateLimit/order", true, p -> 40),
    START_USER_STREAM("POST", "/api/v3/userDataStream", false, p -> 2),
    KEEP_USER_STREAM("PUT", "/api/v3/userDataStream", false, p -> 2),
    CLOSE_USER_STREAM("DELETE", "/api/v3/userDataStream", false, p -> 2);

    final String method;
    final String path;
    final boolean signed;
    private final ToIntFunction<RequestParameters> weight;

    SpotEndpoint(final String method, final String path, final boolean signed, final ToIntFunction<RequestParameters> weight)
    {
        this.method = method;
        this.path = path;
        this.signed = signed;
        this.weight = weight;
    }

    int weight(final RequestParameters parameters)
    {
        return parameters == null ? weight.applyAsInt(EMPTY) : weight.applyAsInt(parameters);
    }

    /** The endpoint, or null when the emulator does not serve this method and path. */
    static SpotEndpoint of(final String method, final String path)
    {
        for (final SpotEndpoint endpoint : values())
        {
            if (endpoint.method.equals(method) && endpoint.path.equals(path))
            {
                return endpoint;
            }
        }
        return null;
    }

    private static final RequestParameters EMPTY = RequestParameters.empty();
}
