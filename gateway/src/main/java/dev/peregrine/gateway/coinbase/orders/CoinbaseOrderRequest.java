package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

/**
 * One order as the venue will see it. Sizes and prices are {@link FixedPoint} scaled longs.
 *
 * @param clientOrderId the idempotency key: the same order always carries the same id.
 * @param leverage      an INTX perpetual order's {@code leverage} (FixedPoint); 0 leaves it out (spot).
 * @param marginType    an INTX perpetual order's {@code margin_type} ({@code CROSS} or {@code ISOLATED}); null leaves it out.
 */
public record CoinbaseOrderRequest(
    String clientOrderId, String productId, int side, CoinbaseOrderType type, long baseSize, long limitPrice, boolean postOnly,
    long leverage, String marginType)
{
    /** A spot order: no leverage, no margin type. */
    public CoinbaseOrderRequest(final String clientOrderId, final String productId, final int side, final CoinbaseOrderType type,
        final long baseSize, final long limitPrice, final boolean postOnly)
    {
        this(clientOrderId, productId, side, type, baseSize, limitPrice, postOnly, 0, null);
    }

    /** This order on an INTX perpetual, with its {@code leverage} (FixedPoint) and {@code margin_type}. */
    public CoinbaseOrderRequest withPerpetual(final long newLeverage, final String newMarginType)
    {
        return new CoinbaseOrderRequest(clientOrderId, productId, side, type, baseSize, limitPrice, postOnly, newLeverage,
            newMarginType);
    }

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

    public static CoinbaseOrderRequest limitFok(
        final String clientOrderId, final String productId, final int side, final long baseSize, final long limitPrice)
    {
        return new CoinbaseOrderRequest(clientOrderId, productId, side, CoinbaseOrderType.LIMIT_FOK, baseSize, limitPrice,
            false);
    }

    /** The documented body of {@code POST /orders} (and {@code /orders/preview}, which ignores the id). */
    public String toJson(final boolean withClientOrderId)
    {
        final ObjectNode body = CoinbaseJson.newObject();
        if (withClientOrderId)
        {
            body.put("client_order_id", clientOrderId);
        }
        body.put("product_id", productId);
        body.put("side", Side.name(side));
        if (leverage > 0)
        {
            body.put("leverage", FixedPoint.toString(leverage));
        }
        if (marginType != null)
        {
            body.put("margin_type", marginType);
        }
        final ObjectNode configuration = body.putObject("order_configuration");
        if (type == CoinbaseOrderType.MARKET_IOC)
        {
            configuration.putObject("market_market_ioc").put("base_size", FixedPoint.toString(baseSize));
        }
        else if (type == CoinbaseOrderType.LIMIT_IOC || type == CoinbaseOrderType.LIMIT_FOK)
        {
            configuration.putObject(type == CoinbaseOrderType.LIMIT_IOC ? "sor_limit_ioc" : "limit_limit_fok")
                .put("base_size", FixedPoint.toString(baseSize))
                .put("limit_price", FixedPoint.toString(limitPrice));
        }
        else
        {
            configuration.putObject("limit_limit_gtc").put("base_size", FixedPoint.toString(baseSize))
                .put("limit_price", FixedPoint.toString(limitPrice)).put("post_only", postOnly);
        }
        return CoinbaseJson.write(body);
    }
}
