package dev.peregrine.ops.report;

/**
 * One fill as the report lists it: money in quote currency, quantity in base units.
 *
 * @param decisionMid the mid price of the book the order's decision saw, NaN when a side was empty
 * @param slippage    cost against that mid: {@code (price - mid) * quantity} for a buy,
 *                    {@code (mid - price) * quantity} for a sell; positive is worse than the mid, NaN
 *                    without a mid
 */
public record Fill(
    long orderId,
    int instrumentId,
    int side,
    String orderType,
    int strategyId,
    double quantity,
    double price,
    double fee,
    long timeNanos,
    double decisionMid,
    double slippage)
{
}
