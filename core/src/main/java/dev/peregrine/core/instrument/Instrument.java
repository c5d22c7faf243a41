package dev.peregrine.core.instrument;

/**
 * A tradable product as the engine sees it: a dense integer id for arrays on the hot path, the venue's
 * symbol for people, and the increments that valid prices and sizes are multiples of (scaled longs).
 */
public final class Instrument
{
    private final int id;
    private final String symbol;
    private final long priceIncrement;
    private final long sizeIncrement;

    public Instrument(final int id, final String symbol, final long priceIncrement, final long sizeIncrement)
    {
        if (id < 0)
        {
            throw new IllegalArgumentException("instrument id must be >= 0, was " + id);
        }
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("instrument symbol must not be empty");
        }
        if (priceIncrement <= 0 || sizeIncrement <= 0)
        {
            throw new IllegalArgumentException(symbol + ": price and size increments must be > 0");
        }
        this.id = id;
        this.symbol = symbol;
        this.priceIncrement = priceIncrement;
        this.sizeIncrement = sizeIncrement;
    }

    public int id()
    {
        return id;
    }

    public String symbol()
    {
        return symbol;
    }

    public long priceIncrement()
    {
        return priceIncrement;
    }

    public long sizeIncrement()
    {
        return sizeIncrement;
    }

    @Override
    public String toString()
    {
        return symbol + "#" + id;
    }
}
