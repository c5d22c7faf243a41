package dev.peregrine.core.risk;

import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.number.FixedPoint;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every pre-trade limit, as settings: per instrument where a limit is about one product (order size,
 * notional, position, price band), engine-wide where it is about the account (exposure, loss, rates,
 * trading window). Part of the engine settings, so the journal header records them and a replay judges
 * orders by the same limits. A limit of 0 means "no limit" for the optional ones, as noted.
 */
public final class RiskLimits
{
    public final long[] maxOrderQuantity;
    /** Quote currency; 0 = none. */
    public final double[] maxOrderNotional;
    public final long[] maxPosition;
    /**
     * Fraction of the mark a price may deviate, e.g. 0.05 = 5 %; 0 = none. On by default at
     * {@link #DEFAULT_PRICE_BAND} in {@link #defaults} and the daemon's configuration.
     */
    public final double[] priceBand;
    /** The default fat-finger band: 5 % from the mark, wider than any real spread, narrower than any absurd price. */
    public static final double DEFAULT_PRICE_BAND = 0.05;
    /** Bounds market data must keep to be believed (not a pre-trade check: it drops data before strategies see it). */
    public final MarketSanitySettings sanity;
    /** Sum of |position| x mark plus open orders, quote currency; 0 = none. */
    public final double maxGrossExposure;
    /** Loss from the day's start (realized after fees + unrealized) that stops new risk; 0 = none. */
    public final double dailyLossLimit;
    /** Drop from the day's equity peak that stops new risk; 0 = none. */
    public final double trailingDrawdownLimit;
    public final int maxOrdersPerSecond;
    public final int maxOrdersPerMinute;
    public final int maxCancelsPerSecond;
    public final int maxCancelsPerMinute;
    /** Trading window: zone, first and last minute of the day (inclusive start, exclusive end), days. */
    public final ZoneId zone;
    public final int windowStartMinute;
    public final int windowEndMinute;
    public final Set<DayOfWeek> tradingDays;
    /** Leverage, margin ratio, liquidation distance and funding limits: perpetual instruments only; all off by default. */
    public final PerpetualLimits perpetual;

    public RiskLimits(
        final long[] maxOrderQuantity,
        final double[] maxOrderNotional,
        final long[] maxPosition,
        final double[] priceBand,
        final double maxGrossExposure,
        final double dailyLossLimit,
        final double trailingDrawdownLimit,
        final int maxOrdersPerSecond,
        final int maxOrdersPerMinute,
        final int maxCancelsPerSecond,
        final int maxCancelsPerMinute,
        final ZoneId zone,
        final int windowStartMinute,
        final int windowEndMinute,
        final Set<DayOfWeek> tradingDays,
        final MarketSanitySettings sanity)
    {
        final int n = maxOrderQuantity.length;
        if (maxOrderNotional.length != n || maxPosition.length != n || priceBand.length != n)
        {
            throw new IllegalArgumentException("risk limits: one value per product is needed for every per-product limit");
        }
        for (int i = 0; i < n; i++)
        {
            require(maxOrderQuantity[i] > 0, "risk.maxOrderQuantity of product " + i + " must be > 0");
            require(maxPosition[i] > 0, "risk.maxPosition of product " + i + " must be > 0");
            require(maxOrderNotional[i] >= 0, "risk.maxOrderNotional of product " + i + " must be >= 0 (0 = none)");
            require(priceBand[i] >= 0 && priceBand[i] < 1, "risk.priceBand of product " + i + " must be in [0, 1)");
        }
        require(maxGrossExposure >= 0, "risk.maxGrossExposure must be >= 0 (0 = none)");
        require(dailyLossLimit >= 0, "risk.dailyLossLimit must be >= 0 (a positive amount; 0 = none)");
        require(trailingDrawdownLimit >= 0, "risk.trailingDrawdownLimit must be >= 0 (0 = none)");
        require(maxOrdersPerSecond >= 0 && maxOrdersPerMinute >= 0 && maxCancelsPerSecond >= 0 && maxCancelsPerMinute >= 0,
            "risk order and cancel rates must be >= 0 (0 = none)");
        require(windowStartMinute >= 0 && windowEndMinute <= 1440 && windowStartMinute < windowEndMinute,
            "risk trading window must satisfy 0 <= start < end <= 1440 minutes");
        require(!tradingDays.isEmpty(), "risk.tradingDays must name at least one day");
        this.maxOrderQuantity = maxOrderQuantity.clone();
        this.maxOrderNotional = maxOrderNotional.clone();
        this.maxPosition = maxPosition.clone();
        this.priceBand = priceBand.clone();
        this.maxGrossExposure = maxGrossExposure;
        this.dailyLossLimit = dailyLossLimit;
        this.trailingDrawdownLimit = trailingDrawdownLimit;
        this.maxOrdersPerSecond = maxOrdersPerSecond;
        this.maxOrdersPerMinute = maxOrdersPerMinute;
        this.maxCancelsPerSecond = maxCancelsPerSecond;
        this.maxCancelsPerMinute = maxCancelsPerMinute;
        this.zone = zone;
        this.windowStartMinute = windowStartMinute;
        this.windowEndMinute = windowEndMinute;
        this.tradingDays = EnumSet.copyOf(tradingDays);
        this.sanity = java.util.Objects.requireNonNull(sanity, "sanity");
        this.perpetual = PerpetualLimits.none(n);
    }

