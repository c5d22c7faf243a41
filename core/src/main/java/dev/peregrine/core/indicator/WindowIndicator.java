package dev.peregrine.core.indicator;

/**
 * A series indicator computed from one {@link RollingWindow} of its last {@code period} inputs: ready once
 * the window is full, reset and hashed with it. Subclasses say only what value they read off the window.
 */
public abstract class WindowIndicator implements SeriesIndicator
{
    final RollingWindow window;

    WindowIndicator(final int period)
    {
        window = new RollingWindow(period);
    }

    @Override
    public final void update(final double value)
    {
        window.add(value);
    }

    @Override
    public final boolean isReady()
    {
        return window.isFull();
    }

    public final int period()
    {
        return window.period();
    }

    @Override
    public final void reset()
    {
        window.reset();
    }

    @Override
    public final long hash(final long seed)
    {
        return window.hash(seed);
    }
}
