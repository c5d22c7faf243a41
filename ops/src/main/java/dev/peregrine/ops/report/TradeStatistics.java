package dev.peregrine.ops.report;

/**
 * Statistics over closed trades, streamed (the report may list only the first trades, but every trade
 * counts here). A trade wins when its net PnL (after fees) is above 0 and loses when below; a trade of
 * exactly 0 is neither and ends both streaks.
 *
 * <ul>
 *   <li>win rate: winners / trades</li>
 *   <li>profit factor: sum of winners' net PnL / |sum of losers' net PnL| (NaN without losers)</li>
 *   <li>expectancy: mean net PnL per trade, quote currency</li>
 *   <li>average duration: mean entry-to-exit event time</li>
 *   <li>best / worst: the trades with the highest and lowest net PnL (the first one on ties)</li>
 *   <li>max consecutive wins / losses: longest runs in exit order</li>
 * </ul>
 */
public final class TradeStatistics
{
    private long trades;
    private long wins;
    private long losses;
    private double grossProfit;
    private double grossLoss;
    private double netTotal;
    private long durationTotal;
    private Trade best;
    private Trade worst;
    private int winStreak;
    private int lossStreak;
    private int maxWinStreak;
    private int maxLossStreak;

    public void add(final Trade trade)
    {
        final double pnl = trade.netPnl();
        trades++;
        netTotal += pnl;
        durationTotal += trade.durationNanos();
        if (pnl > 0)
        {
            wins++;
            grossProfit += pnl;
            winStreak++;
            lossStreak = 0;
        }
        else if (pnl < 0)
        {
            losses++;
            grossLoss += pnl;
            lossStreak++;
            winStreak = 0;
        }
        else
        {
            winStreak = 0;
            lossStreak = 0;
        }
        maxWinStreak = Math.max(maxWinStreak, winStreak);
        maxLossStreak = Math.max(maxLossStreak, lossStreak);
        if (best == null || pnl > best.netPnl())
        {
            best = trade;
        }
        if (worst == null || pnl < worst.netPnl())
        {
            worst = trade;
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

    public double winRate()
    {
        return trades == 0 ? Double.NaN : (double)wins / trades;
    }

    public double profitFactor()
    {
        return grossLoss < 0 ? grossProfit / -grossLoss : Double.NaN;
    }

    public double expectancy()
    {
        return trades == 0 ? Double.NaN : netTotal / trades;
    }

    public double netTotal()
    {
        return netTotal;
    }

    public double grossProfit()
    {
        return grossProfit;
    }

    public double grossLoss()
    {
        return grossLoss;
    }

    public double averageDurationNanos()
    {
        return trades == 0 ? Double.NaN : (double)durationTotal / trades;
    }

    /** null without trades. */
    public Trade best()
    {
        return best;
    }

    public Trade worst()
    {
        return worst;
    }

    public int maxConsecutiveWins()
    {
        return maxWinStreak;
    }

    public int maxConsecutiveLosses()
    {
        return maxLossStreak;
    }
}
