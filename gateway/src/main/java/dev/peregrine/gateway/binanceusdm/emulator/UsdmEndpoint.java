package dev.peregrine.gateway.binanceusdm.emulator;

/**
 * The USD-M trading endpoints the emulator serves: method, path and security type as the venue documents them.
 * {@code SIGNED} endpoints need the API key, a timestamp and a signature; {@code USER_STREAM} ones (the listen key)
 * only the API key.
 */
enum UsdmEndpoint
{
    NEW_ORDER("POST", "/fapi/v1/order", true),
    QUERY_ORDER("GET", "/fapi/v1/order", true),
    CANCEL_ORDER("DELETE", "/fapi/v1/order", true),
    OPEN_ORDERS("GET", "/fapi/v1/openOrders", true),
    USER_TRADES("GET", "/fapi/v1/userTrades", true),
    INCOME("GET", "/fapi/v1/income", true),
    FORCE_ORDERS("GET", "/fapi/v1/forceOrders", true),
    LEVERAGE("POST", "/fapi/v1/leverage", true),
    MARGIN_TYPE("POST", "/fapi/v1/marginType", true),
    LEVERAGE_BRACKET("GET", "/fapi/v1/leverageBracket", true),
    POSITION_RISK_V2("GET", "/fapi/v2/positionRisk", true),
    POSITION_RISK_V3("GET", "/fapi/v3/positionRisk", true),
    ACCOUNT_V2("GET", "/fapi/v2/account", true),
    ACCOUNT_V3("GET", "/fapi/v3/account", true),
    BALANCE_V2("GET", "/fapi/v2/balance", true),
    BALANCE_V3("GET", "/fapi/v3/balance", true),
    START_USER_STREAM("POST", "/fapi/v1/listenKey", false),
    KEEP_USER_STREAM("PUT", "/fapi/v1/listenKey", false),
    CLOSE_USER_STREAM("DELETE", "/fapi/v1/listenKey", false);

    final String method;
    final String path;
    final boolean signed;

    UsdmEndpoint(final String method, final String path, final boolean signed)
    {
        this.method = method;
        this.path = path;
        this.signed = signed;
    }

    /** The endpoint, or null when the emulator does not serve this method and path. */
    static UsdmEndpoint of(final String method, final String path)
    {
        for (final UsdmEndpoint endpoint : values())
        {
            if (endpoint.method.equals(method) && endpoint.path.equals(path))
            {
                return endpoint;
            }
        }
        return null;
    }
}
