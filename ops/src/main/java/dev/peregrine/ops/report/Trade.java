package dev.peregrine.ops.report;

/**
 * One round trip in one product, from flat to flat (see {@link TradeLedger} for partial closes and
 * flips). Prices are quote currency per unit, quantities in base units, money in quote currency.
 *
 * @param instrumentId  the product's instrument id
 * @param direction     +1 long, -1 short
 * @param entryNanos    event time of the fill that opened it
 * @param exitNanos     event time of the fill that made the position flat again
 * @param quantity      total quantity bought (long) or sold (short) to open and add to it
 * @param entryPrice    quantity-weighted price of those opening fills
 * @param exitPrice     quantity-weighted price of the closing fills
 * @param grossPnl      realized PnL before fees
 * @param fees          fees of every fill of the trade (a flipping fill's fee is split by quantity)
 * @param fills         fills that took part (a flipping fill counts in both trades)
 */
public record Trade(
    int instrumentId,
    int direction,
    long entryNanos,
    long exitNanos,
    double quantity,
    double entryPrice,
    double exitPrice,
    double grossPnl,
    double fees,
    int fills)
{
    public double netPnl()
    {
        return grossPnl - fees;
    }

    /** Net PnL over the notional of the opening fills. */
    public double returnOnNotional()
    {
        final double notional = quantity * entryPrice;
        return notional > 0 ? netPnl() / notional : 0.0;
    }

    public long durationNanos()
    {
        return exitNanos - entryNanos;
    }
}
