package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.config.StrategySpec;

import java.util.Arrays;
import java.util.List;

/**
 * Collects settings and checks them in one place, {@link #conclude()} (as Aeron's {@code Context} does):
 * what is not set takes its default there, and every rule that settings must obey is checked there,
 * with a message naming the fix. Not thread-safe; build, then share the immutable result.
 */
public final class EngineSettingsBuilder
{
    final List<String> products;
    int fastWindow = 10;
    int slowWindow = 30;
    long[] orderQuantity;
    RiskLimits risk;
    ExitRules exits;
    PaperVenueSettings paperVenue = PaperVenueSettings.DEFAULT;
    long venueTimeoutNanos = EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS;
    boolean passiveOrders;
    boolean liveVenue;
    List<StrategySpec> strategies = List.of();
    double orderNotional;
    long minHoldNanos;
    long collateral = EngineSettings.DEFAULT_COLLATERAL;
    long[] leverage;

    EngineSettingsBuilder(final List<String> products)
    {
        this.products = products;
    }

    /** The default crossover's fast and slow moving-average windows (defaults 10 and 30). */
    public EngineSettingsBuilder windows(final int fast, final int slow)
    {
        this.fastWindow = fast;
        this.slowWindow = slow;
        return this;
    }

    /** One order's quantity per product, scaled, in product order (required). */
    public EngineSettingsBuilder orderQuantity(final long[] quantity)
    {
        this.orderQuantity = quantity;
        return this;
    }

    /** The risk limits (required, or {@link #limits}). */
    public EngineSettingsBuilder risk(final RiskLimits limits)
    {
        this.risk = limits;
        return this;
    }

    /** Basic risk limits: the largest order and the largest position per product, scaled. */
    public EngineSettingsBuilder limits(final long[] maxOrderQuantity, final long[] maxPosition)
    {
        return risk(RiskLimits.basic(maxOrderQuantity, maxPosition));
    }

    /** Exit rules (default: none for any product). */
    public EngineSettingsBuilder exits(final ExitRules rules)
    {
        this.exits = rules;
        return this;
    }

    /** The paper venue's assumptions (default {@link PaperVenueSettings#DEFAULT}). */
    public EngineSettingsBuilder paperVenue(final PaperVenueSettings venue)
    {
        this.paperVenue = venue;
        return this;
    }

    /** How long an unanswered order waits before it expires; 0 = never (default {@link EngineSettings#DEFAULT_VENUE_TIMEOUT_NANOS}). */
    public EngineSettingsBuilder venueTimeoutNanos(final long nanos)
    {
        this.venueTimeoutNanos = nanos;
        return this;
    }

    /** The crossover joins the touch with limit orders (true) or crosses with market orders (false, default). */
    public EngineSettingsBuilder passiveOrders(final boolean passive)
    {
        this.passiveOrders = passive;
        return this;
    }

    /** Orders go to a live venue (true) or the paper venue (false, default). */
    public EngineSettingsBuilder liveVenue(final boolean live)
    {
        this.liveVenue = live;
        return this;
    }

    /** Configured strategies, ids 1, 2, ... in order (default: none, the moving-average crossover). */
    public EngineSettingsBuilder strategies(final List<StrategySpec> specs)
    {
        this.strategies = specs;
        return this;
    }

    /** One order's size in quote currency at the current price; 0 (default) sizes by the fixed quantities. */
    public EngineSettingsBuilder orderNotional(final double notional)
    {
        this.orderNotional = notional;
        return this;
    }

    /** The default crossover's minimum holding time in event-time nanoseconds; 0 (default) = none. */
    public EngineSettingsBuilder minHoldNanos(final long nanos)
    {
        this.minHoldNanos = nanos;
        return this;
    }

    /**
     * The perpetual margin account's starting balance, settlement currency, FixedPoint (default
     * {@link EngineSettings#DEFAULT_COLLATERAL}, 10,000). Spot runs ignore it.
     */
    public EngineSettingsBuilder collateral(final long scaled)
    {
        this.collateral = scaled;
        return this;
    }

    /** The leverage per product, FixedPoint, in product order (default 1x each). Spot products ignore theirs. */
    public EngineSettingsBuilder leverage(final long[] scaled)
    {
        this.leverage = scaled;
        return this;
    }

    /**
     * Fills the defaults that depend on other settings and checks every rule.
     *
     * @throws IllegalArgumentException naming the first setting that is off
     */
    public EngineSettingsBuilder conclude()
    {
        if (!(orderNotional >= 0) || Double.isInfinite(orderNotional))
        {
            throw new IllegalArgumentException("order notional must be a finite number >= 0 (0 = fixed quantities), got " +
                orderNotional);
        }
        if (minHoldNanos < 0)
        {
            throw new IllegalArgumentException("minimum holding time must be >= 0 (0 = none), got " + minHoldNanos);
        }
        if (products == null || products.isEmpty())
        {
            throw new IllegalArgumentException("at least one product is needed");
        }
        final int n = products.size();
        if (orderQuantity == null || risk == null || paperVenue == null || strategies == null)
        {
            throw new IllegalArgumentException("order quantities, risk limits, paper-venue settings and strategies are " +
                "needed: set orderQuantity(..) and risk(..) or limits(..)");
        }
        if (exits == null)
        {
            exits = ExitRules.none(n);
        }
        if (orderQuantity.length != n || risk.instrumentCount() != n || exits.instrumentCount() != n)
        {
            throw new IllegalArgumentException("one order quantity and one of each per-product limit per product are needed");
        }
        if (venueTimeoutNanos < 0)
        {
            throw new IllegalArgumentException("venue time-out must be >= 0 (0 = never)");
        }
        if (collateral <= 0)
        {
            throw new IllegalArgumentException("collateral must be > 0, got " + FixedPoint.toString(collateral));
        }
        if (leverage == null)
        {
            leverage = new long[n];
            Arrays.fill(leverage, EngineSettings.DEFAULT_LEVERAGE);
        }
        if (leverage.length != n)
        {
            throw new IllegalArgumentException("one leverage per product is needed: " + leverage.length + " for " + n + " products");
        }
        for (int i = 0; i < n; i++)
        {
            if (leverage[i] < FixedPoint.SCALE)
            {
                throw new IllegalArgumentException("leverage of " + products.get(i) + " must be >= 1, got " +
                    FixedPoint.toString(leverage[i]));
            }
        }
        return this;
    }

    /** The settings, once {@link #conclude()} found them sound. */
    public EngineSettings build()
    {
        conclude();
        return new EngineSettings(products, fastWindow, slowWindow, orderQuantity, risk, exits, paperVenue,
            venueTimeoutNanos, passiveOrders, liveVenue, strategies, orderNotional, minHoldNanos, collateral, leverage);
    }
}
