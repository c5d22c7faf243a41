package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;

/**
 * What an order on an INTX perpetual tells Advanced Trade beyond a spot order: its {@code leverage} and
 * {@code margin_type}. The leverage is the engine's setting for the instrument (EngineSettings' per-product leverage,
 * indexed by instrument id; 1x where none is given), so the venue holds the margin the engine accounts for. The margin
 * type is {@code CROSS}: the engine's {@code MarginAccount} margins one-way positions together, and its settings have
 * no isolated mode to ask for.
 */
public final class IntxOrderTerms
{
    /** 1x, FixedPoint: the engine's default. */
    public static final long LEVERAGE = FixedPoint.SCALE;
    public static final String MARGIN_TYPE = "CROSS";
    private static final IntxOrderTerms DEFAULTS = new IntxOrderTerms(new long[0]);

    private final long[] leverage;

    /** @param leverageByInstrument FixedPoint leverage per instrument id (the engine settings' order); a copy is kept. */
    public IntxOrderTerms(final long[] leverageByInstrument)
    {
        this.leverage = leverageByInstrument.clone();
        for (int i = 0; i < leverage.length; i++)
        {
            if (leverage[i] < FixedPoint.SCALE)
            {
                throw new IllegalArgumentException("leverage of instrument " + i + " is below 1x: " + FixedPoint.toString(leverage[i]));
            }
        }
    }

    /** 1x cross for every perpetual. */
    public static IntxOrderTerms defaults()
    {
        return DEFAULTS;
    }

    /** The leverage sent for {@code instrumentId}, FixedPoint. */
    public long leverage(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < leverage.length ? leverage[instrumentId] : LEVERAGE;
    }

    /** {@code request} for {@code instrumentId} with its leverage and the margin type. */
    public CoinbaseOrderRequest apply(final CoinbaseOrderRequest request, final int instrumentId)
    {
        return request.withPerpetual(leverage(instrumentId), MARGIN_TYPE);
    }

    /** {@code request} with 1x cross. */
    public static CoinbaseOrderRequest apply(final CoinbaseOrderRequest request)
    {
        return request.withPerpetual(LEVERAGE, MARGIN_TYPE);
    }
}
