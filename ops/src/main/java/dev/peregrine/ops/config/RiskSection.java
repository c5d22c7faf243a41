package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.PerpetualLimits;
import dev.peregrine.core.risk.RiskLimits;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code risk:} to {@link RiskLimits}. Per-product limits default to what the demo uses (an order may be
 * twice the order size, the position four times), so a file names only the limits it means to change;
 * account-wide limits default to off (0), as in {@link RiskLimits#basic}. The perpetual limits ({@link PerpetualLimits}:
 * leverage, margin ratio, liquidation distance, funding rate) are off by default and may be set only where a perpetual
 * product is configured, the per-product ones only on a perpetual product.
 */
final class RiskSection
{
    private RiskSection()
    {
    }

    /** @param perpetuals the configured products that are perpetual futures in the catalog. */
    static RiskLimits read(final ConfigSection risk, final EngineSettings defaults, final Set<String> perpetuals)
    {
        final List<String> products = defaults.products();
        final int n = products.size();
        final long[] maxOrder = defaults.maxOrderQuantity();
        final long[] maxPosition = defaults.maxPosition();
        final double[] maxNotional = new double[n];
        final double[] band = new double[n];
        java.util.Arrays.fill(band, RiskLimits.DEFAULT_PRICE_BAND);
        final double[] maxLeverage = new double[n];
        final double[] maxFundingRate = new double[n];
        final ConfigSection perProduct = risk.section("products");
        perProduct.acceptAnyKey();
        for (final String product : perProduct.keys())
        {
            final int i = products.indexOf(product);
            if (i < 0)
            {
                perProduct.problem(product, product, "one of the configured products (" + String.join(", ", products) + ")");
                continue;
            }
            final ConfigSection limits = perProduct.section(product);
            maxOrder[i] = scaled(limits, "max_order", maxOrder[i]);
            maxPosition[i] = scaled(limits, "max_position", maxPosition[i]);
            maxNotional[i] = Double.parseDouble(limits.decimal("max_order_notional", "0", true));
            band[i] = limits.fraction("price_band", RiskLimits.DEFAULT_PRICE_BAND);
            maxLeverage[i] = perpetualOnly(limits, "max_leverage", perpetuals.contains(product),
                Double.parseDouble(limits.decimal("max_leverage", "0", true)));
            maxFundingRate[i] = perpetualOnly(limits, "max_funding_rate", perpetuals.contains(product),
                limits.fraction("max_funding_rate", 0));
            if (maxOrder[i] > maxPosition[i])
            {
                limits.problem("max_order", FixedPoint.toString(maxOrder[i]),
                    "at most max_position (" + FixedPoint.toString(maxPosition[i]) + "): an order larger than the " +
                        "position limit could never pass");
            }
            limits.finish();
        }
        final double grossExposure = Double.parseDouble(risk.decimal("max_gross_exposure", "0", true));
        final double dailyLoss = Double.parseDouble(risk.decimal("daily_loss_limit", "0", true));
        final double drawdown = Double.parseDouble(risk.decimal("trailing_drawdown_limit", "0", true));
        final int ordersPerSecond = (int) risk.integer("max_orders_per_second", 0, 0, 1_000_000);
        final int ordersPerMinute = (int) risk.integer("max_orders_per_minute", 0, 0, 60_000_000);
        final int cancelsPerSecond = (int) risk.integer("max_cancels_per_second", 0, 0, 1_000_000);
        final int cancelsPerMinute = (int) risk.integer("max_cancels_per_minute", 0, 0, 60_000_000);
        if (ordersPerSecond > 0 && ordersPerMinute > 0 && ordersPerMinute < ordersPerSecond)
        {
            risk.problem("max_orders_per_minute", ordersPerMinute, "at least max_orders_per_second (" + ordersPerSecond + ")");
        }
        final PerpetualLimits perpetual = perpetual(risk, !perpetuals.isEmpty(), maxLeverage, maxFundingRate);
        final ZoneId zone = zone(risk);
        final int start = minute(risk, "window_start", 0);
        final int end = minute(risk, "window_end", 1440);
        if (start >= end)
        {
            risk.problem("window_end", risk.string("window_end", "24:00"),
                "a time after window_start (" + risk.string("window_start", "00:00") + ")");
        }
        final Set<DayOfWeek> days = days(risk);
        final MarketSanitySettings sanity = MarketDataSection.read(risk.section("market_data"));
        risk.finish();
        try
        {
            return new RiskLimits(maxOrder, maxNotional, maxPosition, band, grossExposure, dailyLoss, drawdown,
                ordersPerSecond, ordersPerMinute, cancelsPerSecond, cancelsPerMinute, zone,
                Math.min(start, end), Math.max(end, start + 1), days, sanity).withPerpetual(perpetual);
        }
        catch (final IllegalArgumentException ex)
        {
            // Only reachable with a problem already recorded (the values were replaced by defaults).
            return RiskLimits.basic(defaults.maxOrderQuantity(), defaults.maxPosition());
        }
    }

