package dev.peregrine.core.engine;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.event.CandleFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PaperVenue;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketSanity;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.metrics.StageLatencies;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.FundingSettlement;
import dev.peregrine.core.perpetual.PerpetualState;
import dev.peregrine.core.strategy.StrategyParts;
import dev.peregrine.core.strategy.StrategySet;

import java.util.List;

/**
 * The core consumer: the only thread that writes trading state. For each inbound event, in ring order:
 * <ol>
 *   <li>market state (top of book, last trade; {@link MarketDataStage}),</li>
 *   <li>strategy, which may place orders,</li>
 *   <li>risk and execution for each order (inside {@link ExecutionEngine#submitMarketOrder}),</li>
 *   <li>the paper venue's fills, which update positions (paper mode only),</li>
 *   <li>the loss limits ({@link LossLimitWatch}) and the gauges ({@link CoreGauges}).</li>
 * </ol>
 * Its clock is the event's own time. It is a plain {@link EventHandler}: the live engine runs it on
 * the Disruptor's consumer thread, and a replay calls {@link #onEvent} directly with journaled events.
 * It is built only by {@link CoreAssembly}, which makes its parts.
 */
public final class TradingCore implements EventHandler<InboundEvent>
{
    private final InstrumentRegistry instruments;
    private final MarketState market;
    private final FeedHealth feedHealth;
    private final MarketSanity sanity;
    private final InstrumentRules rules;
    private final PositionBook positions;
    private final ExecutionEngine execution;
    /** The paper venue, or null in live mode. */
    private final PaperVenue venue;
    private final StrategyLineup lineup;
    /** Replaced only by {@link #applySettings}, between events. */
    private StrategySet strategies;
    private final CoreMetrics metrics;
    private final MarketDataStage marketData;
    private final LossLimitWatch lossLimits;
    private final MarginRatioWatch marginRatio;
    private final CoreGauges gauges;
    /** The settings in effect, and whether the strategies came from them (not from an explicit list). */
    private EngineSettings settings;
    private final boolean strategiesFromSettings;
    /** Hash of every settings change applied (0: none), in the state hash so replay = live covers them. */
    private long appliedSettingsHash;
    private final TradingStateMachine tradingState;
    private final PerpetualState perpetuals;
    private final FundingSettlement funding;

    private long clockNanos;
    private volatile Throwable lastError;
    private long eventsProcessed;

    /**
     * A core over parts {@link CoreAssembly} built: the one way to make one. The market, instruments, rules,
     * feed health, positions and execution are the ones its strategies run against, held by {@code lineup}.
     */
    TradingCore(
        final EngineSettings settings,
        final boolean strategiesFromSettings,
        final MarketSanity sanity,
        final TradingStateMachine tradingState,
        final StrategyLineup lineup,
        final StrategySet strategies,
        final CoreMetrics metrics,
        final FundingSettlement funding)
    {
        final StrategyParts parts = lineup.parts();
        this.settings = settings;
        this.strategiesFromSettings = strategiesFromSettings;
        this.instruments = parts.instruments();
        this.metrics = metrics;
        this.market = parts.market();
        this.feedHealth = parts.feedHealth();
        this.sanity = sanity;
        this.rules = parts.rules();
        this.positions = parts.enginePositions();
        this.execution = parts.execution();
        this.venue = execution.venue();
        this.tradingState = tradingState;
        this.perpetuals = parts.perpetuals();
        this.funding = funding;
        this.marketData = new MarketDataStage(market, sanity, execution.venue(), metrics);
        this.lossLimits = new LossLimitWatch(execution, tradingState, metrics, settings.risk());
        this.marginRatio = new MarginRatioWatch(tradingState, perpetuals.account(), perpetuals.active(), settings.risk());
        this.gauges = new CoreGauges(market, positions, execution, tradingState, lossLimits, metrics);
        this.lineup = lineup;
        this.strategies = strategies;
    }

