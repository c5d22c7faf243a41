package dev.peregrine.core.instrument;

/**
 * A tradable product as the engine sees it: a dense integer id for arrays on the hot path, the venue's
 * symbol for people, and the increments that valid prices and sizes are multiples of (scaled longs).
 *
 * @param id             dense, from 0, in registration order.
 * @param symbol         the venue's symbol.
 * @param priceIncrement the tick: valid prices are multiples of it.
 * @param sizeIncrement  the lot: valid sizes are multiples of it.
 */
public record Instrument(int id, String symbol, long priceIncrement, long sizeIncrement)
{
    public Instrument
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
    }

    @Override
    public String toString()
    {
        return symbol + "#" + id;
    }
}
