package dev.peregrine.core.strategy;

import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.output.Hash64;

/**
 * Runs a strategy so that its bugs cost only the strategy: the first callback that throws disables it
 * (every later callback is skipped), counts the failure, and cancels the working orders it left behind.
 * The engine keeps running: risk, exits, operator commands and venue reports still act, and the
 * position stays for the operator (or the exits) to close.
 *
 * <p>This is deterministic: the same input throws the same way live, in recovery and in replay, so the
 * strategy is disabled at the same event in all three. The exception is only stored (one volatile
 * write on that exceptional path); logging it is for a thread other than the core's.
 */
public final class StrategyGuard implements Strategy
{
    private final Strategy strategy;
    private final Runnable cancelWorkingOrders;
    private final SingleWriterCounter failures;
    private boolean enabled = true;
    private long disabledAtNanos;
    private volatile Throwable failure;

    public StrategyGuard(final Strategy strategy, final Runnable cancelWorkingOrders, final SingleWriterCounter failures)
    {
        this.strategy = strategy;
        this.cancelWorkingOrders = cancelWorkingOrders;
        this.failures = failures;
    }

    @Override
    public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
    {
        if (enabled)
        {
            try
            {
                strategy.onTrade(instrumentId, price, quantity, side, timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex, timeNanos);
            }
        }
    }

    @Override
    public void onQuote(final int instrumentId, final long timeNanos)
    {
        if (enabled)
        {
            try
            {
                strategy.onQuote(instrumentId, timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex, timeNanos);
            }
        }
    }

    @Override
    public void onBook(final int instrumentId, final long timeNanos)
    {
        if (enabled)
        {
            try
            {
                strategy.onBook(instrumentId, timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex, timeNanos);
            }
        }
    }

    @Override
    public void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        if (enabled)
        {
            try
            {
                strategy.onFeedStatus(instrumentId, healthy, timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex, timeNanos);
            }
        }
    }

    @Override
    public void onClock(final long timeNanos)
    {
        if (enabled)
        {
            try
            {
                strategy.onClock(timeNanos);
            }
            catch (final RuntimeException ex)
            {
                disable(ex, timeNanos);
            }
        }
    }

    private void disable(final RuntimeException ex, final long timeNanos)
    {
        enabled = false;
        disabledAtNanos = timeNanos;
        failures.increment();
        failure = ex;
        // Orders it placed in this very callback are included: they passed risk and will be sent, so they
        // are cancelled like the rest rather than left working for a strategy that no longer manages them.
        cancelWorkingOrders.run();
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** Event time at which the strategy was disabled; 0 while it runs. */
    public long disabledAtNanos()
    {
        return disabledAtNanos;
    }

    /** The exception that disabled the strategy, or null: for a log line off the core thread. */
    public Throwable failure()
    {
        return failure;
    }

    @Override
    public long hash(final long seed)
    {
        return strategy.hash(Hash64.mix(seed, enabled ? 0 : disabledAtNanos | 1L));
    }
}
