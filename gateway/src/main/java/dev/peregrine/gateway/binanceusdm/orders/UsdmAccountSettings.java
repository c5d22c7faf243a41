package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.PerpetualAccountTerms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the live order path sets on the venue's account at start, from the configuration: the leverage of each
 * symbol ({@code POST /fapi/v1/leverage}) and its margin type ({@code POST /fapi/v1/marginType}, spelled
 * {@code CROSSED} or {@code ISOLATED}), so the venue margins positions as configured.
 *
 * @param leverage          leverage by symbol; a symbol not named gets {@code defaultLeverage}.
 * @param defaultLeverage   the engine's default leverage (1x unless configured).
 * @param marginType        the margin type of a symbol {@code marginTypeBySymbol} does not name: {@code CROSSED} or
 *                          {@code ISOLATED}.
 * @param marginTypeBySymbol margin type by symbol, each {@code CROSSED} or {@code ISOLATED}.
 */
public record UsdmAccountSettings(Map<String, Integer> leverage, int defaultLeverage, String marginType,
    Map<String, String> marginTypeBySymbol)
{
    /** Binance's spelling of cross margin. */
    public static final String CROSSED = "CROSSED";
    /** Binance's spelling of isolated margin. */
    public static final String ISOLATED = "ISOLATED";

    public UsdmAccountSettings
    {
        leverage = Map.copyOf(leverage);
        marginTypeBySymbol = Map.copyOf(marginTypeBySymbol);
        if (defaultLeverage < 1 || leverage.values().stream().anyMatch(l -> l < 1))
        {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage + " (default " + defaultLeverage + ")");
        }
        if (!CROSSED.equals(marginType) && !ISOLATED.equals(marginType) ||
            marginTypeBySymbol.values().stream().anyMatch(t -> !CROSSED.equals(t) && !ISOLATED.equals(t)))
        {
            throw new IllegalArgumentException("margin type must be CROSSED or ISOLATED, was " + marginType +
                (marginTypeBySymbol.isEmpty() ? "" : " " + marginTypeBySymbol));
        }
    }

    /** {@code marginType} on every symbol. */
    public UsdmAccountSettings(final Map<String, Integer> leverage, final int defaultLeverage, final String marginType)
    {
        this(leverage, defaultLeverage, marginType, Map.of());
    }

    /** The engine's defaults: 1x on every symbol, cross margin. */
    public static UsdmAccountSettings defaults()
    {
        return new UsdmAccountSettings(Map.of(), 1, CROSSED);
    }

    /**
     * From the engine's settings: {@code leverage} per product (FixedPoint, in {@code products}' order, as
     * {@code EngineSettings.leverage()}), whole multiples as the venue takes them (a fraction rounds down, at least 1).
     */
    public static UsdmAccountSettings of(final List<String> products, final long[] leverage, final String marginType)
    {
        if (leverage.length != products.size())
        {
            throw new IllegalArgumentException("leverage for " + leverage.length + " products, but " + products.size() +
                " products: " + products);
        }
        final Map<String, String> margins = new LinkedHashMap<>();
        for (final String product : products)
        {
            margins.put(product, marginType);
        }
        return of(products, PerpetualAccountTerms.cross(leverage), margins);
    }

    /**
     * From the configuration's terms, {@code products} in instrument id order: each symbol's leverage in whole
     * multiples (a fraction rounds down, at least 1) and margin type as Binance spells it.
     */
    public static UsdmAccountSettings of(final List<String> products, final PerpetualAccountTerms terms)
    {
        final Map<String, String> margins = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++)
        {
            margins.put(products.get(i), terms.isolated(i) ? ISOLATED : CROSSED);
        }
        return of(products, terms, margins);
    }

    private static UsdmAccountSettings of(final List<String> products, final PerpetualAccountTerms terms,
        final Map<String, String> margins)
    {
        final Map<String, Integer> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < products.size(); i++)
        {
            bySymbol.put(products.get(i), (int)Math.max(1, terms.leverage(i) / FixedPoint.SCALE));
        }
        return new UsdmAccountSettings(bySymbol, 1, CROSSED, margins);
    }

    public int leverageOf(final String symbol)
    {
        return leverage.getOrDefault(symbol, defaultLeverage);
    }

    /** The margin type {@code symbol} is set to: {@code CROSSED} or {@code ISOLATED}. */
    public String marginTypeOf(final String symbol)
    {
        return marginTypeBySymbol.getOrDefault(symbol, marginType);
    }
}
