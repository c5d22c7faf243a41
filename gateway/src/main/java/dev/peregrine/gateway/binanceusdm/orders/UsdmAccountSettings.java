package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.core.number.FixedPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the live order path sets on the venue's account at start, from the engine's settings: the leverage of each
 * symbol ({@code POST /fapi/v1/leverage}) and the margin type ({@code POST /fapi/v1/marginType}), so the venue
 * margins positions as the engine's accounting does.
 *
 * @param leverage        leverage by symbol; a symbol not named gets {@code defaultLeverage}.
 * @param defaultLeverage the engine's default leverage (1x unless configured).
 * @param marginType      {@code CROSSED} (the engine's accounting is cross) or {@code ISOLATED}.
 */
public record UsdmAccountSettings(Map<String, Integer> leverage, int defaultLeverage, String marginType)
{
    public UsdmAccountSettings
    {
        leverage = Map.copyOf(leverage);
        if (defaultLeverage < 1 || leverage.values().stream().anyMatch(l -> l < 1))
        {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage + " (default " + defaultLeverage + ")");
        }
        if (!"CROSSED".equals(marginType) && !"ISOLATED".equals(marginType))
        {
            throw new IllegalArgumentException("margin type must be CROSSED or ISOLATED, was " + marginType);
        }
    }

    /** The engine's defaults: 1x on every symbol, cross margin. */
    public static UsdmAccountSettings defaults()
    {
        return new UsdmAccountSettings(Map.of(), 1, "CROSSED");
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
        final Map<String, Integer> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < leverage.length; i++)
        {
            bySymbol.put(products.get(i), (int)Math.max(1, leverage[i] / FixedPoint.SCALE));
        }
        return new UsdmAccountSettings(bySymbol, 1, marginType);
    }

    public int leverageOf(final String symbol)
    {
        return leverage.getOrDefault(symbol, defaultLeverage);
    }
}
