package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;

/**
 * The frame of a built-in strategy that decides once per closed time bar of one instrument and trades
 * towards a target position ({@link TargetPosition}): it subscribes the bars, ignores other instruments'
 * bars, counts its own, and hands each close to {@link #onClose}. What the strategy reads into the close
 * (indicators, crossovers) and how it explains a decision stay in the subclass.
 *
 * <p>Core thread only. {@link #onBar} is final, so the one call per bar into a subclass is the abstract
 * {@link #onClose}: no per-bar allocation, and the JIT sees at most one receiver per engine in practice.
 */
abstract class BarCloseStrategy implements Strategy
{
    protected final StrategyContext context;
    protected final BarCloseTerms terms;
    protected final TargetPosition orders;
    protected long bars;

    /**
     * Subscribes the time bars it trades on, so it must be called while the engine builds its strategies.
     * The subclass checks its parameters, {@code quantity} first ({@link TargetPosition#requireQuantity}),
     * before this runs (in the argument of {@code super}), so a refused configuration subscribes nothing.
     */
    protected BarCloseStrategy(final StrategyContext context, final BarCloseTerms terms)
    {
        this.context = context;
        this.terms = terms;
        this.orders = new TargetPosition(context, terms);
        if (terms.fromCandles())
        {
            context.subscribeCandleBars(terms.instrumentId(), terms.barNanos());
        }
        else
        {
            context.subscribeTimeBars(terms.instrumentId(), terms.barNanos());
        }
    }

    @Override
    public final void onBar(final Bar bar)
    {
        if (bar.instrumentId() != terms.instrumentId())
        {
            return;
        }
        bars++;
        onClose(bar.closeValue());
    }

    /** One closed bar of the traded instrument; {@link #bars} already counts it. */
    protected abstract void onClose(double close);

    /** Bars of the traded instrument seen so far. */
    public final long bars()
    {
        return bars;
    }

    /** Limit orders not sent because the side to join was empty. */
    public final long ordersWithoutTouch()
    {
        return orders.ordersWithoutTouch();
    }
}
