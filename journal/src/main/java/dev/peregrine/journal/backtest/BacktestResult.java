package dev.peregrine.journal.backtest;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.importer.DataFormat;

import java.nio.file.Path;
import java.util.List;

/**
 * What a backtest did and proved. PnL and fees are in quote currency.
 *
 * @param format          the data's format (detected or forced)
 * @param settings        the engine settings the core ran with (also in the journal's header)
 * @param journal         the journal written: replaying it gives {@code outputDigestHex} and {@code stateHashHex}
 * @param events          events fed to the core (data and synthesized quotes and clocks), all journaled
 * @param clocks          of which synthesized CLOCK events
 * @param firstEventNanos event time of the first event fed (0 when none)
 * @param lastEventNanos  event time of the last event fed (0 when none)
 * @param orders          orders sent (passed risk)
 * @param rejects         orders refused by risk or the venue
 * @param fills           fills (executions, partial ones counted each): the "trades" of the sweep table
 * @param fees            fees paid
 * @param realizedPnl     realized PnL net of fees
 * @param unrealizedPnl   open positions marked at the last price
 * @param maxDrawdown     see {@link EquityStats}
 * @param sharpe          see {@link EquityStats}
 * @param elapsedNanos    wall-clock time of the run (information only)
 * @param assumptions     the fill-model and data assumptions, one line each, for the summary
 * @param rejectRuns      one line per strategy whose orders were rejected for one reason many times in a row
 *                        ({@code RepeatedRejects.describe}); empty when none was
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
    double maxDrawdown,
    double sharpe,
    String outputDigestHex,
    String stateHashHex,
    long elapsedNanos,
    List<String> assumptions,
    List<String> rejectRuns)
{
    /** Realized (net of fees) plus unrealized: the sweep table's "pnl". */
    public double netPnl()
    {
        return realizedPnl + unrealizedPnl;
    }

    public List<String> products()
    {
        return settings.products();
    }
}
