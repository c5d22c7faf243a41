package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.BarBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The bars one strategy subscribed to: a builder per subscription, fed the trades of its instrument and
 * every clock event. Subscriptions are taken while the strategy is built only ({@link #seal} ends that), so
 * the hot path walks two fixed arrays and never a list.
 */
final class BarSubscriptions
{
    private final String strategyName;
    private final int instrumentCount;
    private boolean open = true;
    private final List<BarBuilder> setup = new ArrayList<>();
    private final List<Integer> setupInstruments = new ArrayList<>();
    private BarBuilder[] builders = new BarBuilder[0];
    private int[] instruments = new int[0];

    BarSubscriptions(final String strategyName, final int instrumentCount)
    {
        this.strategyName = strategyName;
        this.instrumentCount = instrumentCount;
    }

    void add(final int instrumentId, final BarBuilder builder)
    {
        if (!open)
        {
            throw new IllegalStateException("strategy '" + strategyName + "': bars are subscribed while the strategy " +
                "is built, not once events flow");
        }
        if (instrumentId < 0 || instrumentId >= instrumentCount)
        {
            throw new IllegalArgumentException("strategy '" + strategyName + "': no instrument " + instrumentId);
        }
        setup.add(builder);
        setupInstruments.add(instrumentId);
    }

    /** Ends the subscriptions: the strategy is built. */
    void seal()
    {
        builders = setup.toArray(new BarBuilder[0]);
        instruments = new int[builders.length];
        for (int i = 0; i < builders.length; i++)
        {
            instruments[i] = setupInstruments.get(i);
        }
        open = false;
    }

    void onTrade(final int instrumentId, final long price, final long quantity, final long timeNanos)
    {
        for (int i = 0; i < builders.length; i++)
        {
            if (instruments[i] == instrumentId)
            {
                builders[i].onTrade(price, quantity, timeNanos);
            }
        }
    }

    void onCandle(final int instrumentId, final long startNanos, final long open, final long high, final long low,
        final long close, final long volume)
    {
        for (int i = 0; i < builders.length; i++)
        {
            if (instruments[i] == instrumentId)
            {
                builders[i].onCandle(startNanos, open, high, low, close, volume);
            }
        }
    }

    void onClock(final long timeNanos)
    {
        for (final BarBuilder builder : builders)
        {
            builder.onClock(timeNanos);
        }
    }

    long hash(final long seed)
    {
        long h = seed;
        for (final BarBuilder builder : builders)
        {
            h = builder.hash(h);
        }
        return h;
    }
}
