package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * The one place a strategy is called, and what isolates its failures. The first callback that throws
 * disables the strategy (every later callback is skipped), counts the failure, drops its timers and waiting
 * rejections and cancels its working orders; the engine and the other strategies go on. That is
 * deterministic: the same input throws the same way live, in recovery and in replay. The exception is only
 * stored (one volatile write on that exceptional path) for a log line elsewhere.
 *
 * <p>Risk rejections of an order the strategy is submitting are not called back inside the submitting
 * callback (re-entering a strategy mid-decision invites loops); they wait in {@link DeferredRejects} and
 * are told right after it returns. A rejection caused while being told of one is told after the strategy's
 * next callback.
 *
 * <p>Every callback goes through {@link #call} with its arguments spread over primitive parameters (which
 * ones a callback uses is in {@link #invoke}): one try/catch for all of them, no lambda, no allocation.
 */
final class FailureGuard
{
    private final StrategyContext context;
    private final ExecutionEngine execution;
    private final SingleWriterCounter failures;
    private final StrategyTimers timers;
    private final DeferredRejects deferred = new DeferredRejects();
    private final DecisionRecord note;

    private Strategy strategy;
    private boolean inCallback;
    private boolean enabled = true;
    private long disabledAtNanos;
    private volatile Throwable failure;

    /** Guards the strategy of {@code context}: its timers and decision note are the context's own. */
    FailureGuard(final EngineStrategyContext context, final ExecutionEngine execution, final SingleWriterCounter failures)
    {
        this.context = context;
        this.execution = execution;
        this.failures = failures;
        this.timers = context.timers();
        this.note = context.decision();
    }

    void guard(final Strategy strategy)
    {
        this.strategy = strategy;
    }

    /** Rejections waiting to be told after the callback that caused them. */
    DeferredRejects deferred()
    {
        return deferred;
    }

    Strategy strategy()
    {
        return strategy;
    }

    boolean enabled()
    {
        return enabled;
    }

    long disabledAtNanos()
    {
        return disabledAtNanos;
    }

    Throwable failure()
    {
        return failure;
    }

    /**
     * Calls the strategy back unless it is disabled, then tells it the rejections its callback caused.
     * {@code id} is the instrument (the timer for {@link StrategyCallback#TIMER}), {@code a} and {@code b}
     * price and quantity (the order id in {@code a} for a rejection), {@code c} the side (1 for a healthy
     * feed), {@code subject} the order, bar or reject reason.
     */
    void call(final StrategyCallback callback, final int id, final long a, final long b, final int c,
        final long timeNanos, final Object subject)
    {
        if (!enabled)
        {
            return;
        }
        inCallback = true;
        invoke(callback, id, a, b, c, timeNanos, subject);
        afterCallback();
    }

    /** A rejection: told now, or after the callback that caused it if the strategy is inside one. */
    void reject(final long orderId, final int instrumentId, final RejectReason reason, final long timeNanos)
    {
        if (!enabled)
        {
            return;
        }
        if (inCallback)
        {
            deferred.add(orderId, instrumentId, reason, timeNanos);
            return;
        }
        call(StrategyCallback.ORDER_REJECTED, instrumentId, orderId, 0, 0, timeNanos, reason);
    }

    private void afterCallback()
    {
        inCallback = false;
        // An explanation written but not used by an order must not attach itself to a later, unrelated one.
        note.clearExplanation();
        if (deferred.count() == 0)
        {
            return;
        }
        // One round: rejections caused while telling these wait for the next callback (no loops).
        final int round = deferred.count();
        inCallback = true;
        for (int i = 0; i < round && enabled; i++)
        {
            invoke(StrategyCallback.ORDER_REJECTED, deferred.instrumentId(i), deferred.orderId(i), 0, 0,
                deferred.timeNanos(i), deferred.reason(i));
        }
        inCallback = false;
        note.clearExplanation();
        deferred.removeFirst(round);
    }

    private void invoke(final StrategyCallback callback, final int id, final long a, final long b, final int c,
        final long timeNanos, final Object subject)
    {
        try
        {
            switch (callback)
            {
                case TRADE -> strategy.onTrade(id, a, b, c, timeNanos);
                case SNAPSHOT_TRADE -> strategy.onSnapshotTrade(id, a, b, c, timeNanos);
                case QUOTE -> strategy.onQuote(id, timeNanos);
                case BOOK -> strategy.onBook(id, timeNanos);
                case FEED_STATUS -> strategy.onFeedStatus(id, c == 1, timeNanos);
                case CLOCK -> strategy.onClock(timeNanos);
                case BAR -> strategy.onBar((Bar)subject);
                case TIMER -> strategy.onTimer(id, timeNanos);
                case ORDER_ACCEPTED -> strategy.onOrderAccepted((Order)subject, timeNanos);
                case ORDER_PARTIALLY_FILLED -> strategy.onOrderPartiallyFilled((Order)subject, b, a, timeNanos);
                case ORDER_FILLED -> strategy.onOrderFilled((Order)subject, b, a, timeNanos);
                case ORDER_CANCELLED -> strategy.onOrderCancelled((Order)subject, timeNanos);
                case ORDER_EXPIRED -> strategy.onOrderExpired((Order)subject, timeNanos);
                case ORDER_REJECTED -> strategy.onOrderRejected(a, id, (RejectReason)subject, timeNanos);
                default -> throw new IllegalStateException("unknown callback " + callback);
            }
        }
        catch (final RuntimeException ex)
        {
            disable(ex);
        }
    }

    private void disable(final RuntimeException ex)
    {
        if (!enabled)
        {
            return;
        }
        enabled = false;
        disabledAtNanos = context.timeNanos();
        deferred.clear();
        timers.clear();
        failures.increment();
        failure = ex;
        // Orders it placed in this very callback are included: they passed risk and will be sent, so they
        // are cancelled like the rest rather than left working for a strategy that no longer manages them.
        execution.cancelWorkingOrders(context.strategyId());
    }

    /** Running, or the event time it was disabled at, as the runner's hash has always mixed it. */
    long hash(final long seed)
    {
        return Hash64.mix(seed, enabled ? 0 : disabledAtNanos | 1L);
    }
}
