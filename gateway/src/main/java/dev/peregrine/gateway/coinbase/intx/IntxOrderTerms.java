package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;
import dev.peregrine.gateway.venue.PerpetualAccountTerms;

/**
 * What an order on an INTX perpetual tells Advanced Trade beyond a spot order: its {@code leverage} and
 * {@code margin_type}. Both are the configuration's for the instrument ({@link PerpetualAccountTerms}, indexed by
 * instrument id; 1x cross where none is given), so the venue holds the margin the engine accounts for. Advanced Trade
 * spells the margin type {@code CROSS} or {@code ISOLATED}.
 */
public final class IntxOrderTerms
{
    /** 1x, FixedPoint: the engine's default. */
    public static final long LEVERAGE = FixedPoint.SCALE;
    public static final String MARGIN_TYPE = "CROSS";
    public static final String ISOLATED = "ISOLATED";
    private static final IntxOrderTerms DEFAULTS = new IntxOrderTerms(PerpetualAccountTerms.defaults());

    private final PerpetualAccountTerms terms;

    /** @param leverageByInstrument FixedPoint leverage per instrument id (the engine settings' order), all cross; copied. */
    public IntxOrderTerms(final long[] leverageByInstrument)
    {
        this(PerpetualAccountTerms.cross(leverageByInstrument));
    }

    /** @param terms leverage and margin type per instrument id. */
    public IntxOrderTerms(final PerpetualAccountTerms terms)
    {
        this.terms = terms;
    }

    /** 1x cross for every perpetual. */
    public static IntxOrderTerms defaults()
    {
        return DEFAULTS;
    }

    /** The leverage sent for {@code instrumentId}, FixedPoint. */
    public long leverage(final int instrumentId)
    {
        return terms.leverage(instrumentId);
    }

    /** The {@code margin_type} sent for {@code instrumentId}: {@code CROSS} or {@code ISOLATED}. */
    public String marginType(final int instrumentId)
    {
        return terms.isolated(instrumentId) ? ISOLATED : MARGIN_TYPE;
    }

    /** {@code request} for {@code instrumentId} with its leverage and margin type. */
    public CoinbaseOrderRequest apply(final CoinbaseOrderRequest request, final int instrumentId)
    {
        return request.withPerpetual(leverage(instrumentId), marginType(instrumentId));
    }

    /** {@code request} with 1x cross. */
    public static CoinbaseOrderRequest apply(final CoinbaseOrderRequest request)
    {
        return request.withPerpetual(LEVERAGE, MARGIN_TYPE);
    }
}