    /**
     * Continues with {@code next} from this point (a settings record of the journal, or a restart with a
     * changed configuration): what that means is {@link SettingsChange}'s. Call between events only (the
     * core idle, or on its own thread); journal readers call it through one class (the journal's
     * {@code JournalFeed}), so live, recovery and replay apply a change identically.
     *
     * @throws IllegalArgumentException if the change has blockers ({@link SettingsChange#blockers}): the
     *                                  caller checks first and refuses with them
     */
    public void applySettings(final EngineSettings next)
    {
        final SettingsChange change = SettingsChange.between(settings, next);
        final List<String> blockers = change.blockers(this);
        if (!blockers.isEmpty())
        {
            throw new IllegalArgumentException("these settings cannot continue this core: " + String.join("; ", blockers));
        }
        execution.applySettings(next.risk(), next.exits(), next.paperVenue(), next.venueTimeoutNanos());
        lossLimits.replaceLimits(next.risk());
        marginRatio.replaceLimits(next.risk());
        if (strategiesFromSettings)
        {
            strategies = lineup.rebuild(strategies, change, next);
        }
        perpetuals.funding().ensureStrategies(next.strategyCount());
        perpetuals.account().reconfigure(FixedPoint.toDouble(next.collateral()), next.leverage());
        settings = next;
        appliedSettingsHash = Hash64.mix(Hash64.mix(appliedSettingsHash, next.digest()), eventsProcessed);
    }

    /** The settings in effect: those the core was built with, or the last applied. */
    public EngineSettings settings()
    {
        return settings;
    }

    boolean strategiesFromSettings()
    {
        return strategiesFromSettings;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        execution.beginInput(sequence);
        try
        {
            process(event);
        }
        catch (final RuntimeException ex)
        {
            // A bug in the core (a strategy's own bugs stop at its StrategyGuard) must not make the engine
            // unable to replay or restart: the same event throws the same way in live, recovery and replay,
            // so containing it here and halting is deterministic. The reason is built only on this path.
            metrics.coreErrors.increment();
            tradingState.onError("core error at event time " + clockNanos + ": " + ex, clockNanos);
            lastError = ex;
        }
    }

