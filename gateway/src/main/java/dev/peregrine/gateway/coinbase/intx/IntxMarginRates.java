package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.number.FixedPoint;

import java.util.List;

/**
 * The margin rates of an INTX perpetual, as Coinbase International Exchange's Leverage and Margin Policy defines
 * them: the initial margin rate is what the product's {@code max_leverage} allows (1 / max leverage), the
 * maintenance margin is two thirds of the initial margin ("MM = IM x 2/3"). Advanced Trade's product answer gives
 * one maximum leverage per product and no notional tiers, so the terms hold a single tier with no maintenance
 * amount; the settlement currency is USDC (INTX settles fees, funding and PnL in USDC).
 */
public final class IntxMarginRates
{
    /** Where INTX settles fees, funding and PnL. */
    public static final String SETTLEMENT_CURRENCY = "USDC";
    /** INTX funds perpetuals every hour. */
    public static final long HOURLY_NANOS = 3_600_000_000_000L;

    private IntxMarginRates()
    {
    }

    /** 1 / {@code maxLeverage}, FixedPoint: 10x gives 0.1. */
    public static long initialRate(final long maxLeverage)
    {
        if (maxLeverage <= 0)
        {
            throw new IllegalArgumentException("max leverage must be > 0, was " + FixedPoint.toString(maxLeverage));
        }
        return Math.multiplyExact(FixedPoint.SCALE, FixedPoint.SCALE) / maxLeverage;
    }

    /** Two thirds of the initial rate, rounded down to FixedPoint's last place: 10x gives 0.06666666. */
    public static long maintenanceRate(final long maxLeverage)
    {
        return initialRate(maxLeverage) * 2 / 3;
    }

    /** The terms of a perpetual of {@code contractSize} base units per contract, FixedPoint figures. */
    public static PerpetualTerms terms(final long contractSize, final long maxLeverage, final long fundingIntervalNanos)
    {
        return new PerpetualTerms(contractSize, maxLeverage, List.of(MarginTier.single(maxLeverage, maintenanceRate(maxLeverage))),
            fundingIntervalNanos, SETTLEMENT_CURRENCY);
    }
}
