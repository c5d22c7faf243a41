package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;

/**
 * What an order on an INTX perpetual tells Advanced Trade beyond a spot order: its {@code leverage} and
 * {@code margin_type}. Peregrine sends 1x (the engine's default leverage, so the venue holds the margin the engine
 * accounts for) and {@code CROSS} (one-way positions margined together, as the engine's {@code MarginAccount} models
 * them).
 */
public final class IntxOrderTerms
{
    /** 1x, FixedPoint. */
    public static final long LEVERAGE = FixedPoint.SCALE;
    public static final String MARGIN_TYPE = "CROSS";

    private IntxOrderTerms()
    {
    }

    /** {@code request} with the perpetual's leverage and margin type. */
    public static CoinbaseOrderRequest apply(final CoinbaseOrderRequest request)
    {
        return request.withPerpetual(LEVERAGE, MARGIN_TYPE);
    }
}
