package dev.peregrine.core.engine;

import dev.peregrine.core.strategy.config.StrategySpec;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.MovingAverageCrossover;

import java.util.List;

/**
 * Everything that shapes the core's decisions: the products (their order fixes the instrument ids),
 * the strategy parameters and the risk limits. The journal header stores {@link #encode()}, and a
 * replay rebuilds the core from {@link #decode(String)}, so it decides exactly as the live run did.
 *
 * <p>Quantities are scaled longs per instrument, in the order of {@link #products()}. Immutable; made
 * by {@link #builder} (or {@link #toBuilder()}), whose {@code conclude()} is the one place settings
 * are checked (the canonical constructor only takes defensive copies); the text form is
 * {@link SettingsText}'s.
 *
 * @param venueTimeoutNanos an order the venue has not answered (new or cancel) for this long expires; 0 = never.
 * @param passiveOrders     the crossover's order style: false crosses with market orders, true joins the touch
 *                          with limits.
 * @param liveVenue         true: orders go to a live venue and its answers come back as VENUE_* events; false:
 *                          the paper venue.
 * @param strategies        configured strategies in id order; empty runs the moving-average crossover of the
 *                          fields above.
 * @param orderNotional     one order's size in quote currency, converted at the current price when an order is
 *                          sized; 0 sizes by {@link #orderQuantity()} alone (the catalog's reference price), as
 *                          journals before it did.
 * @param minHoldNanos      the default crossover trades at most once per this much event time per product;
 *                          0 = on every cross.
 * @param collateral        perpetuals: the margin account's starting balance, settlement currency, FixedPoint.
 * @param leverage          perpetuals: the leverage per product, FixedPoint, in product order (spot ignores it).
 */
