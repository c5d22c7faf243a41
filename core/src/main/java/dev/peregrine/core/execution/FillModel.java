package dev.peregrine.core.execution;

import java.util.Locale;

/**
 * How much of a market order the paper venue fills when the data shows less liquidity than the order
 * wants. On a recorded L2 book every model first walks the book level by level; the models differ in
 * what happens to the rest.
 * <ul>
 *   <li>{@link #TOUCH}: only what is displayed (the book, the quoted touch, or on trade-only data the
 *       printed size of the last trade); the rest is cancelled at once.</li>
 *   <li>{@link #VOLUME}: the order takes what is displayed, then keeps working: each later trade on the
 *       instrument fills a participation share of its size, and each new book message lets it walk the
 *       refreshed book, until it is done or its window ends (the rest is then cancelled).</li>
 *   <li>{@link #UNLIMITED}: the rest fills at once at the last price taken (the touch with no book)
 *       worsened by a fixed slippage in bps.</li>
 * </ul>
 */
public enum FillModel
{
    TOUCH,
    VOLUME,
    UNLIMITED;

    /** The name on the command line and in configs. */
    public String cliName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The model named {@code text} (case-insensitive), or null when there is none. */
    public static FillModel parse(final String text)
    {
        for (final FillModel model : values())
        {
            if (model.cliName().equalsIgnoreCase(text.trim()))
            {
                return model;
            }
        }
        return null;
    }

    /** The accepted names, for error messages. */
    public static String names()
    {
        return "touch, volume, unlimited";
    }
}
