package dev.peregrine.gateway.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Binance depth levels as its JSON writes them ({@code [["price","quantity"], ...]}, read by {@link TestJson})
 * applied to one side of an independent test book: a quantity of 0 removes the level. The capture tests of the
 * gateway and the demo-replay test of ops rebuild books with it, sharing none of the decoder's code.
 */
public final class PriceLevelPairs
{
    private PriceLevelPairs()
    {
    }

    @SuppressWarnings("unchecked")
    public static void apply(final Map<BigDecimal, BigDecimal> side, final List<Object> levels)
    {
        for (final Object level : levels)
        {
            final List<Object> pair = (List<Object>)level;
            final BigDecimal price = new BigDecimal((String)pair.get(0));
            final BigDecimal quantity = new BigDecimal((String)pair.get(1));
            if (quantity.signum() == 0)
            {
                side.remove(price);
            }
            else
            {
                side.put(price, quantity);
            }
        }
    }
}
