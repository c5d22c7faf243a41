package dev.peregrine.ops.report;

/**
 * Closed trades of one group (a strategy, a product, an entry signal, an exit reason) counted as they close:
 * count, wins, net PnL, fees, the sums SQN needs. Mutable and O(1) per trade; the tearsheet reads it once.
 */
public final class TradeTally
{
    private long trades;
    private long wins;
    private long losses;
    private double net;
    private double fees;
    private double won;
    private double lost;
    private double sumOfSquares;

    void add(final Trade trade)
    {
        final double pnl = trade.netPnl();
        trades++;
        net += pnl;
        fees += trade.fees();
        sumOfSquares += pnl * pnl;
        if (pnl > 0)
        {
            wins++;
            won += pnl;
        }
        else if (pnl < 0)
        {
            losses++;
            lost -= pnl;
        }
    }

    public long trades()
    {
        return trades;
    }

    public long wins()
    {
        return wins;
    }

    public long losses()
    {
        return losses;
    }

    /** Net PnL of the closed trades (after their fees). */
    public double netPnl()
    {
        return net;
    }

    public double fees()
    {
        return fees;
    }

    /** wins / trades; NaN without trades. */
    public double winRate()
    {
        return trades > 0 ? (double)wins / trades : Double.NaN;
    }

    /** won / lost; NaN without a loss. */
    public double profitFactor()
    {
        return lost > 0 ? won / lost : Double.NaN;
    }

    /** Mean net PnL per trade; NaN without trades. */
    public double averagePnl()
    {
        return trades > 0 ? net / trades : Double.NaN;
    }

    public double sqn()
    {
        return ReturnStatistics.sqn(trades, net, sumOfSquares);
    }
}
