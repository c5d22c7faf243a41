package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/** The bar being built: open, high, low, close, volume and trade count, as primitives. */
final class OpenBar
{
    long open;
    long high;
    long low;
    long close;
    long volume;
    int trades;
    long firstTimeNanos;
    long lastTimeNanos;

    void add(final long price, final long quantity, final long timeNanos)
    {
        if (trades == 0)
        {
            open = price;
            high = price;
            low = price;
            firstTimeNanos = timeNanos;
        }
        else
        {
            if (price > high)
            {
                high = price;
            }
            if (price < low)
            {
                low = price;
            }
        }
        close = price;
        volume += quantity;
        trades++;
        lastTimeNanos = timeNanos;
    }

    void clear()
    {
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        volume = 0;
        trades = 0;
        firstTimeNanos = 0;
        lastTimeNanos = 0;
    }

    long hash(final long seed)
    {
        long h = Hash64.mix(seed, open);
        h = Hash64.mix(h, high);
        h = Hash64.mix(h, low);
        h = Hash64.mix(h, close);
        h = Hash64.mix(h, volume);
        h = Hash64.mix(h, trades);
        h = Hash64.mix(h, firstTimeNanos);
        return Hash64.mix(h, lastTimeNanos);
    }
}
