package dev.peregrine.core.risk;

import java.util.Arrays;
import java.util.Map;

/**
 * The pre-trade limits that only mean something for perpetual contracts: leverage, margin ratio, distance to
 * liquidation and the funding rate a new position may pay. Part of {@link RiskLimits}. Every limit is off (0)
 * by default, and the checks that read them pass spot instruments untouched, so a spot engine judges orders
 * exactly as before; their settings lines are written only when a limit is on, so a spot journal's settings
 * (and their digest) are unchanged.
 *
 * @param maxLeverage            per instrument: notional of the position after the order over the account's
 *                               margin balance (x); 0 = the venue's maximum leverage only.
 * @param maxAccountLeverage     all perpetual positions' notional over the margin balance (x); 0 = none.
 * @param maxMarginRatio         maintenance margin over margin balance (0.8 = 80 %) above which new risk is
 *                               refused and the trading state moves to REDUCING; 0 = none.
 * @param minLiquidationDistance least distance of the mark to the position's liquidation price after the
 *                               order, in percent of the mark (5 = 5 %); 0 = none.
 * @param maxFundingRate         per instrument: no new position on the side that pays funding when the
 *                               venue's current rate exceeds this per interval (0.0005 = 0.05 %); 0 = none.
 */
public record PerpetualLimits(
    double[] maxLeverage,
    double maxAccountLeverage,
    double maxMarginRatio,
    double minLiquidationDistance,
    double[] maxFundingRate)
{
    public PerpetualLimits
    {
        if (maxLeverage.length != maxFundingRate.length)
        {
            throw new IllegalArgumentException("perpetual risk limits: one value per product is needed for " +
                "risk.maxLeverage and risk.maxFundingRate");
        }
        for (int i = 0; i < maxLeverage.length; i++)
        {
            require(maxLeverage[i] >= 0, "risk.maxLeverage of product " + i + " must be >= 0 (0 = the venue's maximum)");
            require(maxFundingRate[i] >= 0 && maxFundingRate[i] < 1,
                "risk.maxFundingRate of product " + i + " must be in [0, 1) per funding interval (0 = none)");
        }
        require(maxAccountLeverage >= 0, "risk.maxAccountLeverage must be >= 0 (0 = none)");
        require(maxMarginRatio >= 0 && maxMarginRatio <= 1,
            "risk.maxMarginRatio must be in [0, 1] (maintenance margin over margin balance; 0 = none)");
        require(minLiquidationDistance >= 0 && minLiquidationDistance < 100,
            "risk.minLiquidationDistance must be in [0, 100) percent of the mark (0 = none)");
        maxLeverage = maxLeverage.clone();
        maxFundingRate = maxFundingRate.clone();
    }

    /** Every limit off, for {@code products} instruments. */
    public static PerpetualLimits none(final int products)
    {
        return new PerpetualLimits(new double[products], 0, 0, 0, new double[products]);
    }

    /** True when no limit is on: nothing to write into the settings. */
    public boolean isNone()
    {
        return maxAccountLeverage == 0 && maxMarginRatio == 0 && minLiquidationDistance == 0 &&
            allZero(maxLeverage) && allZero(maxFundingRate);
    }

    /** Adds the {@code risk.*} lines of the limits that are on (none at all when every limit is off). */
    public void encodeInto(final Map<String, String> map)
    {
        if (isNone())
        {
            return;
        }
        map.put("risk.maxLeverage", RiskLimits.joinDoubles(maxLeverage));
        map.put("risk.maxAccountLeverage", Double.toString(maxAccountLeverage));
        map.put("risk.maxMarginRatio", Double.toString(maxMarginRatio));
        map.put("risk.minLiquidationDistance", Double.toString(minLiquidationDistance));
        map.put("risk.maxFundingRate", RiskLimits.joinDoubles(maxFundingRate));
    }

    /** Reads what {@link #encodeInto} wrote; missing lines (spot settings, older journals) are off. */
    public static PerpetualLimits decode(final Map<String, String> map, final int products)
    {
        return new PerpetualLimits(
            split(map.get("risk.maxLeverage"), products, "risk.maxLeverage"),
            Double.parseDouble(map.getOrDefault("risk.maxAccountLeverage", "0")),
            Double.parseDouble(map.getOrDefault("risk.maxMarginRatio", "0")),
            Double.parseDouble(map.getOrDefault("risk.minLiquidationDistance", "0")),
            split(map.get("risk.maxFundingRate"), products, "risk.maxFundingRate"));
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof PerpetualLimits that && Arrays.equals(maxLeverage, that.maxLeverage) &&
            maxAccountLeverage == that.maxAccountLeverage && maxMarginRatio == that.maxMarginRatio &&
            minLiquidationDistance == that.minLiquidationDistance && Arrays.equals(maxFundingRate, that.maxFundingRate);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(maxLeverage) * 31 + Arrays.hashCode(maxFundingRate);
    }

    @Override
    public String toString()
    {
        return "PerpetualLimits[maxLeverage=" + Arrays.toString(maxLeverage) + ", maxAccountLeverage=" +
            maxAccountLeverage + ", maxMarginRatio=" + maxMarginRatio + ", minLiquidationDistance=" +
            minLiquidationDistance + ", maxFundingRate=" + Arrays.toString(maxFundingRate) + "]";
    }

    private static boolean allZero(final double[] values)
    {
        for (final double value : values)
        {
            if (value != 0)
            {
                return false;
            }
        }
        return true;
    }

    /** The per-product values of {@code key}, or all 0 when the settings do not have it. */
    private static double[] split(final String text, final int expected, final String key)
    {
        return text == null ? new double[expected] : RiskLimits.splitDoubles(text, expected, key);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
