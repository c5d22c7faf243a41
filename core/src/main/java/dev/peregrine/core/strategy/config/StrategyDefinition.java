package dev.peregrine.core.strategy.config;

import dev.peregrine.core.strategy.StrategyFactory;

import java.util.List;

/**
 * A strategy type the engine can be configured with: its name, what it does, its parameters, and how to
 * turn validated parameters into a factory. {@link #configure} reads every parameter through
 * {@link StrategyParams}, which collects all problems rather than stopping at the first.
 */
public interface StrategyDefinition
{
    /** The name used in configuration, e.g. {@code market-maker}. */
    String type();

    /** One line on what it does. */
    String description();

    /** {@code key=default: meaning} lines, for help and listings. */
    List<String> parameterHelp();

    /**
     * Whether it trades on the L2 order book (a market maker quotes around its mid) and so cannot run on
     * data of trades or candles alone, where there is no book to read.
     */
    default boolean needsBook()
    {
        return false;
    }

    /**
     * Reads and checks the parameters. Returns the factory to build the strategy with, or null when a
     * problem was recorded in {@code params}.
     */
    StrategyFactory configure(StrategyParams params);
}
