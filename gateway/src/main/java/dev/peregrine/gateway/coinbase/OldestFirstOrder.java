package dev.peregrine.gateway.coinbase;

/**
 * The order a frame's trades are published in: oldest first by (time, trade id). Whatever order a frame
 * lists its trades in, per product the ring then sees time and trade id rise, which {@link SeenTradeIds}
 * relies on. Pre-allocated for {@link CoinbaseMarketDataDecoder#MAX_TRADES_PER_FRAME} trades; decoder
 * thread only, no allocation.
 */
final class OldestFirstOrder
{
    private final long[] sortTime = new long[CoinbaseMarketDataDecoder.MAX_TRADES_PER_FRAME];
    private final long[] sortId = new long[CoinbaseMarketDataDecoder.MAX_TRADES_PER_FRAME];
    private final int[] order = new int[CoinbaseMarketDataDecoder.MAX_TRADES_PER_FRAME];

    /** Trade {@code i} of the frame happened at {@code timeNanos} with id {@code tradeId}. */
    void set(final int i, final long timeNanos, final long tradeId)
    {
        sortTime[i] = timeNanos;
        sortId[i] = tradeId;
    }

    /** The index of the {@code k}-th oldest trade, after {@link #sort}. */
    int get(final int k)
    {
        return order[k];
    }

    /**
     * Sorts {@code 0..n-1} oldest first. The venue lists newest first, so a reversed list is turned round in
     * one pass and the insertion sort that follows only fixes what is still out of place (for a real frame,
     * nothing): linear for every real frame, no allocation.
     */
    void sort(final int n)
    {
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        if (n > 1 && older(n - 1, 0))
        {
            for (int i = 0, j = n - 1; i < j; i++, j--)
            {
                final int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        for (int i = 1; i < n; i++)
        {
            final int entry = order[i];
            int j = i - 1;
            while (j >= 0 && older(entry, order[j]))
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = entry;
        }
    }

    private boolean older(final int a, final int b)
    {
        return sortTime[a] < sortTime[b] || (sortTime[a] == sortTime[b] && sortId[a] < sortId[b]);
    }
}
