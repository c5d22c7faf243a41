package dev.peregrine.core.engine;

/** Whether the engine may open new orders. */
public enum TradingState
{
    /** Orders flow subject to risk checks. */
    ACTIVE,
    /** Only orders that bring a position closer to zero: after a loss limit, a flatten, or on command. */
    REDUCING,
    /** No new orders: an error or an operator stopped trading. Market data and the journal go on. */
    HALTED
}
