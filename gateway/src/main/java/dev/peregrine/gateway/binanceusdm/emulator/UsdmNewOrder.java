package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.BinanceRejection;
import dev.peregrine.gateway.binance.emulator.RequestParameters;

import java.math.BigDecimal;

/**
 * A {@code POST /fapi/v1/order} as read from its parameters: {@code LIMIT} (price, quantity and a time in force of
 * {@code GTC}, {@code IOC}, {@code FOK} or {@code GTX}) or {@code MARKET} (quantity; no price, no time in force), with
 * {@code reduceOnly} and {@code newClientOrderId} (the venue makes one up when none comes). One-way mode: a
 * {@code positionSide} other than {@code BOTH} is refused (-4061).
 */
record UsdmNewOrder(String symbol, String side, boolean market, String timeInForce, BigDecimal quantity,
    BigDecimal price, boolean reduceOnly, String clientOrderId)
{
    static UsdmNewOrder of(final RequestParameters p, final String generatedClientId)
    {
        final String symbol = p.required("symbol");
        final String side = p.required("side");
        p.choice("side", "BUY", "SELL");
        final String type = p.required("type");
        p.choice("type", "LIMIT", "MARKET");
        final String positionSide = p.get("positionSide");
        if (positionSide != null && !"BOTH".equals(positionSide))
        {
            throw BinanceRejection.badRequest(-4061, "Order's position side does not match user's setting.");
        }
        final String reduceOnly = p.choice("reduceOnly", "true", "false");
        final BigDecimal quantity = p.decimal("quantity");
        if (quantity == null)
        {
            throw BinanceRejection.mandatory("quantity");
        }
        final boolean market = "MARKET".equals(type);
        final String timeInForce;
        final BigDecimal price;
        if (market)
        {
            if (p.has("price"))
            {
                throw BinanceRejection.notRequired("price");
            }
            timeInForce = null;
            price = null;
        }
        else
        {
            p.required("timeInForce");
            timeInForce = p.choice("timeInForce", "GTC", "IOC", "FOK", "GTX");
            price = p.decimal("price");
            if (price == null)
            {
                throw BinanceRejection.mandatory("price");
            }
        }
        final String clientOrderId = p.has("newClientOrderId") ? p.get("newClientOrderId") : generatedClientId;
        if (!clientOrderId.matches("^[.A-Z:/a-z0-9_-]{1,36}$"))
        {
            throw BinanceRejection.illegal("newClientOrderId", "^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
        }
        return new UsdmNewOrder(symbol, side, market, timeInForce, quantity, price, "true".equals(reduceOnly), clientOrderId);
    }
}
