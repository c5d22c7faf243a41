package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.number.FixedPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration's {@code perpetual:} section, checked: the collateral the account starts with and, per perpetual
 * product, the leverage and margin type the engine sizes margin with (and a live venue sets at start).
 *
 * @param collateral collateral in the settlement currency (FixedPoint).
 * @param products   per perpetual product, in the order of the configuration's {@code products}; spot products have none.
 */
public record PerpetualSettings(long collateral, Map<String, Product> products)
{
    /** Collateral when the file names none: what the engine's settings default to. */
    public static final long DEFAULT_COLLATERAL = EngineSettings.DEFAULT_COLLATERAL;
    /** Leverage when a perpetual product names none: 1x, no borrowed exposure. */
    public static final long DEFAULT_LEVERAGE = EngineSettings.DEFAULT_LEVERAGE;

    /** Cross margin shares the account's collateral across positions; isolated gives each position its own. */
    public enum MarginType
    {
        CROSS, ISOLATED;

        /** The configuration's spelling: {@code cross} or {@code isolated}. */
        public String configName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One perpetual product's terms.
     *
     * @param leverage    FixedPoint, at least 1 and at most the venue's maximum for the product.
     * @param maxLeverage the venue's maximum (FixedPoint) from the catalog, 0 when the catalog gives none.
     */
    public record Product(String symbol, long leverage, MarginType marginType, long maxLeverage)
    {
    }

    public PerpetualSettings
    {
        products = Map.copyOf(products);
    }

    /** No perpetual product configured. */
    public boolean isEmpty()
    {
        return products.isEmpty();
    }

    /**
     * {@code settings} with this collateral and each perpetual product's leverage; spot products keep 1x (the engine
     * ignores it). Settings without a perpetual product are returned as they are, so a spot journal's settings stay
     * what they were.
     */
    public EngineSettings applyTo(final EngineSettings settings)
    {
        if (products.isEmpty() && collateral == DEFAULT_COLLATERAL)
        {
            return settings;
        }
        final List<String> symbols = settings.products();
        final long[] leverage = new long[symbols.size()];
        for (int i = 0; i < leverage.length; i++)
        {
            final Product p = products.get(symbols.get(i));
            leverage[i] = p == null ? DEFAULT_LEVERAGE : p.leverage();
        }
        return settings.withMargin(collateral, leverage);
    }

    /**
     * What a live venue is told, per instrument id ({@code settings}' product order): the settings' leverage (this
     * section's, applied by {@link #applyTo}) and each product's margin type; spot products and those the section
     * leaves out are cross.
     */
    public dev.peregrine.gateway.venue.PerpetualAccountTerms accountTerms(final EngineSettings settings)
    {
        final List<String> symbols = settings.products();
        final boolean[] isolated = new boolean[symbols.size()];
        for (int i = 0; i < isolated.length; i++)
        {
            final Product p = products.get(symbols.get(i));
            isolated[i] = p != null && p.marginType() == MarginType.ISOLATED;
        }
        return new dev.peregrine.gateway.venue.PerpetualAccountTerms(settings.leverage(), isolated);
    }

    /** {@code config check}'s lines: one per perpetual product, then the collateral. */
    public List<String> lines(final List<String> order)
    {
        final List<String> lines = new ArrayList<>();
        for (final String symbol : order)
        {
            final Product p = products.get(symbol);
            if (p != null)
            {
                lines.add("perpetual " + symbol + ": leverage " + FixedPoint.toString(p.leverage()) + "x, " +
                    p.marginType().configName() + " margin" + (p.maxLeverage() > 0 ? " (venue maximum " +
                    FixedPoint.toString(p.maxLeverage()) + "x)" : ""));
            }
        }
        if (!lines.isEmpty())
        {
            lines.add("perpetual collateral: " + FixedPoint.toString(collateral));
        }
        return lines;
    }
}
