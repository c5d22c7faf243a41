package dev.peregrine.core.strategy;

import dev.peregrine.core.execution.PaperLiquidations;

import dev.peregrine.core.execution.OrderEvents;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

import java.util.List;

/**
 * The strategies of one engine, in id order. Market events go to every strategy (each decides whether
 * the instrument concerns it); order events go only to the strategy whose id the order carries. A
 * strategy that failed is skipped; the others are unaffected.
 */
public final class StrategySet implements OrderEvents, PaperLiquidations.Holders
{
    private final StrategyRunner[] runners;

    public StrategySet(final List<StrategyRunner> runners)
    {
        this.runners = runners.toArray(new StrategyRunner[0]);
        for (int i = 0; i < this.runners.length; i++)
        {
            if (this.runners[i].strategyId() != i + 1)
            {
                throw new IllegalArgumentException("strategy ids must be 1.." + this.runners.length + " in order");
            }
        }
    }

    public void beginEvent(final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.beginEvent(timeNanos);
        }
    }

    public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onTrade(instrumentId, price, quantity, side, timeNanos);
        }
    }

    /** A trade the venue sent as history: to each strategy's warm-up callback only. */
    public void onSnapshotTrade(
        final int instrumentId, final long price, final long quantity, final int side, final long printedNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onSnapshotTrade(instrumentId, price, quantity, side, printedNanos);
        }
    }

    public void onQuote(final int instrumentId, final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onQuote(instrumentId, timeNanos);
        }
    }

    public void onBook(final int instrumentId, final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onBook(instrumentId, timeNanos);
        }
    }

    public void onFeedStatus(final int instrumentId, final boolean healthy, final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onFeedStatus(instrumentId, healthy, timeNanos);
        }
    }

    /** A closed candle that is its interval's market data ({@code CandleFlags.BAR}): to candle-bar subscribers. */
    public void onCandle(final int instrumentId, final long startNanos, final long open, final long high,
        final long low, final long close, final long volume)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onCandle(instrumentId, startNanos, open, high, low, close, volume);
        }
    }

    public void onClock(final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.onClock(timeNanos);
        }
    }

    /** Called once per event after the market callbacks: timers that fell due fire now. */
    public void fireTimers(final long timeNanos)
    {
        for (final StrategyRunner runner : runners)
        {
            runner.fireTimers(timeNanos);
        }
    }

    @Override
    public void onAccepted(final Order order, final long timeNanos)
    {
        final StrategyRunner runner = owner(order.strategyId());
        if (runner != null)
        {
            runner.onAccepted(order, timeNanos);
        }
    }

    @Override
    public void onFill(final Order order, final long quantity, final long price, final double fee, final long timeNanos)
    {
        final StrategyRunner runner = owner(order.strategyId());
        if (runner != null)
        {
            runner.onFill(order, quantity, price, fee, timeNanos);
        }
    }

    @Override
    public void onCancelled(final Order order, final long timeNanos)
    {
        final StrategyRunner runner = owner(order.strategyId());
        if (runner != null)
        {
            runner.onCancelled(order, timeNanos);
        }
    }

    @Override
    public void onExpired(final Order order, final long timeNanos)
    {
        final StrategyRunner runner = owner(order.strategyId());
        if (runner != null)
        {
            runner.onExpired(order, timeNanos);
        }
    }

    @Override
    public void onRejected(final int strategyId, final long orderId, final int instrumentId, final int side,
        final long quantity, final RejectReason reason, final long timeNanos)
    {
        final StrategyRunner runner = owner(strategyId);
        if (runner != null)
        {
            runner.onRejected(orderId, instrumentId, reason, timeNanos);
        }
    }

    /** Strategy 0 is the engine itself (exits, flatten): nobody to tell. */
    private StrategyRunner owner(final int strategyId)
    {
        return strategyId >= 1 && strategyId <= runners.length ? runners[strategyId - 1] : null;
    }

    public int count()
    {
        return runners.length;
    }

    @Override
    public int strategyId(final int index)
    {
        return runners[index].strategyId();
    }

    @Override
    public long position(final int index, final int instrumentId)
    {
        return runners[index].positions().quantity(instrumentId);
    }

    /** The strategy with id {@code index + 1}. */
    public StrategyRunner get(final int index)
    {
        return runners[index];
    }

    /** The strategy with that name, or null. */
    public StrategyRunner byName(final String name)
    {
        for (final StrategyRunner runner : runners)
        {
            if (runner.name().equals(name))
            {
                return runner;
            }
        }
        return null;
    }

    public int disabledCount()
    {
        int n = 0;
        for (final StrategyRunner runner : runners)
        {
            if (!runner.enabled())
            {
                n++;
            }
        }
        return n;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, runners.length);
        for (final StrategyRunner runner : runners)
        {
            h = runner.hash(h);
        }
        return h;
    }
}
