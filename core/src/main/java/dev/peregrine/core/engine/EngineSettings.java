package dev.peregrine.core.engine;

import dev.peregrine.core.strategy.config.StrategySpec;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.MovingAverageCrossover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that shapes the core's decisions: the products (their order fixes the instrument ids),
 * the strategy parameters and the risk limits. The journal header stores {@link #encode()}, and a
 * replay rebuilds the core from {@link #decode(String)}, so it decides exactly as the live run did.
 *
 * <p>Quantities are scaled longs per instrument, in the order of {@link #products()}.
 */
public final class EngineSettings
{
    private final List<String> products;
    private final int fastWindow;
    private final int slowWindow;
    private final long[] orderQuantity;
    private final RiskLimits risk;
    private final ExitRules exits;
    private final PaperVenueSettings paperVenue;
    /** An order the venue has not answered (new or cancel) for this long expires; 0 = never. */
    private final long venueTimeoutNanos;
    /** The crossover's order style: false crosses with market orders, true joins the touch with limits. */
    private final boolean passiveOrders;
    /** True: orders go to a live venue and its answers come back as VENUE_* events; false: the paper venue. */
    private final boolean liveVenue;
    /** Configured strategies in id order; empty runs the moving-average crossover of the fields above. */
    private final List<StrategySpec> strategies;
    /**
     * One order's size in quote currency, converted at the current price when an order is sized; 0 sizes
     * by {@link #orderQuantity()} alone (the catalog's reference price), as journals before it did.
     */
    private final double orderNotional;
    /** The default crossover trades at most once per this much event time per product; 0 = on every cross. */
    private final long minHoldNanos;

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final long[] maxOrderQuantity,
        final long[] maxPosition)
    {
        this(products, fastWindow, slowWindow, orderQuantity, maxOrderQuantity, maxPosition, PaperVenueSettings.DEFAULT);
    }

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final long[] maxOrderQuantity,
        final long[] maxPosition,
        final PaperVenueSettings paperVenue)
    {
        this(products, fastWindow, slowWindow, orderQuantity, RiskLimits.basic(maxOrderQuantity, maxPosition), paperVenue);
    }

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final RiskLimits risk,
        final PaperVenueSettings paperVenue)
    {
        this(products, fastWindow, slowWindow, orderQuantity, risk, ExitRules.none(products.size()), paperVenue,
            DEFAULT_VENUE_TIMEOUT_NANOS);
    }

    /** Ten seconds: far beyond any healthy answer, short enough that a lost order does not linger. */
    public static final long DEFAULT_VENUE_TIMEOUT_NANOS = 10_000_000_000L;

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final RiskLimits risk,
        final ExitRules exits,
        final PaperVenueSettings paperVenue,
        final long venueTimeoutNanos)
    {
        this(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue, venueTimeoutNanos, false);
    }

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final RiskLimits risk,
        final ExitRules exits,
        final PaperVenueSettings paperVenue,
        final long venueTimeoutNanos,
        final boolean passiveOrders)
    {
        this(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue, venueTimeoutNanos, passiveOrders,
            false);
    }

    public EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final RiskLimits risk,
        final ExitRules exits,
        final PaperVenueSettings paperVenue,
        final long venueTimeoutNanos,
        final boolean passiveOrders,
        final boolean liveVenue)
    {
        this(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue, venueTimeoutNanos, passiveOrders,
            liveVenue, List.of(), 0.0, 0L);
    }

    private EngineSettings(
        final List<String> products,
        final int fastWindow,
        final int slowWindow,
        final long[] orderQuantity,
        final RiskLimits risk,
        final ExitRules exits,
        final PaperVenueSettings paperVenue,
        final long venueTimeoutNanos,
        final boolean passiveOrders,
        final boolean liveVenue,
        final List<StrategySpec> strategies,
        final double orderNotional,
        final long minHoldNanos)
    {
        this.strategies = List.copyOf(strategies);
        if (!(orderNotional >= 0) || Double.isInfinite(orderNotional))
        {
            throw new IllegalArgumentException("order notional must be a finite number >= 0 (0 = fixed quantities), got " +
                orderNotional);
        }
        this.orderNotional = orderNotional;
        if (minHoldNanos < 0)
        {
            throw new IllegalArgumentException("minimum holding time must be >= 0 (0 = none), got " + minHoldNanos);
        }
        this.minHoldNanos = minHoldNanos;
        this.passiveOrders = passiveOrders;
        this.liveVenue = liveVenue;
        if (products.isEmpty())
        {
            throw new IllegalArgumentException("at least one product is needed");
        }
        final int n = products.size();
        if (orderQuantity.length != n || risk.instrumentCount() != n || exits.instrumentCount() != n)
        {
            throw new IllegalArgumentException("one order quantity and one of each per-product limit per product are needed");
        }
        this.products = List.copyOf(products);
        this.fastWindow = fastWindow;
        this.slowWindow = slowWindow;
        this.orderQuantity = orderQuantity.clone();
        this.risk = risk;
        this.exits = exits;
        this.paperVenue = paperVenue;
        if (venueTimeoutNanos < 0)
        {
            throw new IllegalArgumentException("venue time-out must be >= 0 (0 = never)");
        }
        this.venueTimeoutNanos = venueTimeoutNanos;
    }

    /** The same settings with other paper-venue assumptions. */
    public EngineSettings withPaperVenue(final PaperVenueSettings venue)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, venue, venueTimeoutNanos,
            passiveOrders, liveVenue, strategies, orderNotional, minHoldNanos);
    }

    /** The same settings with other exit rules. */
    public EngineSettings withExits(final ExitRules rules)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, rules, paperVenue, venueTimeoutNanos,
            passiveOrders, liveVenue, strategies, orderNotional, minHoldNanos);
    }

    /** The same settings with another venue time-out. */
    public EngineSettings withVenueTimeout(final long nanos)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue, nanos,
            passiveOrders, liveVenue, strategies, orderNotional, minHoldNanos);
    }

    /** The same settings with the crossover joining the touch with limit orders (true) or crossing (false). */
    public EngineSettings withPassiveOrders(final boolean passive)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passive, liveVenue, strategies, orderNotional, minHoldNanos);
    }

    /** The same settings with orders going to a live venue (true) or the paper venue (false). */
    public EngineSettings withLiveVenue(final boolean live)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passiveOrders, live, strategies, orderNotional, minHoldNanos);
    }

    /** The same settings running {@code specs} (ids 1, 2, ... in order) instead of the default crossover. */
    public EngineSettings withStrategies(final List<StrategySpec> specs)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passiveOrders, liveVenue, specs, orderNotional, minHoldNanos);
    }

    /** The same settings sizing orders at {@code notional} quote currency at the current price (0: fixed quantities). */
    public EngineSettings withOrderNotional(final double notional)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passiveOrders, liveVenue, strategies, notional, minHoldNanos);
    }

    /** The same settings with the default crossover holding each position at least {@code nanos} (event time). */
    public EngineSettings withMinHold(final long nanos)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passiveOrders, liveVenue, strategies, orderNotional, nanos);
    }

    /** The default crossover's minimum holding time, nanoseconds of event time; 0 trades on every cross. */
    public long minHoldNanos()
    {
        return minHoldNanos;
    }

    /** One order's size in quote currency at the current price; 0 means the fixed {@link #orderQuantity()}. */
    public double orderNotional()
    {
        return orderNotional;
    }

    /** Configured strategies; empty means the default moving-average crossover. */
    public List<StrategySpec> strategies()
    {
        return strategies;
    }

    /** How many strategies the core runs: the configured ones, or its one default crossover when none is. */
    public int strategyCount()
    {
        return strategies.isEmpty() ? 1 : strategies.size();
    }

    public boolean liveVenue()
    {
        return liveVenue;
    }

    public boolean passiveOrders()
    {
        return passiveOrders;
    }

    public ExitRules exits()
    {
        return exits;
    }

    public long venueTimeoutNanos()
    {
        return venueTimeoutNanos;
    }

    /** The same settings with other risk limits. */
    public EngineSettings withRisk(final RiskLimits limits)
    {
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, limits, exits, paperVenue, venueTimeoutNanos,
            passiveOrders, liveVenue, strategies, orderNotional, minHoldNanos);
    }

    public RiskLimits risk()
    {
        return risk;
    }

    public PaperVenueSettings paperVenue()
    {
        return paperVenue;
    }

    /**
     * Defaults for a set of catalog products: each order is worth about {@code orderNotional} in quote
     * currency at the current price when it is sized (see {@code OrderSizer}); the fixed quantities here,
     * at the catalog's reference price (rounded down to the size increment, at least one increment), are
     * the fallback before any price is known and the base of the limits: an order may be up to twice that
     * and the position up to four times.
     */
    public static EngineSettings defaults(final List<String> products, final double orderNotional)
    {
        final int n = products.size();
        final long[] order = new long[n];
        final long[] maxOrder = new long[n];
        final long[] maxPos = new long[n];
        for (int i = 0; i < n; i++)
        {
            final ProductCatalog.Product product = ProductCatalog.find(products.get(i));
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + products.get(i) + "' (known: " +
                    String.join(",", ProductCatalog.symbols()) + ")");
            }
            final long raw = FixedPoint.fromDouble(orderNotional / FixedPoint.toDouble(product.referencePrice()));
            order[i] = Math.max(product.sizeIncrement(), FixedPoint.floorToIncrement(raw, product.sizeIncrement()));
            maxOrder[i] = order[i] * 2;
            maxPos[i] = order[i] * 4;
        }
        return new EngineSettings(products, 10, 30, order, maxOrder, maxPos).withOrderNotional(orderNotional)
            .withMinHold(MovingAverageCrossover.DEFAULT_MIN_HOLD_NANOS)
            .withRisk(RiskLimits.defaults(maxOrder, maxPos)); // fail closed: price band and market-data sanity on
    }

    public List<String> products()
    {
        return products;
    }

    public int fastWindow()
    {
        return fastWindow;
    }

    public int slowWindow()
    {
        return slowWindow;
    }

    public long[] orderQuantity()
    {
        return orderQuantity.clone();
    }

    public long[] maxOrderQuantity()
    {
        return risk.maxOrderQuantity.clone();
    }

    public long[] maxPosition()
    {
        return risk.maxPosition.clone();
    }

    public InstrumentRegistry instrumentRegistry()
    {
        return ProductCatalog.registryFor(products);
    }

    /** Stable text form, one {@code key=value} a line, for the journal header. */
    public String encode()
    {
        final Map<String, String> map = new LinkedHashMap<>();
        map.put("products", String.join(",", products));
        map.put("strategy", "ma-crossover");
        map.put("strategy.fastWindow", Integer.toString(fastWindow));
        map.put("strategy.slowWindow", Integer.toString(slowWindow));
        map.put("strategy.orderQuantity", join(orderQuantity));
        map.put("strategy.orderType", passiveOrders ? "limit" : "market");
        // Only when set, so journals sized by fixed quantities keep their header (and their digest).
        if (orderNotional > 0)
        {
            map.put("strategy.orderNotional", Double.toString(orderNotional));
        }
        if (minHoldNanos > 0)
        {
            map.put("strategy.minHoldNanos", Long.toString(minHoldNanos));
        }
        map.put("venue.mode", liveVenue ? "live" : "paper");
        // Configured strategies only when there are some, so journals of crossover-only runs keep their header.
        for (int i = 0; i < strategies.size(); i++)
        {
            map.put("strategies." + (i + 1), strategies.get(i).toString());
        }
        risk.encodeInto(map);
        exits.encodeInto(map);
        map.put("venue.timeoutNanos", Long.toString(venueTimeoutNanos));
        map.put("paper.orderLatencyNanos", Long.toString(paperVenue.orderLatencyNanos()));
        map.put("paper.cancelLatencyNanos", Long.toString(paperVenue.cancelLatencyNanos()));
        map.put("paper.fillLatencyNanos", Long.toString(paperVenue.fillLatencyNanos()));
        map.put("paper.makerFeeBps", Double.toString(paperVenue.makerFeeBps()));
        map.put("paper.takerFeeBps", Double.toString(paperVenue.takerFeeBps()));
        // The touch model is what journals recorded before fill models existed: it is the absence of the keys.
        if (paperVenue.fillModel() != FillModel.TOUCH)
        {
            map.put("paper.fillModel", paperVenue.fillModel().cliName());
            map.put("paper.participation", Double.toString(paperVenue.participation()));
            map.put("paper.fillWindowNanos", Long.toString(paperVenue.fillWindowNanos()));
            map.put("paper.slippageBps", Double.toString(paperVenue.slippageBps()));
        }
        final StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Parses {@link #encode()}'s output; throws with the offending key when something is off. */
    public static EngineSettings decode(final String text)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String line : text.split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("settings line without '=': " + line);
            }
            map.put(line.substring(0, eq), line.substring(eq + 1));
        }
        final List<String> products = Arrays.asList(require(map, "products").split(","));
        return new EngineSettings(
            products,
            Integer.parseInt(require(map, "strategy.fastWindow")),
            Integer.parseInt(require(map, "strategy.slowWindow")),
            split(require(map, "strategy.orderQuantity"), products.size(), "strategy.orderQuantity"),
            RiskLimits.decode(map, products.size()),
            ExitRules.decode(map, products.size()),
            new PaperVenueSettings(
                Long.parseLong(require(map, "paper.orderLatencyNanos")),
                Long.parseLong(require(map, "paper.cancelLatencyNanos")),
                Long.parseLong(require(map, "paper.fillLatencyNanos")),
                Double.parseDouble(require(map, "paper.makerFeeBps")),
                Double.parseDouble(require(map, "paper.takerFeeBps")),
                decodeFillModel(map),
                Double.parseDouble(map.getOrDefault("paper.participation",
                    Double.toString(PaperVenueSettings.DEFAULT_PARTICIPATION))),
                Long.parseLong(map.getOrDefault("paper.fillWindowNanos",
                    Long.toString(PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS))),
                Double.parseDouble(map.getOrDefault("paper.slippageBps",
                    Double.toString(PaperVenueSettings.DEFAULT_SLIPPAGE_BPS)))),
            Long.parseLong(map.getOrDefault("venue.timeoutNanos", Long.toString(DEFAULT_VENUE_TIMEOUT_NANOS))),
            "limit".equals(map.getOrDefault("strategy.orderType", "market")),
            "live".equals(map.getOrDefault("venue.mode", "paper")))
            .withStrategies(decodeStrategies(map))
            .withOrderNotional(Double.parseDouble(map.getOrDefault("strategy.orderNotional", "0")))
            .withMinHold(Long.parseLong(map.getOrDefault("strategy.minHoldNanos", "0")));
    }

    private static FillModel decodeFillModel(final Map<String, String> map)
    {
        final String text = map.get("paper.fillModel");
        if (text == null)
        {
            return FillModel.TOUCH;
        }
        final FillModel model = FillModel.parse(text);
        if (model == null)
        {
            throw new IllegalArgumentException("settings 'paper.fillModel' is '" + text + "', not one of " + FillModel.names());
        }
        return model;
    }

    private static List<StrategySpec> decodeStrategies(final Map<String, String> map)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        for (int i = 1; map.containsKey("strategies." + i); i++)
        {
            specs.add(StrategySpec.parse(map.get("strategies." + i), "strategy-" + i));
        }
        return specs;
    }

    /** A short fingerprint of the settings, printed with results and stored in the journal header. */
    public long digest()
    {
        long h = Hash64.SEED;
        for (final byte b : encode().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        {
            h = Hash64.mix(h, b);
        }
        return h;
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

    private static String join(final long[] scaled)
    {
        final List<String> parts = new ArrayList<>(scaled.length);
        for (final long v : scaled)
        {
            parts.add(FixedPoint.toString(v));
        }
        return String.join(",", parts);
    }

    private static long[] split(final String text, final int expected, final String key)
    {
        final String[] parts = text.split(",");
        if (parts.length != expected)
        {
            throw new IllegalArgumentException("settings '" + key + "' has " + parts.length + " values, expected " + expected);
        }
        final long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = FixedPoint.parseOrThrow(key, parts[i]);
        }
        return values;
    }
}
