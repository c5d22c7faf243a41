package dev.peregrine.core.indicator;

/** An indicator over one series of doubles (usually closes) with one output. */
public interface SeriesIndicator extends Indicator
{
    void update(double value);

    /** The current value, or {@link Double#NaN} until {@link #isReady()}. */
    double value();
}
