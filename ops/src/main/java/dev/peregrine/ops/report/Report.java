package dev.peregrine.ops.report;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.JournalHeader;
import dev.peregrine.journal.statistics.PnlTable;

import java.nio.file.Path;
import java.util.List;

/**
 * What a complete replay of one journal gave the report. Only {@link ReportReplay} builds it, and only
 * after the last event, so holding one means the replay finished.
 *
 * @param coreError      the core's contained error, if it halted on one (deterministic, so the live run
 *                       halted there too); null when none
 * @param realizedNet    the core's realized PnL after fees ({@code PositionBook.totalRealizedPnl})
 * @param fees           the core's fees ({@code PositionBook.totalFees})
 * @param unrealized     PnL of open positions at the final marks
 * @param pnl            PnL, fees, orders, fills and rejects per strategy and per strategy and product
 * @param comparison     decision differences against another journal; null when none was asked for
 * @param perpetual      funding, margin and liquidations over the run; null when no instrument is a perpetual
 */
public record Report(
    Path journal,
    JournalHeader header,
    EngineSettings settings,
    List<String> strategyNames,
    long events,
    String outputDigest,
    String stateHash,
    String coreError,
    EquityCurve curve,
    ChartSeries chart,
    ReportRecorder recorder,
    List<OpenPosition> openPositions,
    double realizedNet,
    double fees,
    double unrealized,
    PnlTable pnl,
    Comparison comparison,
    PerpetualTimeline perpetual)
{
    public Report withComparison(final Comparison other)
    {
        return new Report(journal, header, settings, strategyNames, events, outputDigest, stateHash, coreError, curve,
            chart, recorder, openPositions, realizedNet, fees, unrealized, pnl, other, perpetual);
    }

    public String product(final int instrumentId)
    {
        final List<String> products = settings.products();
        return instrumentId >= 0 && instrumentId < products.size() ? products.get(instrumentId) : "instrument-" + instrumentId;
    }

    public String strategyName(final int strategyId)
    {
        return strategyId >= 0 && strategyId < strategyNames.size() ? strategyNames.get(strategyId) : "strategy-" + strategyId;
    }
}
