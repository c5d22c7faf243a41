package dev.peregrine.core.strategy;

/**
 * The callbacks of {@link Strategy}, named so that {@link FailureGuard} can invoke any of them from one
 * guarded place (no lambdas on the core thread).
 */
enum StrategyCallback
{
    TRADE,
    SNAPSHOT_TRADE,
    QUOTE,
    BOOK,
    FEED_STATUS,
    CLOCK,
    BAR,
    TIMER,
    ORDER_ACCEPTED,
    ORDER_PARTIALLY_FILLED,
    ORDER_FILLED,
    ORDER_CANCELLED,
    ORDER_EXPIRED,
    ORDER_REJECTED
}