    /**
     * {@code max_account_leverage}, {@code max_margin_ratio} (a fraction of the margin balance, at most 1) and
     * {@code min_liquidation_distance} (percent of the mark), with the per-product values read beside the others.
     */
    private static PerpetualLimits perpetual(final ConfigSection risk, final boolean anyPerpetual, final double[] maxLeverage,
        final double[] maxFundingRate)
    {
        final double accountLeverage = perpetualOnly(risk, "max_account_leverage", anyPerpetual,
            Double.parseDouble(risk.decimal("max_account_leverage", "0", true)));
        double marginRatio = perpetualOnly(risk, "max_margin_ratio", anyPerpetual,
            Double.parseDouble(risk.decimal("max_margin_ratio", "0", true)));
        if (marginRatio > 1)
        {
            risk.problem("max_margin_ratio", marginRatio, "a fraction of the margin balance in [0, 1], e.g. 0.5 " +
                "(the venue liquidates at 1)");
            marginRatio = 0;
        }
        double distance = perpetualOnly(risk, "min_liquidation_distance", anyPerpetual,
            Double.parseDouble(risk.decimal("min_liquidation_distance", "0", true)));
        if (distance >= 100)
        {
            risk.problem("min_liquidation_distance", distance, "a percent of the mark in [0, 100), e.g. 10");
            distance = 0;
        }
        return new PerpetualLimits(maxLeverage, accountLeverage, marginRatio, distance, maxFundingRate);
    }

    /** {@code value}, or 0 with a problem when it is set where no perpetual product is (a limit that could never act). */
    private static double perpetualOnly(final ConfigSection section, final String key, final boolean perpetual,
        final double value)
    {
        if (value != 0 && !perpetual)
        {
            section.problem(key, value, "no value here: a limit on perpetual products only, and " +
                (section.path("").startsWith("risk.products.") ? "this product is spot" : "no perpetual product is configured"));
            return 0;
        }
        return value;
    }

    private static long scaled(final ConfigSection section, final String key, final long defaultValue)
    {
        final String text = section.decimal(key, null, false);
        if (text == null)
        {
            return defaultValue;
        }
        final long value = FixedPoint.parse(text);
        if (FixedPoint.isError(value))
        {
            section.problem(key, text, "a quantity with at most " + FixedPoint.DECIMALS + " decimals");
            return defaultValue;
        }
        return value;
    }

    private static ZoneId zone(final ConfigSection risk)
    {
        final String text = risk.string("zone", "UTC");
        try
        {
            return ZoneId.of(text);
        }
        catch (final DateTimeException ex)
        {
            risk.problem("zone", text, "a time zone such as UTC or America/New_York");
            return ZoneId.of("UTC");
        }
    }

    /** "HH:MM" as minutes of the day; "24:00" is the end of the day. */
    private static int minute(final ConfigSection risk, final String key, final int defaultValue)
    {
        final String text = risk.string(key, null);
        if (text == null)
        {
            return defaultValue;
        }
        if (text.equals("24:00"))
        {
            return 1440;
        }
        try
        {
            final LocalTime time = LocalTime.parse(text);
            return time.getHour() * 60 + time.getMinute();
        }
        catch (final DateTimeParseException ex)
        {
            risk.problem(key, text, "a time of day HH:MM (24:00 for the end of the day)");
            return defaultValue;
        }
    }

    private static Set<DayOfWeek> days(final ConfigSection risk)
    {
        final List<String> names = risk.strings("trading_days", null);
        if (names == null)
        {
            return EnumSet.allOf(DayOfWeek.class);
        }
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (final String name : names)
        {
            final DayOfWeek day = day(name);
            if (day == null)
            {
                risk.problem("trading_days", name, "days MON..SUN");
            }
            else
            {
                days.add(day);
            }
        }
        if (days.isEmpty())
        {
            risk.problem("trading_days", names, "at least one day MON..SUN");
            return EnumSet.allOf(DayOfWeek.class);
        }
        return days;
    }

    private static DayOfWeek day(final String text)
    {
        final String t = text.trim().toUpperCase(Locale.ROOT);
        for (final DayOfWeek day : DayOfWeek.values())
        {
            if (t.length() >= 3 && day.name().startsWith(t))
            {
                return day;
            }
        }
        return null;
    }
}
