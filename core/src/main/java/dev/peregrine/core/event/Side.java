package dev.peregrine.core.event;

/**
 * Order or trade side as an int code, so that events stay primitive. Codes are part of the journal
 * format.
 */
public final class Side
{
    public static final int NONE = 0;
    public static final int BUY = 1;
    public static final int SELL = 2;

    private Side()
    {
    }

    /** +1 for a buy, -1 for a sell: multiply a quantity by it to get a signed position change. */
    public static int sign(final int side)
    {
        return side == BUY ? 1 : side == SELL ? -1 : 0;
    }

    public static int opposite(final int side)
    {
        return side == BUY ? SELL : side == SELL ? BUY : NONE;
    }

    public static String name(final int side)
    {
        return side == BUY ? "BUY" : side == SELL ? "SELL" : "NONE";
    }
}