public record EngineSettings(
    List<String> products,
    int fastWindow,
    int slowWindow,
    long[] orderQuantity,
    RiskLimits risk,
    ExitRules exits,
    PaperVenueSettings paperVenue,
    long venueTimeoutNanos,
    boolean passiveOrders,
    boolean liveVenue,
    List<StrategySpec> strategies,
    double orderNotional,
    long minHoldNanos,
    long collateral,
    long[] leverage)
{
    /** The perpetual margin account's balance unless configured: 10,000 of the settlement currency. */
    public static final long DEFAULT_COLLATERAL = 10_000 * FixedPoint.SCALE;
    /** Leverage unless configured: 1x. */
    public static final long DEFAULT_LEVERAGE = FixedPoint.SCALE;

    /** Ten seconds: far beyond any healthy answer, short enough that a lost order does not linger. */
    public static final long DEFAULT_VENUE_TIMEOUT_NANOS = 10_000_000_000L;

    /** Copies the lists and the quantities, so the settings stay immutable; checks are the builder's. */
    public EngineSettings
    {
        products = List.copyOf(products);
        orderQuantity = orderQuantity.clone();
        strategies = List.copyOf(strategies);
        leverage = leverage.clone();
    }

    /** The one way to make settings: set what differs from the defaults, then {@link EngineSettingsBuilder#build()}. */
    public static EngineSettingsBuilder builder(final List<String> products)
    {
        return new EngineSettingsBuilder(products);
    }

    /** A builder holding these settings, to change some of them. */
    public EngineSettingsBuilder toBuilder()
    {
        return new EngineSettingsBuilder(products).windows(fastWindow, slowWindow).orderQuantity(orderQuantity).risk(risk).exits(exits)
            .paperVenue(paperVenue).venueTimeoutNanos(venueTimeoutNanos).passiveOrders(passiveOrders).liveVenue(liveVenue)
            .strategies(strategies).orderNotional(orderNotional).minHoldNanos(minHoldNanos).collateral(collateral)
            .leverage(leverage);
    }

    /** The same settings with other paper-venue assumptions. */
    public EngineSettings withPaperVenue(final PaperVenueSettings venue)
    {
        return toBuilder().paperVenue(venue).build();
    }

    /** The same settings with other exit rules. */
    public EngineSettings withExits(final ExitRules rules)
    {
        return toBuilder().exits(rules).build();
    }

    /** The same settings with another venue time-out. */
    public EngineSettings withVenueTimeout(final long nanos)
    {
        return toBuilder().venueTimeoutNanos(nanos).build();
    }

    /** The same settings with the crossover joining the touch with limit orders (true) or crossing (false). */
    public EngineSettings withPassiveOrders(final boolean passive)
    {
        return toBuilder().passiveOrders(passive).build();
    }

    /** The same settings with orders going to a live venue (true) or the paper venue (false). */
    public EngineSettings withLiveVenue(final boolean live)
    {
        return toBuilder().liveVenue(live).build();
    }

    /** The same settings running {@code specs} (ids 1, 2, ... in order) instead of the default crossover. */
    public EngineSettings withStrategies(final List<StrategySpec> specs)
    {
        return toBuilder().strategies(specs).build();
    }

    /** The same settings sizing orders at {@code notional} quote currency at the current price (0: fixed quantities). */
    public EngineSettings withOrderNotional(final double notional)
    {
        return toBuilder().orderNotional(notional).build();
    }

    /** The same settings with the default crossover holding each position at least {@code nanos} (event time). */
    public EngineSettings withMinHold(final long nanos)
    {
        return toBuilder().minHoldNanos(nanos).build();
    }

    /** How many strategies the core runs: the configured ones, or its one default crossover when none is. */
    public int strategyCount()
    {
        return strategies.isEmpty() ? 1 : strategies.size();
    }

    /** The same settings with other risk limits. */
    public EngineSettings withRisk(final RiskLimits limits)
    {
        return toBuilder().risk(limits).build();
    }

    /**
     * Defaults for a set of {@code catalog}'s products: each order is worth about {@code orderNotional} in quote
     * currency at the current price when it is sized (see {@code OrderSizer}); the fixed quantities here,
     * at the catalog's reference price (rounded down to the size increment, at least one increment), are
     * the fallback before any price is known and the base of the limits: an order may be up to twice that
     * and the position up to four times.
     */
    public static EngineSettings defaults(final ProductCatalog catalog, final List<String> products,
        final double orderNotional)
    {
        final int n = products.size();
        final long[] order = new long[n];
        final long[] maxOrder = new long[n];
        final long[] maxPos = new long[n];
        for (int i = 0; i < n; i++)
        {
            final ProductCatalog.Product product = catalog.find(products.get(i));
            if (product == null)
            {
                throw new IllegalArgumentException("unknown product '" + products.get(i) + "' (known: " +
                    String.join(",", catalog.symbols()) + ")");
            }
            final long raw = FixedPoint.fromDouble(orderNotional / FixedPoint.toDouble(product.referencePrice()));
            order[i] = Math.max(product.sizeIncrement(), FixedPoint.floorToIncrement(raw, product.sizeIncrement()));
            maxOrder[i] = order[i] * 2;
            maxPos[i] = order[i] * 4;
        }
        return builder(products).windows(10, 30).orderQuantity(order).orderNotional(orderNotional)
            .minHoldNanos(MovingAverageCrossover.DEFAULT_MIN_HOLD_NANOS)
            .risk(RiskLimits.defaults(maxOrder, maxPos)) // fail closed: price band and market-data sanity on
            .build();
    }

    /** One order's quantity per product, scaled: a copy, so the settings stay immutable. */
    @Override
    public long[] orderQuantity()
    {
        return orderQuantity.clone();
    }

    /** The leverage per product, FixedPoint: a copy, so the settings stay immutable. */
    @Override
    public long[] leverage()
    {
        return leverage.clone();
    }

    /** The same settings with another collateral (FixedPoint) and leverage per product (FixedPoint). */
    public EngineSettings withMargin(final long collateral, final long[] leverage)
    {
        return toBuilder().collateral(collateral).leverage(leverage).build();
    }

    public long[] maxOrderQuantity()
    {
        return risk.maxOrderQuantity.clone();
    }

    public long[] maxPosition()
    {
        return risk.maxPosition.clone();
    }

    /** The products, in order, as instruments with {@code catalog}'s increments. */
    public InstrumentRegistry instrumentRegistry(final ProductCatalog catalog)
    {
        return catalog.registryFor(products);
    }

    /** Stable text form, one {@code key=value} a line, for the journal header ({@link SettingsText}). */
    public String encode()
    {
        return SettingsText.encode(this);
    }

    /** Parses {@link #encode()}'s output; throws with the offending key when something is off. */
    public static EngineSettings decode(final String text)
    {
        return SettingsText.decode(text);
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
}
