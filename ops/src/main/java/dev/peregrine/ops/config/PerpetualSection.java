package dev.peregrine.ops.config;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code perpetual:} to {@link PerpetualSettings}: {@code collateral} and, under {@code products}, each perpetual
 * product's {@code leverage} and {@code margin_type}. A product named here must be configured and be a perpetual in the
 * catalog; its leverage must lie within the venue's maximum. Perpetual products the section leaves out trade at 1x
 * cross, so a file names only what it changes.
 */
final class PerpetualSection
{
    /** Binance USD-M's highest bracket (125x): the bound where a catalog gives no maximum. */
    private static final long LEVERAGE_CEILING = 125L * FixedPoint.SCALE;

    private PerpetualSection()
    {
    }

    static PerpetualSettings read(final ConfigSection perpetual, final List<String> products, final ProductCatalog catalog)
    {
        final long collateral = positive(perpetual, "collateral", PerpetualSettings.DEFAULT_COLLATERAL);
        final Map<String, PerpetualSettings.Product> terms = new LinkedHashMap<>();
        for (final String symbol : products)
        {
            final PerpetualTerms perp = perpetualOf(catalog, symbol);
            if (perp != null)
            {
                terms.put(symbol, new PerpetualSettings.Product(symbol, PerpetualSettings.DEFAULT_LEVERAGE,
                    PerpetualSettings.MarginType.CROSS, perp.maxLeverage()));
            }
        }
        final ConfigSection perProduct = perpetual.section("products");
        perProduct.acceptAnyKey();
        for (final String symbol : perProduct.keys())
        {
            final ConfigSection section = perProduct.section(symbol);
            if (!products.contains(symbol))
            {
                perProduct.problem(symbol, symbol, "one of the configured products (" + String.join(", ", products) + ")");
                continue;
            }
            final PerpetualSettings.Product defaults = terms.get(symbol);
            if (defaults == null)
            {
                perProduct.problem(symbol, symbol, "a perpetual product: " + symbol + " is spot in the catalog" +
                    (terms.isEmpty() ? "" : " (perpetuals: " + String.join(", ", terms.keySet()) + ")"));
                continue;
            }
            final long ceiling = defaults.maxLeverage() > 0 ? defaults.maxLeverage() : LEVERAGE_CEILING;
            long leverage = positive(section, "leverage", defaults.leverage());
            if (leverage < FixedPoint.SCALE || leverage > ceiling)
            {
                section.problem("leverage", FixedPoint.toString(leverage), "a leverage from 1 to " +
                    FixedPoint.toString(ceiling) + (defaults.maxLeverage() > 0 ? " (the venue's maximum for " + symbol + ")" : ""));
                leverage = defaults.leverage();
            }
            final String margin = section.choice("margin_type", "cross", List.of("cross", "isolated"));
            section.finish();
            terms.put(symbol, new PerpetualSettings.Product(symbol, leverage,
                PerpetualSettings.MarginType.valueOf(margin.toUpperCase(java.util.Locale.ROOT)), defaults.maxLeverage()));
        }
        perpetual.finish();
        if (terms.isEmpty() && collateral != PerpetualSettings.DEFAULT_COLLATERAL)
        {
            perpetual.problem("collateral", FixedPoint.toString(collateral), "no value here: collateral is for " +
                "perpetual products, and every configured product is spot");
            return new PerpetualSettings(PerpetualSettings.DEFAULT_COLLATERAL, terms);
        }
        return new PerpetualSettings(collateral, terms);
    }

    /** The product's perpetual terms, or null for a spot product or one the catalog does not list. */
    static PerpetualTerms perpetualOf(final ProductCatalog catalog, final String symbol)
    {
        final ProductCatalog.Product product = catalog.find(symbol);
        return product == null ? null : product.perpetual();
    }

    /** A FixedPoint number above 0, or the default with a problem recorded. */
    private static long positive(final ConfigSection section, final String key, final long defaultValue)
    {
        final String text = section.decimal(key, null, false);
        if (text == null)
        {
            return defaultValue;
        }
        final long value = FixedPoint.parse(text);
        if (FixedPoint.isError(value))
        {
            section.problem(key, text, "a number with at most " + FixedPoint.DECIMALS + " decimals");
            return defaultValue;
        }
        return value;
    }
}
