package dev.peregrine.core.execution;

/** Whether a fill added liquidity (rested and was hit: maker fee) or took it (crossed: taker fee). */
public enum Liquidity
{
    MAKER,
    TAKER
}