    /** {@code base} with {@code perpetual} limits ({@link #withPerpetual}). */
    private RiskLimits(final RiskLimits base, final PerpetualLimits perpetual)
    {
        if (perpetual.maxLeverage().length != base.instrumentCount())
        {
            throw new IllegalArgumentException("risk limits: one value per product is needed for every per-product limit");
        }
        this.maxOrderQuantity = base.maxOrderQuantity;
        this.maxOrderNotional = base.maxOrderNotional;
        this.maxPosition = base.maxPosition;
        this.priceBand = base.priceBand;
        this.maxGrossExposure = base.maxGrossExposure;
        this.dailyLossLimit = base.dailyLossLimit;
        this.trailingDrawdownLimit = base.trailingDrawdownLimit;
        this.maxOrdersPerSecond = base.maxOrdersPerSecond;
        this.maxOrdersPerMinute = base.maxOrdersPerMinute;
        this.maxCancelsPerSecond = base.maxCancelsPerSecond;
        this.maxCancelsPerMinute = base.maxCancelsPerMinute;
        this.zone = base.zone;
        this.windowStartMinute = base.windowStartMinute;
        this.windowEndMinute = base.windowEndMinute;
        this.tradingDays = base.tradingDays;
        this.sanity = base.sanity;
        this.perpetual = perpetual;
    }

    /** These limits with other market-data bounds. */
    public RiskLimits withSanity(final MarketSanitySettings bounds)
    {
        return new RiskLimits(maxOrderQuantity, maxOrderNotional, maxPosition, priceBand, maxGrossExposure, dailyLossLimit,
            trailingDrawdownLimit, maxOrdersPerSecond, maxOrdersPerMinute, maxCancelsPerSecond, maxCancelsPerMinute, zone,
            windowStartMinute, windowEndMinute, tradingDays, bounds).withPerpetual(perpetual);
    }

    /** These limits with other perpetual limits (leverage, margin ratio, liquidation distance, funding). */
    public RiskLimits withPerpetual(final PerpetualLimits limits)
    {
        return new RiskLimits(this, limits);
    }

    /**
     * Only the two walking-skeleton limits; everything optional is off, market-data sanity included; trading
     * around the clock in UTC. For tests and embedding code that feed synthetic prices: an engine a user
     * runs starts from {@link #defaults}.
     */
    public static RiskLimits basic(final long[] maxOrderQuantity, final long[] maxPosition)
    {
        final int n = maxOrderQuantity.length;
        return new RiskLimits(maxOrderQuantity, new double[n], maxPosition, new double[n], 0, 0, 0, 0, 0, 0, 0,
            ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.OFF);
    }

    /**
     * What every engine a user runs (demo, backtest, the daemon before its configuration) starts from: the
     * two size limits, fail closed: the price band at {@link #DEFAULT_PRICE_BAND} and market-data sanity at
     * {@link MarketSanitySettings#DEFAULTS}.
     */
    public static RiskLimits defaults(final long[] maxOrderQuantity, final long[] maxPosition)
    {
        final int n = maxOrderQuantity.length;
        final double[] band = new double[n];
        java.util.Arrays.fill(band, DEFAULT_PRICE_BAND);
        return new RiskLimits(maxOrderQuantity, new double[n], maxPosition, band, 0, 0, 0, 0, 0, 0, 0,
            ZoneId.of("UTC"), 0, 1440, EnumSet.allOf(DayOfWeek.class), MarketSanitySettings.DEFAULTS);
    }

    public int instrumentCount()
    {
        return maxOrderQuantity.length;
    }

