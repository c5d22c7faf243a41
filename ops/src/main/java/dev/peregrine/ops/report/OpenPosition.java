package dev.peregrine.ops.report;

/**
 * A position still open when the journal ends: not a trade yet, so it is listed apart.
 *
 * @param quantity   signed, base units (positive long)
 * @param markPrice  the core's mark at the end (NaN when unknown)
 * @param unrealized PnL at that mark, quote currency
 * @param realized   what the open trade has realized so far (partial closes, less every fee it paid)
 */
public record OpenPosition(int instrumentId, double quantity, double averagePrice, double markPrice, double unrealized,
    double realized, long entryNanos)
{
}
