package dev.peregrine.gateway.orders;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The order adapters' memory of finished orders (filled, cancelled, rejected): the most recent {@link #KEPT} are
 * kept, so that a venue update arriving after the order finished (a fill that crossed the cancel, a repeated
 * FILLED) still finds its order; older ones are forgotten. Without it an adapter kept every order it ever sent, and a
 * daemon placing ten orders a second grew by about 500 bytes an order for as long as it ran (found by the 2-hour
 * soak: old generation +83% of live set). Order-adapter thread only.
 *
 * @param <T> the adapter's tracked order
 */
public final class FinishedOrders<T>
{
    /** Finished orders remembered: minutes of orders at the venues' own rate limits. */
    public static final int KEPT = 4096;

    private final ArrayDeque<T> finished = new ArrayDeque<>();
    private final int kept;
    private final Consumer<T> forget;

    /** @param forget takes an order out of the adapter's lookups once it is older than the {@code kept} most recent */
    public FinishedOrders(final int kept, final Consumer<T> forget)
    {
        if (kept < 1)
        {
            throw new IllegalArgumentException("kept must be at least 1, was " + kept);
        }
        this.kept = kept;
        this.forget = forget;
    }

    /** An order just finished (call once per order). */
    public void finished(final T order)
    {
        finished.addLast(order);
        while (finished.size() > kept)
        {
            forget.accept(finished.pollFirst());
        }
    }

    /** Finished orders remembered now. */
    public int size()
    {
        return finished.size();
    }
}