    private void process(final InboundEvent event)
    {
        // Producers on different threads can stamp slightly out of order; the core's clock never goes back.
        clockNanos = Math.max(clockNanos, event.eventTimeNanos);
        final StageLatencies stages = metrics.stages;
        stages.beginEvent(event);
        execution.beginEvent(event, clockNanos);
        strategies.beginEvent(clockNanos);
        final PaperVenue venue = this.venue;
        if (venue != null)
        {
            venue.advanceTo(clockNanos);
        }
        final boolean wasHealthy = aboutFeed(event) && feedHealth.isHealthy(event.instrumentId);
        switch (event.type)
        {
            case EventType.TRADE:
                marketData.onTrade(event, clockNanos, strategies);
                break;
            case EventType.QUOTE:
                marketData.onQuote(event, clockNanos, strategies);
                break;
            case EventType.CLOCK:
                metrics.clocks.increment();
                strategies.onClock(clockNanos);
                break;
            case EventType.BOOK_LEVEL:
                marketData.onBookLevel(event, clockNanos, strategies);
                break;
            case EventType.CANDLE:
                metrics.candles.increment();
                if ((event.flags & CandleFlags.BAR) != 0 && knownInstrument(event.instrumentId))
                {
                    marketData.onCandleBar(event, clockNanos, strategies);
                }
                break;
            case EventType.INSTRUMENT_INFO:
                metrics.instrumentInfos.increment();
                rules.onInfo(event.instrumentId, event.priceIncrement, event.sizeIncrement, event.quantity, event.flags);
                break;
            case EventType.FEED_STALE:
                metrics.feedStale.increment();
                feedHealth.onStale(event.instrumentId);
                strategies.onFeedStatus(event.instrumentId, false, clockNanos);
                break;
            case EventType.FEED_GAP:
                metrics.feedGaps.increment();
                feedHealth.onGap(event.instrumentId);
                market.book(event.instrumentId).invalidate();
                sanity.onResync(event.instrumentId);
                strategies.onFeedStatus(event.instrumentId, false, clockNanos);
                break;
            case EventType.FEED_RECOVERED:
                metrics.feedRecovered.increment();
                feedHealth.onRecovered(event.instrumentId);
                strategies.onFeedStatus(event.instrumentId, true, clockNanos);
                break;
            case EventType.VENUE_ACCEPTED:
            case EventType.VENUE_REJECTED:
            case EventType.VENUE_FILL:
            case EventType.VENUE_CANCELLED:
            case EventType.VENUE_CANCEL_REJECTED:
            case EventType.VENUE_UNKNOWN:
                metrics.venueReports.increment();
                stages.executionStart();
                execution.reports().onVenueReport(event);
                stages.executionEnd();
                break;
            case EventType.COMMAND:
                metrics.commands.increment();
                stages.executionStart();
                execution.onCommand(event.flags);
                stages.executionEnd();
                break;
            case EventType.MARK_PRICE:
            case EventType.FUNDING_SETTLEMENT:
            case EventType.LIQUIDATION:
                onPerpetual(event);
                break;
            default:
                metrics.unknownEvents.increment();
                break;
        }
        afterFeedHealth(event, wasHealthy);
        strategies.fireTimers(clockNanos);
        stages.strategyEnd();
        execution.afterEvent();
        if (venue != null)
        {
            // What the strategy just sent, with zero latency, is matched and reported within this event.
            venue.advanceTo(clockNanos);
        }
        lossLimits.check(clockNanos);
        marginRatio.check(clockNanos);
        eventsProcessed++;
        metrics.events.increment();
        gauges.afterEvent(event.type);
        perpetuals.afterEvent(event.type == EventType.TRADE || event.type == EventType.QUOTE ||
            event.type == EventType.BOOK_LEVEL, metrics.fills.get());
        stages.endEvent();
        if (event.receiveNanoTime != 0)
        {
            // Measurement only: the wall clock never feeds a decision.
            final long latency = System.nanoTime() - event.receiveNanoTime;
            metrics.tickToDecisionNanos.recordValue(Math.min(Math.max(latency, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
        }
    }

    /** MARK_PRICE, FUNDING_SETTLEMENT and LIQUIDATION; one of an instrument the engine does not have is counted unknown. */
    private void onPerpetual(final InboundEvent event)
    {
        final int id = event.instrumentId;
        if (id < 0 || id >= instruments.size())
        {
            metrics.unknownEvents.increment();
            return;
        }
        switch (event.type)
        {
            case EventType.MARK_PRICE:
                perpetuals.marks().onMark(id, event.markPrice, event.indexPrice, event.fundingRate,
                    event.nextFundingTimeNanos, event.exchangeTimeNanos, clockNanos);
                perpetuals.window(id).add(clockNanos, event.markPrice);
                perpetuals.account().onMark(id, event.markPrice);
                if (perpetuals.account().isPerpetual(id))
                {
                    market.onVenueMark(id, event.markPrice); // unrealized PnL, exposure and the price band follow the mark
                }
                if (venue != null)
                {
                    venue.onMark(id, clockNanos, strategies); // the paper venue liquidates what the mark crossed
                }
                break;
            case EventType.FUNDING_SETTLEMENT:
                funding.settle(id, event.fundingRate, event.markPrice, event.fee, event.exchangeTimeNanos, strategies,
                    clockNanos);
                break;
            default:
                if (LiquidationFlags.isOwnPosition(event))
                {
                    execution.onVenueLiquidation(event, strategies); // the venue closed ours: the books follow it
                }
                else
                {
                    perpetuals.onLiquidationPrint(id, event.quantity);
                }
                break;
        }
        metrics.markLags().afterEvent(event);
    }

    /**
     * A market-data or feed event that changed whether its instrument may be traded on (a crossed book, an
     * impossible price, a stale feed): the strategies hear it (a market maker pulls its quotes) and the
     * gauge {@code /ready} reads is republished. Feed events tell the strategies themselves.
     */
    private void afterFeedHealth(final InboundEvent event, final boolean wasHealthy)
    {
        if (!aboutFeed(event))
        {
            return;
        }
        final int id = event.instrumentId;
        final boolean healthy = feedHealth.isHealthy(id);
        metrics.feedUnhealthy[id].set(healthy ? 0 : 1);
        final boolean feedEvent = event.type == EventType.FEED_STALE || event.type == EventType.FEED_GAP ||
            event.type == EventType.FEED_RECOVERED;
        if (healthy != wasHealthy && !feedEvent)
        {
            strategies.onFeedStatus(id, healthy, clockNanos);
        }
    }

    private boolean knownInstrument(final int id)
    {
        return id >= 0 && id < instruments.size();
    }

    private boolean aboutFeed(final InboundEvent event)
    {
        final int type = event.type;
        return (type == EventType.TRADE || type == EventType.QUOTE || type == EventType.BOOK_LEVEL ||
            type == EventType.FEED_STALE || type == EventType.FEED_GAP || type == EventType.FEED_RECOVERED) &&
            event.instrumentId >= 0 && event.instrumentId < instruments.size();
    }

    /** Writes every gauge now (they are otherwise republished when something an operator watches moved). */
    public void publishGauges()
    {
        gauges.publish();
    }

    /** Unrealized PnL of every position at its instrument's mark price. */
    public double totalUnrealizedPnl()
    {
        return gauges.unrealizedPnl();
    }

    /** Marks, the margin account and funding of perpetual instruments (idle in a spot run). */
    public PerpetualState perpetuals()
    {
        return perpetuals;
    }

    /**
     * A hash of everything the core owns: market state, positions, strategy memory, order ids and the
     * venue's liquidity accounting. Equal hashes after a live run and its replay mean equal state.
     */
    public long stateHash()
    {
        long h = Hash64.mix(Hash64.SEED, eventsProcessed);
        h = Hash64.mix(h, clockNanos);
        h = Hash64.mix(h, lossLimits.breachDay());
        if (appliedSettingsHash != 0)
        {
            h = Hash64.mix(h, appliedSettingsHash); // only once a change was applied: older hashes stay as they were
        }
        h = market.hash(h);
        h = feedHealth.hash(h);
        h = sanity.hash(h);
        h = rules.hash(h);
        h = positions.hash(h);
        h = execution.hash(h);
        // Perpetual state mixes in only when an instrument is a perpetual: spot runs' hashes stay as they were.
        return perpetuals.hash(strategies.hash(h));
    }

    public long eventsProcessed()
    {
        return eventsProcessed;
    }

    public long clockNanos()
    {
        return clockNanos;
    }

    public InstrumentRegistry instruments()
    {
        return instruments;
    }

    public MarketState market()
    {
        return market;
    }

    /** The strategies and whether each still runs (a strategy that threw is disabled). */
    public StrategySet strategies()
    {
        return strategies;
    }

    /** The last exception contained by the core, or null: for a log line off the core thread. */
    public Throwable lastError()
    {
        return lastError;
    }

    public TradingStateMachine tradingState()
    {
        return tradingState;
    }

    public FeedHealth feedHealth()
    {
        return feedHealth;
    }

    /** What market data was dropped as impossible, and each instrument's reference price. */
    public MarketSanity sanity()
    {
        return sanity;
    }

    public InstrumentRules rules()
    {
        return rules;
    }

    public PositionBook positions()
    {
        return positions;
    }

    public ExecutionEngine execution()
    {
        return execution;
    }
}
