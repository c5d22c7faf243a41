package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.util.regex.Pattern;

/**
 * One {@code POST /api/v3/order} as Binance's spot API takes it: {@code MARKET} by quantity, {@code LIMIT} with a
 * time in force ({@code GTC}, {@code IOC}, {@code FOK}), or {@code LIMIT_MAKER} (post-only: rejected rather than
 * taking liquidity). Quantities and prices are scaled longs, written as plain decimals.
 *
 * @param timeInForce {@code GTC}, {@code IOC} or {@code FOK} for {@code LIMIT}; null for the other types.
 * @param price       the limit price; 0 for {@code MARKET}.
 */
public record BinanceOrderRequest(String clientOrderId, String symbol, int side, String type, String timeInForce,
    long quantity, long price, boolean reduceOnly)
{
    /** What Binance accepts as a {@code newClientOrderId}. */
    public static final Pattern CLIENT_ORDER_ID = Pattern.compile("[a-zA-Z0-9-_]{1,36}");

    public BinanceOrderRequest
    {
        if (clientOrderId == null || !CLIENT_ORDER_ID.matcher(clientOrderId).matches())
        {
            throw new IllegalArgumentException("client order id '" + clientOrderId + "' is not what Binance accepts " +
                "(^[a-zA-Z0-9-_]{1,36}$): shorten the prefix");
        }
        if (quantity <= 0)
        {
            throw new IllegalArgumentException("quantity must be positive, was " + FixedPoint.toString(quantity));
        }
    }

    /** An order that may open a position (every spot order). */
    public BinanceOrderRequest(final String clientOrderId, final String symbol, final int side, final String type,
        final String timeInForce, final long quantity, final long price)
    {
        this(clientOrderId, symbol, side, type, timeInForce, quantity, price, false);
    }

    /** This order, reduce-only (USD-M futures' {@code reduceOnly=true}: it may only shrink a position). */
    public BinanceOrderRequest reducing()
    {
        return new BinanceOrderRequest(clientOrderId, symbol, side, type, timeInForce, quantity, price, true);
    }

    public static BinanceOrderRequest market(final String clientOrderId, final String symbol, final int side,
        final long quantity)
    {
        return new BinanceOrderRequest(clientOrderId, symbol, side, "MARKET", null, quantity, 0);
    }

    /** @param timeInForce {@code GTC}, {@code IOC} or {@code FOK}. */
    public static BinanceOrderRequest limit(final String clientOrderId, final String symbol, final int side,
        final long quantity, final long price, final String timeInForce)
    {
        return new BinanceOrderRequest(clientOrderId, symbol, side, "LIMIT", timeInForce, quantity, price);
    }

    public static BinanceOrderRequest limitMaker(final String clientOrderId, final String symbol, final int side,
        final long quantity, final long price)
    {
        return new BinanceOrderRequest(clientOrderId, symbol, side, "LIMIT_MAKER", null, quantity, price);
    }

    /** True for an order that can rest on the book (a fill of it may be a maker's). */
    public boolean canRest()
    {
        return "LIMIT_MAKER".equals(type) || "LIMIT".equals(type) && ("GTC".equals(timeInForce) || "GTX".equals(timeInForce));
    }

    /**
     * The order's parameters in Binance's order, before {@code timestamp}, {@code recvWindow} and {@code signature};
     * {@code ACK} asks for the shortest answer: fills come from the user data stream, once.
     */
    public String toQuery()
    {
        final StringBuilder q = new StringBuilder("symbol=").append(symbol)
            .append("&side=").append(side == Side.BUY ? "BUY" : "SELL")
            .append("&type=").append(type);
        if (timeInForce != null)
        {
            q.append("&timeInForce=").append(timeInForce);
        }
        q.append("&quantity=").append(FixedPoint.toString(quantity));
        if (!"MARKET".equals(type))
        {
            q.append("&price=").append(FixedPoint.toString(price));
        }
        if (reduceOnly)
        {
            q.append("&reduceOnly=true");
        }
        return q.append("&newClientOrderId=").append(clientOrderId).append("&newOrderRespType=ACK").toString();
    }
}
