package dev.peregrine.core.indicator;

/**
 * What every indicator shares: it knows when it has seen enough input to produce a value, it can
 * start over, and it folds its whole state into the engine's state hash. The update methods differ by
 * input (a close, a bar's high, low and close, a price and volume), so they live on the classes;
 * single-valued indicators over one series also implement {@link SeriesIndicator}.
 *
 * <p>All implementations are single-threaded (the core thread owns them), O(1) per update (amortised
 * where a class says so), and allocate nothing after construction.
 */
public interface Indicator
{
    /** True once the value is defined: from the update where TA-Lib writes its first output. */
    boolean isReady();

    /** Forgets all input, as if just constructed; allocates nothing. */
    void reset();

    /** Folds the full state (including buffered inputs) into {@code seed}, for determinism checks. */
    long hash(long seed);
}
