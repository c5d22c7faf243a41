package dev.peregrine.journal.statistics;

/**
 * The accounts of each strategy on each product, as {@link PnlTable} reads them: either the core thread's
 * own ({@link StrategyLedger}, after a run or a replay) or the copy it publishes for other threads
 * ({@link StrategyLedger#published()}, for /admin, /health and /metrics while it runs).
 *
 * <p>{@code strategy} is the strategy id: 0 is the engine itself (exits, flatten), 1..n the strategies.
 */
public interface PnlFigures
{
    int strategies();

    int instruments();

    /** Signed position, base units. */
    double position(int strategy, int instrument);

    /** Average entry price of the open position; 0 when flat. */
    double averagePrice(int strategy, int instrument);

    /** Realized PnL before fees, quote currency (average-price accounting, as the core's PositionBook). */
    double realizedBeforeFees(int strategy, int instrument);

    double fees(int strategy, int instrument);

    /**
     * Perpetual funding the strategy paid on the product (negative: received), settlement currency: the core's
     * {@code onFunding} outputs summed. 0 for spot, and for figures that do not follow funding.
     */
    default double funding(final int strategy, final int instrument)
    {
        return 0.0;
    }

    long orders(int strategy, int instrument);

    long fills(int strategy, int instrument);

    long rejects(int strategy, int instrument);

    /**
     * PnL of an open position at {@code mark}: the one formula the tables use, the same as the core's
     * {@code PositionBook.unrealizedPnl}; 0 when flat or unmarked (NaN or not positive).
     */
    static double unrealized(final double position, final double averagePrice, final double mark)
    {
        if (position == 0 || !(mark > 0))
        {
            return 0.0;
        }
        return (mark - averagePrice) * position;
    }
}
