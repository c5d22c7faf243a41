package dev.peregrine.core.engine;

/** Whether the engine may open new orders. */
public enum TradingState
{
    /** Orders flow subject to risk checks. */
    ACTIVE,
    /** No new orders: an error or an operator stopped trading. Market data and the journal go on. */
    HALTED
}
