package dev.peregrine.ops.engine;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.decision.DecisionQueue;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.execution.OrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.ring.OutboundStage;
import dev.peregrine.journal.DecisionJournal;
import dev.peregrine.journal.JournalDiskUsage;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalRetention;
import dev.peregrine.journal.JournalSettings;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.RetentionPolicy;
import org.HdrHistogram.SingleWriterRecorder;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The live engine's journals and their upkeep: the event journal (written by the ring's journal stage), the
 * decision journal with the queue between the core and it, retention (the housekeeper agent), and the disk
 * figures the metrics scrape reads. The HTTP, metrics and summary threads read its figures through
 * {@link LiveEngine#journal()}; only the engine opens, starts and closes it.
 */
public final class EngineJournal
{
    /** Alert when less than a tenth of the journal's volume is free: a day of journal must still fit. */
    public static final double DEFAULT_DISK_FREE_ALERT_RATIO = 0.10;

    /** Decisions between the core and their journal: a burst of this many may wait for the outbound thread. */
    private static final int DECISION_QUEUE_CAPACITY = 1 << 14;
    /** How often retention runs: files roll daily by default, so a minute is more than often enough. */
    private static final long RETENTION_PERIOD_SECONDS = 60;

    private final Path dir;
    private final EngineSettings settings;
    private final SingleWriterRecorder appendNanos = new SingleWriterRecorder(CoreMetrics.MAX_TRACKABLE_NANOS, 3);
    private final DecisionQueue decisions;
    /** Read by the metrics scrape (HTTP thread), cached for a second: never touched by a ring thread. */
    private final JournalDiskUsage disk;
    /** Free-space fraction below which an alert rule should fire; exported as a gauge for the rule to compare. */
    private volatile double diskFreeAlertRatio = DEFAULT_DISK_FREE_ALERT_RATIO;
    private JournalWriter writer;
    private DecisionJournal decisionJournal;
    private RetentionPolicy retentionPolicy;
    private JournalHousekeeper housekeeper;
    /** The run's catalog: recorded in a new journal's header, checked against an existing one's. */
    private final ProductCatalog catalog;

    EngineJournal(final Path dir, final EngineSettings settings, final ProductCatalog catalog, final CoreMetrics coreMetrics)
    {
        this.dir = dir;
        this.settings = settings;
        this.catalog = catalog;
        this.decisions = new DecisionQueue(DECISION_QUEUE_CAPACITY, coreMetrics.decisionsUnjournaled);
        this.disk = new JournalDiskUsage(dir);
    }

    /** The journal's first settings; this run's when there is no journal yet or it cannot be read (openJournal says why). */
    static EngineSettings firstSettings(final Path journalDir, final EngineSettings settings)
    {
        try
        {
            return JournalSettings.initialOf(journalDir, settings);
        }
        catch (final JournalException e)
        {
            return settings;
        }
    }

    /** The journal folder. */
    public Path dir()
    {
        return dir;
    }

    /** Opens both journals, so a bad journal folder fails before anything else starts. */
    void open()
    {
        writer = JournalWriter.open(dir, settings, catalog);
        writer.recordAppendLatency(appendNanos);
        decisionJournal = DecisionJournal.open(dir);
    }

    /** True once {@link #open()} succeeded: start-up opens the journals itself when the caller did not. */
    boolean isOpen()
    {
        return writer != null;
    }

    /** The event journal: the ring's journal stage appends to it; start-up marks a torn tail and journals settings. */
    JournalWriter writer()
    {
        return writer;
    }

    /**
     * From now on the core's decisions queue here (counted in {@code decisionsUnjournaled}) for the outbound thread;
     * those of the recovered events were journaled by their own run.
     */
    void logDecisionsOf(final TradingCore core)
    {
        core.execution().decisionLog(decisions);
    }

    /** The ring's outbound stage: releases orders to {@code sender} and writes the queued decisions to their journal. */
    OutboundStage outbound(final OrderSender sender, final TradingSwitch tradingSwitch, final CoreMetrics coreMetrics)
    {
        return new OutboundStage(sender, tradingSwitch, coreMetrics, decisions, decisionJournal);
    }

    /**
     * Journal retention to apply while running (by age and/or size; see {@link RetentionPolicy}): once at start and
     * every minute after, on a thread of its own. Set before the engine starts; null for none.
     */
    public void retention(final RetentionPolicy policy)
    {
        this.retentionPolicy = policy;
    }

    /** Starts retention, if configured: after recovery, whose reader is closed; the file being written is never deleted. */
    void startHousekeeping(final AgentErrors errors)
    {
        if (retentionPolicy != null)
        {
            housekeeper = new JournalHousekeeper(new JournalRetention(dir, retentionPolicy));
            housekeeper.start(RETENTION_PERIOD_SECONDS, errors);
        }
    }

    void stopHousekeeping()
    {
        if (housekeeper != null)
        {
            housekeeper.close();
        }
    }

    /** Closes the event journal, then (once the outbound thread has finished) drains and closes the decision journal. */
    void close(final OutboundStage outbound) throws InterruptedException
    {
        if (writer != null)
        {
            writer.close();
        }
        if (decisionJournal != null)
        {
            // The outbound thread drains the last decisions as it stops; only once it has finished may this
            // thread touch the queue or close the journal (two drainers could write a decision twice).
            if (outbound == null || outbound.awaitShutdown(10, TimeUnit.SECONDS))
            {
                decisions.drain(decisionJournal);
                decisionJournal.close();
            }
        }
    }

    /** The retention agent, or null when none is configured or before start. */
    public JournalHousekeeper housekeeper()
    {
        return housekeeper;
    }

    /** The Chronicle index of the last event journaled before an append failed, or -1. */
    public long lastIndexAtFailure()
    {
        return writer == null ? -1 : writer.lastIndexAtFailure();
    }

    /** Decisions written to the decision journal by this session. */
    public long decisionsJournaled()
    {
        return decisionJournal == null ? 0 : decisionJournal.written();
    }

    /** Events this session appended to the event journal. */
    public long eventsWritten()
    {
        return writer == null ? 0 : writer.eventsWritten();
    }

    /** The journal folder's size and its volume's free space, refreshed at most once a second. */
    public JournalDiskUsage disk()
    {
        return disk;
    }

    /** The free-space fraction exported as {@code peregrine_journal_disk_free_alert_threshold_ratio}. */
    public double diskFreeAlertRatio()
    {
        return diskFreeAlertRatio;
    }

    /** Sets the free-space fraction (0 to 1) exported as {@code peregrine_journal_disk_free_alert_threshold_ratio}. */
    public void diskFreeAlertRatio(final double ratio)
    {
        if (!(ratio >= 0 && ratio <= 1))
        {
            throw new IllegalArgumentException("journal disk free alert ratio must be between 0 and 1, got " + ratio);
        }
        diskFreeAlertRatio = ratio;
    }

    /** The journal thread's append latency per live event, nanoseconds. */
    public SingleWriterRecorder appendNanos()
    {
        return appendNanos;
    }
}
