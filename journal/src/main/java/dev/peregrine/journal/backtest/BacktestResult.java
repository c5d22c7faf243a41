package dev.peregrine.journal.backtest;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PnlTable;
import dev.peregrine.journal.statistics.Statistic;

import java.nio.file.Path;
import java.util.List;

/**
 * What a backtest did and proved. PnL and fees are in quote currency.
 *
 * @param format          the data's format (detected or forced)
 * @param settings        the engine settings the core ran with (also in the journal's header)
 * @param journal         the journal written: replaying it gives {@code outputDigestHex} and {@code stateHashHex};
 *                        null when the run kept none
 * @param events          events fed to the core (data and synthesized quotes and clocks), all journaled when kept
 * @param clocks          of which synthesized CLOCK events
 * @param firstEventNanos event time of the first event fed (0 when none)
 * @param lastEventNanos  event time of the last event fed (0 when none)
 * @param orders          orders sent (passed risk)
 * @param rejects         orders refused by risk or the venue
 * @param fills           fills (executions, partial ones counted each): the "trades" of the sweep table
 * @param fees            fees paid
 * @param realizedPnl     realized PnL net of fees
 * @param unrealizedPnl   open positions marked at the last price
 * @param statistics      Sharpe, Sortino, drawdown, return: the one set of statistics, on the default capital
 * @param pnl             PnL, fees, orders, fills and rejects per strategy and per strategy and product
 * @param elapsedNanos    wall-clock time of the run (information only)
 * @param assumptions     the fill-model and data assumptions, one line each, for the summary
 * @param fillTally       requested against filled quantity and notional, market orders cut short
 * @param rejectRuns      one line per strategy whose orders were rejected for one reason many times in a row
 *                        ({@code RepeatedRejects.describe}); empty when none was
 * @param tradingState    the trading state at the end (ACTIVE, REDUCING, HALTED)
 */
public record BacktestResult(
    DataFormat format,
    EngineSettings settings,
    Path journal,
    long events,
    long clocks,
    long firstEventNanos,
    long lastEventNanos,
    long orders,
    long rejects,
    long fills,
    double fees,
    double realizedPnl,
    double unrealizedPnl,
    EquityStatistics statistics,
    PnlTable pnl,
    String outputDigestHex,
    String stateHashHex,
    long elapsedNanos,
    List<String> assumptions,
    FillTally fillTally,
    List<String> rejectRuns,
    String tradingState)
{
    /** Filled over requested quantity (see {@link FillTally#fillRatio()}). */
    public double fillRatio()
    {
        return fillTally.fillRatio();
    }

    /** The loud lines a summary prints when orders were cut short or rejected more than placed; may be empty. */
    public List<String> warnings()
    {
        final List<String> warnings = new java.util.ArrayList<>(
            fillTally.warnings(orders, rejects, settings.paperVenue().fillModel().cliName()));
        if (orders == 0 && events > 0)
        {
            // A silent "orders: 0" reads as a broken engine; on short data it is almost always the warm-up.
            warnings.add("WARNING: no orders were placed over " +
                dev.peregrine.journal.statistics.EquityStatistics.span(lastEventNanos - firstEventNanos) +
                " of data; a strategy on time bars trades only after its warm-up (trend-following's default is" +
                " slow=26 bars of bar=1m): give it more data or a shorter bar=");
        }
        return warnings;
    }

    /** Realized (net of fees) plus unrealized, less perpetual funding paid: the sweep table's "pnl". */
    public double netPnl()
    {
        return realizedPnl + unrealizedPnl - fundingPaid();
    }

    /** Perpetual funding paid over the run (negative: received; 0 for spot), from the PnL table's total. */
    public double fundingPaid()
    {
        return pnl.total().funding();
    }

    /** Largest peak-to-trough fall of PnL, quote currency. */
    public double maxDrawdown()
    {
        return statistics.maxDrawdownQuote();
    }

    /** Annualized Sharpe, or why there is none (a span under a day). */
    public Statistic sharpe()
    {
        return statistics.sharpe();
    }

    public List<String> products()
    {
        return settings.products();
    }
}
