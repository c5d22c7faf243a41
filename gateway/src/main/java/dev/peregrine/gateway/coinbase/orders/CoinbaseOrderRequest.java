package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

/**
 * One order as the venue will see it. Sizes and prices are {@link FixedPoint} scaled longs.
 *
 * @param clientOrderId the idempotency key: the same order always carries the same id.
 */
public record CoinbaseOrderRequest(
    String clientOrderId, String productId, int side, CoinbaseOrderType type, long baseSize, long limitPrice, boolean postOnly)
{
    public CoinbaseOrderRequest
    {
        if (clientOrderId == null || clientOrderId.isEmpty() || clientOrderId.length() > 128)
        {
            throw new IllegalArgumentException("clientOrderId must be 1..128 characters");
        }
        if (side != Side.BUY && side != Side.SELL)
        {
            throw new IllegalArgumentException("side must be Side.BUY or Side.SELL, was " + side);
        }
        if (baseSize <= 0 || (type != CoinbaseOrderType.MARKET_IOC && limitPrice <= 0))
        {
            throw new IllegalArgumentException("baseSize (and a limit order's price) must be > 0");
        }
    }

    public static CoinbaseOrderRequest market(final String clientOrderId, final String productId, final int side, final long baseSize)
    {
        return new CoinbaseOrderRequest(clientOrderId, productId, side, CoinbaseOrderType.MARKET_IOC, baseSize, 0, false);
    }

    public static CoinbaseOrderRequest limit(
        final String clientOrderId, final String productId, final int side, final long baseSize, final long limitPrice,
        final boolean postOnly)
    {
        return new CoinbaseOrderRequest(clientOrderId, productId, side, CoinbaseOrderType.LIMIT_GTC, baseSize, limitPrice, postOnly);
    }

    public static CoinbaseOrderRequest limitIoc(
        final String clientOrderId, final String productId, final int side, final long baseSize, final long limitPrice)
    {
        return new CoinbaseOrderRequest(clientOrderId, productId, side, CoinbaseOrderType.LIMIT_IOC, baseSize, limitPrice, false);
    }

    /** The documented body of {@code POST /orders} (and {@code /orders/preview}, which ignores the id). */
    public String toJson(final boolean withClientOrderId)
    {
        final StringBuilder sb = new StringBuilder(256).append('{');
        if (withClientOrderId)
        {
            JsonTree.quote(sb.append("\"client_order_id\":"), clientOrderId).append(',');
        }
        JsonTree.quote(sb.append("\"product_id\":"), productId);
        sb.append(",\"side\":\"").append(Side.name(side)).append("\",\"order_configuration\":{");
        if (type == CoinbaseOrderType.MARKET_IOC)
        {
            sb.append("\"market_market_ioc\":{\"base_size\":\"");
            FixedPoint.appendTo(sb, baseSize);
            sb.append("\"}");
        }
        else if (type == CoinbaseOrderType.LIMIT_IOC)
        {
            sb.append("\"sor_limit_ioc\":{\"base_size\":\"");
            FixedPoint.appendTo(sb, baseSize);
            sb.append("\",\"limit_price\":\"");
            FixedPoint.appendTo(sb, limitPrice);
            sb.append("\"}");
        }
        else
        {
            sb.append("\"limit_limit_gtc\":{\"base_size\":\"");
            FixedPoint.appendTo(sb, baseSize);
            sb.append("\",\"limit_price\":\"");
            FixedPoint.appendTo(sb, limitPrice);
            sb.append("\",\"post_only\":").append(postOnly).append('}');
        }
        return sb.append("}}").toString();
    }
}