    /** Adds this object's settings lines ({@code risk.*}) to {@code map}, in a stable order. */
    public void encodeInto(final Map<String, String> map)
    {
        map.put("risk.maxOrderQuantity", joinScaled(maxOrderQuantity));
        map.put("risk.maxOrderNotional", joinDoubles(maxOrderNotional));
        map.put("risk.maxPosition", joinScaled(maxPosition));
        map.put("risk.priceBand", joinDoubles(priceBand));
        map.put("risk.maxGrossExposure", Double.toString(maxGrossExposure));
        map.put("risk.dailyLossLimit", Double.toString(dailyLossLimit));
        map.put("risk.trailingDrawdownLimit", Double.toString(trailingDrawdownLimit));
        map.put("risk.maxOrdersPerSecond", Integer.toString(maxOrdersPerSecond));
        map.put("risk.maxOrdersPerMinute", Integer.toString(maxOrdersPerMinute));
        map.put("risk.maxCancelsPerSecond", Integer.toString(maxCancelsPerSecond));
        map.put("risk.maxCancelsPerMinute", Integer.toString(maxCancelsPerMinute));
        map.put("risk.zone", zone.getId());
        map.put("risk.windowStartMinute", Integer.toString(windowStartMinute));
        map.put("risk.windowEndMinute", Integer.toString(windowEndMinute));
        final List<String> days = new ArrayList<>();
        for (final DayOfWeek day : tradingDays)
        {
            days.add(day.name().substring(0, 3));
        }
        map.put("risk.tradingDays", String.join(",", days));
        sanity.encodeInto(map);
        perpetual.encodeInto(map);
    }

    /** Reads what {@link #encodeInto} wrote; optional keys missing from older settings take their off value. */
    public static RiskLimits decode(final Map<String, String> map, final int products)
    {
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (final String day : map.getOrDefault("risk.tradingDays", "MON,TUE,WED,THU,FRI,SAT,SUN").split(","))
        {
            days.add(parseDay(day));
        }
        return new RiskLimits(
            splitScaled(require(map, "risk.maxOrderQuantity"), products, "risk.maxOrderQuantity"),
            splitDoubles(map.getOrDefault("risk.maxOrderNotional", zeros(products)), products, "risk.maxOrderNotional"),
            splitScaled(require(map, "risk.maxPosition"), products, "risk.maxPosition"),
            splitDoubles(map.getOrDefault("risk.priceBand", zeros(products)), products, "risk.priceBand"),
            Double.parseDouble(map.getOrDefault("risk.maxGrossExposure", "0")),
            Double.parseDouble(map.getOrDefault("risk.dailyLossLimit", "0")),
            Double.parseDouble(map.getOrDefault("risk.trailingDrawdownLimit", "0")),
            Integer.parseInt(map.getOrDefault("risk.maxOrdersPerSecond", "0")),
            Integer.parseInt(map.getOrDefault("risk.maxOrdersPerMinute", "0")),
            Integer.parseInt(map.getOrDefault("risk.maxCancelsPerSecond", "0")),
            Integer.parseInt(map.getOrDefault("risk.maxCancelsPerMinute", "0")),
            ZoneId.of(map.getOrDefault("risk.zone", "UTC")),
            Integer.parseInt(map.getOrDefault("risk.windowStartMinute", "0")),
            Integer.parseInt(map.getOrDefault("risk.windowEndMinute", "1440")),
            days,
            MarketSanitySettings.decode(map)).withPerpetual(PerpetualLimits.decode(map, products));
    }

    static DayOfWeek parseDay(final String text)
    {
        final String t = text.trim().toUpperCase(Locale.ROOT);
        for (final DayOfWeek day : DayOfWeek.values())
        {
            if (day.name().startsWith(t) && t.length() >= 3)
            {
                return day;
            }
        }
        throw new IllegalArgumentException("risk.tradingDays: '" + text + "' is not a day (use MON..SUN)");
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    private static String require(final Map<String, String> map, final String key)
    {
        final String value = map.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("settings miss '" + key + "'");
        }
        return value;
    }

    private static String zeros(final int n)
    {
        return String.join(",", java.util.Collections.nCopies(n, "0"));
    }

    private static String joinScaled(final long[] values)
    {
        final List<String> parts = new ArrayList<>();
        for (final long v : values)
        {
            parts.add(FixedPoint.toString(v));
        }
        return String.join(",", parts);
    }

    static String joinDoubles(final double[] values)
    {
        final List<String> parts = new ArrayList<>();
        for (final double v : values)
        {
            parts.add(Double.toString(v));
        }
        return String.join(",", parts);
    }

    private static long[] splitScaled(final String text, final int expected, final String key)
    {
        final String[] parts = split(text, expected, key);
        final long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = FixedPoint.parseOrThrow(key, parts[i]);
        }
        return values;
    }

    static double[] splitDoubles(final String text, final int expected, final String key)
    {
        final String[] parts = split(text, expected, key);
        final double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    private static String[] split(final String text, final int expected, final String key)
    {
        final String[] parts = text.split(",");
        if (parts.length != expected)
        {
            throw new IllegalArgumentException("settings '" + key + "' has " + parts.length + " values, expected " + expected);
        }
        return parts;
    }
}
