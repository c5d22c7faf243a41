package dev.peregrine.ops.engine;

import dev.peregrine.core.number.FixedPoint;

import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.JournalCatalog;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.instrument.ProductCatalog;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.JournalGate;
import dev.peregrine.core.ring.OutboundStage;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.RecoveredOrder;
import dev.peregrine.journal.snapshot.SnapshotPolicy;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;
import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.ops.logging.JsonLog;
import dev.peregrine.ops.orderlog.OrderLog;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live engine, assembled in one place. Start order: journal, ring consumers, timer, then the
 * market-data gateway (so no input arrives before everything that must see it is running). Stop
 * order is the reverse for producers, then a drain: the gateway and timer stop publishing, the ring
 * runs dry through journal, core and outbound, and only then the journal closes. After
 * {@link #stop()} the core has processed exactly the events on the journal, which is why the digest it
 * prints equals the one a replay of that journal prints.
 *
 * <p>This class is the engine's lifecycle (start, stop, operator commands). Its roles live in their own classes,
 * and the HTTP, metrics and summary threads read their figures there: {@link EngineJournal} (journals, retention,
 * disk figures), {@link EngineResults} (digest, state hash, PnL, statistics), {@link StartupRecovery} (crash-only
 * start-up), {@link EngineSnapshots}, {@link CommandPublisher}, {@link VenueSettlement} and {@link LifecycleLines}.
 */
public final class LiveEngine
{
    private final EngineSettings settings;
    private final MarketDataFeed feed;
    private final int ringSize;
    private final WaitStrategy waitStrategy;
    private final long clockIntervalMillis;

    private final TradingSwitch tradingSwitch = new TradingSwitch();
    private final CoreMetrics coreMetrics;
    private final StrategyLedger ledger;
    private final PublishedStatistics statistics;
    private final EngineResults results;
    private final PaperOrderSender paperSender = new PaperOrderSender();
    private final LiveVenue liveVenue;
    /** What the live venue is told of leverage and margin type; null: the settings' leverage, cross. */
    private dev.peregrine.gateway.venue.PerpetualAccountTerms perpetualTerms;
    private final TradingCore core;
    /** Order events off the core thread: JSON lines and the open-order view of {@code GET /admin/orders}. */
    private final OrderLog orderLog = new OrderLog(OrderLog.DEFAULT_CAPACITY);

    /** The event and decision journals, retention and the journal's disk figures. */
    private final EngineJournal journal;
    private InboundRing ring;
    private OutboundStage outbound;
    private ClockTicker ticker;
    /** Errors of this engine's agents (the timer, the journal housekeeper), exported as {@code peregrine_errors_total{type="agent"}}. */
    private final AgentErrors agentErrors = new AgentErrors();
    /** Set only once every consumer and sink is running: the admin thread publishes through it. */
    private volatile RingBuffer<InboundEvent> ringBuffer;
    private final CommandPublisher commands = new CommandPublisher();
    private volatile boolean stopped;
    /** What start-up recovered from the journal; null before {@link #start}. */
    private volatile StartupRecovery startup;
    private final EngineSnapshots snapshots;

    /**
     * An engine on the built-in catalog (the simulated venues' products).
     *
     * @param liveVenue where orders go when {@code settings.liveVenue()}; null for the paper venue.
     */
    public LiveEngine(
        final EngineSettings settings,
        final MarketDataFeed feed,
        final Path journalDir,
        final int ringSize,
        final WaitStrategy waitStrategy,
        final long clockIntervalMillis,
        final LiveVenue liveVenue)
    {
        this(VenueRegistry.standard().catalog(), settings, feed, journalDir, ringSize, waitStrategy, clockIntervalMillis,
            liveVenue);
    }

    /**
     * @param catalog   the run's catalog (a venue's as loaded at start, or the built-in lists): recorded in a new
     *                  journal; an existing journal's recorded products take its place, so recovery sees what the
     *                  journal ran with.
     * @param liveVenue where orders go when {@code settings.liveVenue()}; null for the paper venue.
     */
    public LiveEngine(
        final ProductCatalog catalog,
        final EngineSettings settings,
        final MarketDataFeed feed,
        final Path journalDir,
        final int ringSize,
        final WaitStrategy waitStrategy,
        final long clockIntervalMillis,
        final LiveVenue liveVenue)
    {
        if (settings.liveVenue() != (liveVenue != null))
        {
            throw new IllegalArgumentException(settings.liveVenue() ?
                "the settings ask for a live venue but none was given" : "a live venue was given but the settings say paper");
        }
        this.liveVenue = liveVenue;
        this.settings = settings;
        this.feed = feed;
        this.ringSize = ringSize;
        this.waitStrategy = waitStrategy;
        this.clockIntervalMillis = clockIntervalMillis;
        // The core starts as the journal did; start() recovers it, then continues with these settings.
        final EngineSettings initial = EngineJournal.firstSettings(journalDir, settings);
        final OutputDigest digest = new OutputDigest();
        this.coreMetrics = new CoreMetrics(initial.products().size());
        this.ledger = new StrategyLedger(Math.max(initial.strategyCount(), settings.strategyCount()), initial.products().size());
        this.core = EngineAssembly.core(recordedOver(catalog, journalDir), initial, new OutputFanOut(new OutputFanOut(digest, ledger), orderLog.capture()),
            coreMetrics, tradingSwitch);
        this.statistics = new PublishedStatistics(core);
        this.results = new EngineResults(core, digest, ledger, statistics, coreMetrics);
        this.snapshots = new EngineSnapshots(core, digest, ledger, statistics, journalDir, agentErrors);
        orderLog.names(core.instruments().symbols(), OrderLog.strategyNames(core.strategies()));
        this.journal = new EngineJournal(journalDir, settings, catalog, coreMetrics);
    }

    /** The journal's recorded catalog over the run's; the run's when there is no journal yet or it cannot be read (openJournal says why). */
    private static ProductCatalog recordedOver(final ProductCatalog catalog, final Path journalDir)
    {
        try
        {
            return JournalCatalog.effective(catalog, journalDir);
        }
        catch (final JournalException e)
        {
            return catalog;
        }
    }

    /** Opens the journal only, so a bad journal folder fails before anything else starts. */
    public void openJournal()
    {
        journal.open();
    }

    /**
     * Starts the engine. Whatever the journal already holds (an earlier run in the same folder, or a
     * crashed one) is first fed through the core, so the engine continues from that state: its order
     * ids, positions and digest then cover the whole journal, as a replay of it does.
     */
    public void start()
    {
        if (!journal.isOpen())
        {
            journal.open();
        }
        // strategies() counts the engine's own row
        startup = StartupRecovery.run(journal.dir(), journal.writer(), core, settings, snapshots.state(), statistics,
            ledger.strategies() - 1);
        // A graceful stop left the journal HALTED "engine stopping": the START published below brings back
        // the state from before it. Read now, while the core is idle.
        final boolean resumeAfterStop = core.tradingState().stopping();
        orderLog.names(core.instruments().symbols(), OrderLog.strategyNames(core.strategies()));
        // Only decisions made from now on: those of the recovered events were journaled by their own run.
        journal.logDecisionsOf(core);
        // Likewise the order log: the recovered open orders seed its view, and only new events are logged.
        orderLog.recovered(core.execution().orders());
        orderLog.watchFeed(feed::isConnected);
        final JsonLog log = orderLog.sink();
        if (log != null)
        {
            log.write(LifecycleLines.recoveryCompleted(this));
        }
        orderLog.start(agentErrors);
        // Copied while the core is idle: once the ring runs, its state belongs to the core thread.
        final List<RecoveredOrder> recovered = liveVenue != null ? RecoveredOrder.openIn(core.execution().orders()) : List.of();
        outbound = journal.outbound(liveVenue != null ? liveVenue : paperSender, tradingSwitch, coreMetrics);
        ring = new InboundRing(
            ringSize,
            waitStrategy,
            new RoleThreadFactory(List.of("peregrine-journal", "peregrine-core", "peregrine-outbound")),
            journal.writer(),
            // the core, then the statistics of the PnL after each event, then snapshots; stamped with this run's
            // settings: in effect for every event this run takes (a change is applied before)
            snapshots.coreStage(settings.digest(), startup.events(), startup.lastEventIndex()),
            outbound,
            tradingSwitch);
        final RingBuffer<InboundEvent> started = ring.start();
        if (liveVenue != null)
        {
            if (!recovered.isEmpty())
            {
                // Before the venue's first report, journaled: the orders pending at the venue wait for its
                // reconciliation rather than time out on the time the engine was down (a replay sees the same).
                publishAtStart(started, CommandCode.RECOVERED);
            }
            // Perpetual venues: the leverage and margin type to set or send, and the engine's positions (published
            // gauges) to check.
            liveVenue.engineView(perpetualTerms != null ? perpetualTerms :
                    dev.peregrine.gateway.venue.PerpetualAccountTerms.cross(settings.leverage()),
                id -> FixedPoint.fromDouble(core.perpetuals().published().contracts[id].get()));
            if (startup.events() > 0)
            {
                // A continued journal: what the venue did to the account since its last input is read at start.
                liveVenue.resumeAfter(core.clockNanos() / 1_000_000L);
            }
            // The journal's creation time makes the client order ids of this journal unique for good.
            liveVenue.start(started, core.instruments(), "prg-" + Long.toHexString(journal.writer().header().createdEpochNanos()) + "-",
                recovered);
        }
        ringBuffer = started;
        if (resumeAfterStop)
        {
            // First on the ring, before any market data or clock: journaled, so a replay restores the same state.
            try
            {
                publishCommand(CommandCode.START);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        journal.startHousekeeping(agentErrors);
        ticker = new ClockTicker(started, clockIntervalMillis, agentErrors);
        ticker.start();
        if (log != null)
        {
            // Before the feed starts, so feed_connected (from the order-log thread) always follows it.
            log.write(LifecycleLines.started(this));
        }
        feed.start(started, core.instruments());
    }

    private void publishAtStart(final RingBuffer<InboundEvent> ring, final int commandCode)
    {
        try
        {
            commands.publish(ring, commandCode);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The leverage and margin type per instrument id the live venue sets or sends (the configuration's); by default
     * the settings' leverage, cross margin. Call before {@link #start()}.
     */
    public void perpetualTerms(final dev.peregrine.gateway.venue.PerpetualAccountTerms terms)
    {
        this.perpetualTerms = terms;
    }

    /** When to snapshot the state (default {@link SnapshotPolicy#DEFAULT}); call before {@link #start()}. */
    public void snapshots(final SnapshotPolicy policy)
    {
        snapshots.policy(policy);
    }

    /**
     * Publishes an operator command (pause, resume, reduce, flatten, kill) into the ring from the calling
     * thread. Like every input it is journaled before the core acts on it, so a replay sees it too. It
     * never waits for a full ring for more than a second, and never lands after {@link #stop} began
     * (serialised with it), so an accepted command is always journaled and acted on.
     */
    public synchronized CommandPublication publishCommand(final int commandCode) throws InterruptedException
    {
        final RingBuffer<InboundEvent> ring = ringBuffer;
        if (ring == null || stopped)
        {
            return CommandPublication.NOT_RUNNING;
        }
        return commands.publish(ring, commandCode) ? CommandPublication.ACCEPTED : CommandPublication.RING_FULL;
    }

    /**
     * Stops producers, drains the ring through every stage, closes the journal. Idempotent.
     * Market data and the clock stop first; the venue stays open until the ring is idle, so orders
     * already decided still go out and the venue's answers to them are journaled. Orders the core
     * decides after the venue closed are refused by it and journaled as rejected: nothing is lost silently.
     */
    public synchronized void stop() throws InterruptedException
    {
        if (stopped)
        {
            return;
        }
        stopped = true;
        // Lifecycle lines only for an engine that started (a failed start-up reports itself).
        final JsonLog log = ring != null ? orderLog.sink() : null;
        if (log != null)
        {
            log.write(LifecycleLines.stopping());
        }
        orderLog.watchFeed(null); // closing the feed ourselves is no disconnection to warn about
        feed.close();
        journal.stopHousekeeping();
        if (ticker != null)
        {
            ticker.close();
        }
        if (ring != null && liveVenue != null)
        {
            ring.awaitIdle(5, TimeUnit.SECONDS);
            VenueSettlement.await(ring, coreMetrics);
        }
        if (liveVenue != null)
        {
            liveVenue.close(); // no answer is published after this; the drain below journals those already in
        }
        if (ring != null)
        {
            try
            {
                ring.drainAndStop(30, TimeUnit.SECONDS);
            }
            catch (final TimeoutException ex)
            {
                ring.halt();
                throw new IllegalStateException("the ring did not drain within 30 s; journal and core may differ", ex);
            }
            // The core thread has stopped: this thread may write its gauges one last time, so a final scrape
            // shows the final state rather than the last one the core's throttle published.
            core.publishGauges();
            snapshots.close(); // the final state, so the next start replays nothing
        }
        // The core has stopped: the last order events are drained and logged before the summary line.
        orderLog.close();
        journal.close(outbound);
        if (log != null)
        {
            log.write(LifecycleLines.stopped(this));
        }
    }

    /**
     * Waits until every stage has processed everything published so far (or the time is up): after a
     * shutdown KILL, so the cancels it decided have gone out before the venue closes.
     */
    public boolean awaitIdle(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final InboundRing started = ring;
        return started == null || started.awaitIdle(timeout, unit);
    }

    /**
     * Where the journal failed, if it did, and the inputs the core therefore did not take; null before
     * {@link #start}. See {@link JournalGate} and {@link JournalFailureNotice}.
     */
    public JournalGate journalGate()
    {
        final InboundRing started = ring;
        return started == null ? null : started.journalGate();
    }

    /** The event and decision journals: their folder, retention, counts and disk figures. */
    public EngineJournal journal()
    {
        return journal;
    }

    /**
     * The order log: its open-order view ({@code GET /admin/orders}) and drop count ({@code /metrics}); give it a
     * {@link JsonLog} with {@code orderLog().sink(...)} before {@link #start} for JSON lines of every order event
     * and of the engine's start, recovery, feed and stop.
     */
    public OrderLog orderLog()
    {
        return orderLog;
    }

    /** What start-up recovered from the journal and how it continued it; null before {@link #start}. */
    public StartupRecovery startup()
    {
        return startup;
    }

    /** Events fed from the journal at start-up, before any new input. */
    public long recoveredEvents()
    {
        return startup == null ? 0 : startup.events();
    }

    /** The digest, state hash, PnL and statistics this engine has produced. */
    public EngineResults results()
    {
        return results;
    }

    public EngineSettings settings()
    {
        return settings;
    }

    public TradingCore core()
    {
        return core;
    }

    /** The errors of this engine's agents (its thread loops), for {@code peregrine_errors_total{type="agent"}}. */
    public AgentErrors agentErrors()
    {
        return agentErrors;
    }

    public CoreMetrics coreMetrics()
    {
        return coreMetrics;
    }

    /** Where orders go when trading live; null with the paper venue. */
    public LiveVenue liveVenue()
    {
        return liveVenue;
    }

    public MarketDataFeed feed()
    {
        return feed;
    }

    public TradingSwitch tradingSwitch()
    {
        return tradingSwitch;
    }

    public long ringRemainingCapacity()
    {
        return ring == null ? ringSize : ring.remainingCapacity();
    }

    public int ringSize()
    {
        return ringSize;
    }

    public List<HaltingExceptionHandler> stageErrors()
    {
        return ring == null ? List.of() : ring.exceptionHandlers();
    }

    public boolean isStopped()
    {
        return stopped;
    }
}
