package dev.peregrine.ops.report;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalFeed;
import dev.peregrine.journal.JournalHeader;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a journal through the same core the live run used (rebuilt from the header's settings, as
 * {@link Replay} does) and measures the account after every event: the PnL series into {@link EquityCurve},
 * the sampled charts into {@link ChartSeries}, outputs into {@link ReportRecorder}. Streams the journal
 * with one reused slot, so memory does not grow with its length.
 */
public final class ReportReplay
{
    private ReportReplay()
    {
    }

    /**
     * @throws JournalException if the journal cannot be read to its end (a bad record mid-way, settings
     *                          this build cannot rebuild): no report exists for a run that did not finish
     */
    public static Report run(final Path journal, final double capital)
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final JournalHeader header = reader.header();
            final EngineSettings settings = Replay.settingsOf(journal, header);
            final int n = settings.products().size();
            final OutputDigest digest = new OutputDigest();
            final ReportRecorder recorder = new ReportRecorder(n);
            // Every id a strategy may have had: settings records may add strategies mid-journal.
            final StrategyLedger ledger = new StrategyLedger(dev.peregrine.core.execution.ExecutionEngine.MAX_STRATEGIES, n);
            final TradingCore core = core(journal, settings, new OutputFanOut(new OutputFanOut(digest, ledger), recorder));
            final EquityCurve curve = new EquityCurve(capital);
            final PerpetualTimeline perpetual = core.perpetuals().active() ? new PerpetualTimeline(n) : null;
            final ChartSeries chart = new ChartSeries(n, perpetual == null ? 0 : PerpetualTimeline.COLUMNS);
            final PeriodCloses closes = new PeriodCloses(n);
            final DrawdownEpisodes drawdowns = new DrawdownEpisodes();
            final PositionBook positions = core.positions();
            final MarketState market = core.market();
            final double[] marks = new double[n];
            final InboundEvent event = new InboundEvent();
            final JournalFeed feed = new JournalFeed(reader, core); // settings records applied where journaled
            long sequence = 0;
            while (feed.next(event))
            {
                core.onEvent(event, sequence++, true);
                boolean open = false;
                for (int i = 0; i < n; i++)
                {
                    final long mark = market.markPrice(i);
                    marks[i] = mark > 0 ? FixedPoint.toDouble(mark) : Double.NaN;
                    open |= positions.quantity(i) != 0;
                }
                final long now = core.clockNanos();
                curve.observe(now, EquityStatistics.pnlOf(core), open);
                chart.observe(now, curve.finalEquity(), curve.statistics().currentDrawdown(), marks,
                    perpetual == null ? null : perpetual.observe(event, core));
                closes.observe(now, curve.finalEquity(), marks);
                drawdowns.observe(now, curve.finalEquity());
            }
            curve.finish();
            drawdowns.finish();
            if (perpetual != null)
            {
                perpetual.finish(core);
            }
            final List<OpenPosition> openPositions = new ArrayList<>();
            for (int i = 0; i < n; i++)
            {
                if (positions.quantity(i) != 0)
                {
                    final long mark = market.markPrice(i);
                    openPositions.add(new OpenPosition(i, FixedPoint.toDouble(positions.quantity(i)),
                        positions.averagePrice(i), mark > 0 ? FixedPoint.toDouble(mark) : Double.NaN,
                        positions.unrealizedPnl(i, mark), recorder.ledger().openRealized(i), recorder.ledger().openEntryNanos(i)));
                }
            }
            final List<String> strategyNames = StrategyLedger.strategyNames(core);
            final Throwable error = core.lastError();
            return new Report(journal, header, core.settings(), strategyNames, sequence, digest.hex(),
                Hash64.hex(core.stateHash()), error == null ? null : String.valueOf(error), curve, chart, recorder,
                openPositions, positions.totalRealizedPnl(), positions.totalFees(), core.totalUnrealizedPnl(), ledger.table(core),
                null, perpetual, closes, drawdowns, Report.defaultName(journal), null).withTearsheet();
        }
    }

    /** The core the journal's header describes, as {@link Replay} builds it. */
    static TradingCore core(final Path journal, final EngineSettings settings, final OutputListener outputs)
    {
        return JournalFeed.core(VenueRegistry.standard().catalog(), journal, settings, outputs);
    }
}
