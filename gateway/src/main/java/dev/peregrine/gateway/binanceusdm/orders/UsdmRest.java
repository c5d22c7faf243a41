package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.gateway.binance.orders.BinanceRestPaths;

/**
 * Binance USD-M futures' trading REST paths, as its documentation lists them. The order path itself (new, cancel,
 * query, the order's trades) is spot Binance's protocol at these paths ({@link #PATHS}); the rest is what futures add.
 */
public final class UsdmRest
{
    /** The order path's endpoints: {@code /fapi/v1/order}, {@code /fapi/v1/userTrades}, {@code /fapi/v2/account}. */
    public static final BinanceRestPaths PATHS = new BinanceRestPaths("/fapi/v1/order", "/fapi/v1/userTrades",
        "/fapi/v2/account", "", 2400, true);
    public static final String LISTEN_KEY = "/fapi/v1/listenKey";
    public static final String LEVERAGE = "/fapi/v1/leverage";
    public static final String MARGIN_TYPE = "/fapi/v1/marginType";
    public static final String OPEN_ORDERS = "/fapi/v1/openOrders";
    public static final String POSITION_RISK = "/fapi/v2/positionRisk";
    public static final String INCOME = "/fapi/v1/income";
    public static final String FORCE_ORDERS = "/fapi/v1/forceOrders";
    /** -4046: the margin type asked for is already set; nothing to do. */
    public static final int NO_NEED_TO_CHANGE_MARGIN_TYPE = -4046;

    private UsdmRest()
    {
    }
}
