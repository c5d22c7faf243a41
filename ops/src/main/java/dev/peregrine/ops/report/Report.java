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
 * @param closes         equity and marks at each hour's close, for the tearsheet
 * @param drawdowns      the deepest drawdowns of the equity after every event
 * @param name           the run's name in the report's title ({@code --name}, else from the journal's folder)
 * @param tearsheet      the tearsheet's figures, computed once from the rest; null only while being built
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
    PerpetualTimeline perpetual,
    PeriodCloses closes,
    DrawdownEpisodes drawdowns,
    String name,
    Tearsheet tearsheet)
{
    public Report withComparison(final Comparison other)
    {
        return new Report(journal, header, settings, strategyNames, events, outputDigest, stateHash, coreError, curve,
            chart, recorder, openPositions, realizedNet, fees, unrealized, pnl, other, perpetual, closes, drawdowns, name,
            tearsheet);
    }

    /** The same report under another name (the title); a blank name keeps the current one. */
    public Report withName(final String newName)
    {
        return newName == null || newName.isBlank() ? this : new Report(journal, header, settings, strategyNames, events,
            outputDigest, stateHash, coreError, curve, chart, recorder, openPositions, realizedNet, fees, unrealized, pnl,
            comparison, perpetual, closes, drawdowns, newName.strip(), tearsheet);
    }

    /** Computes the tearsheet's figures from the rest, once. */
    Report withTearsheet()
    {
        return new Report(journal, header, settings, strategyNames, events, outputDigest, stateHash, coreError, curve,
            chart, recorder, openPositions, realizedNet, fees, unrealized, pnl, comparison, perpetual, closes, drawdowns, name,
            new Tearsheet(this));
    }

    /**
     * The name a report gets without {@code --name}: the journal's folder, or the folder above it when that
     * is called {@code journal} (a backtest's {@code --report DIR} keeps its journal in DIR/journal).
     */
    public static String defaultName(final Path journal)
    {
        final Path absolute = journal.toAbsolutePath().normalize();
        final Path folder = absolute.getFileName();
        if (folder == null)
        {
            return absolute.toString();
        }
        if (folder.toString().equals("journal") && absolute.getParent() != null && absolute.getParent().getFileName() != null)
        {
            return absolute.getParent().getFileName().toString();
        }
        return folder.toString();
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
