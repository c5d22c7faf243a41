package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.FeeLedger;
import dev.peregrine.core.execution.PaperVenue;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.execution.VenueReportHandler;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.FundingSettlement;
import dev.peregrine.core.perpetual.PerpetualState;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketSanity;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RiskChain;
import dev.peregrine.core.risk.RiskContext;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.StrategyParts;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.core.strategy.config.NamedStrategy;

import java.util.List;

/**
 * The one place a {@link TradingCore} is built: its parts are made here, in numbered steps, and handed
 * to the core, which builds nothing itself. Live, recovery, replay, backtest and the bench all come
 * through here, so they run the same core.
 *
 * <ol>
 *   <li>instruments, the settings' products as the catalog it is handed lists them;</li>
 *   <li>books: market state (books, touch, last trade), feed health, the market-data sanity band, instrument
 *       rules, positions and the order store;</li>
 *   <li>the risk chain and the context its checks read;</li>
 *   <li>the fee ledger;</li>
 *   <li>the paper venue, in paper mode; live mode ({@link EngineSettings#liveVenue()}) has none, orders go
 *       out through the outbound stage and the venue's answers come back as journaled events;</li>
 *   <li>execution, and the handler of the venue's reports;</li>
 *   <li>the strategies;</li>
 *   <li>the core.</li>
 * </ol>
 */
public final class CoreAssembly
{
    /** Fills the fee ledger keeps per instrument for its reports (a power of two). */
    private static final int FEE_LEDGER_CAPACITY = 1 << 12;

    private CoreAssembly()
    {
    }

    /**
     * A core running the strategies of {@code settings} (the moving-average crossover when none is configured).
     *
     * @throws dev.peregrine.core.strategy.config.StrategyConfigException listing every configuration problem.
     */
    public static TradingCore build(final ProductCatalog catalog, final EngineSettings settings,
        final OutputListener outputs, final CoreMetrics metrics, final TradingSwitch tradingSwitch)
    {
        return build(catalog, settings, outputs, metrics, tradingSwitch, StrategyLineup.configured(settings), true);
    }

    /** A core running the one strategy {@code strategy} builds (named "strategy"). */
    public static TradingCore build(final ProductCatalog catalog, final EngineSettings settings,
        final OutputListener outputs, final CoreMetrics metrics, final TradingSwitch tradingSwitch, final StrategyFactory strategy)
    {
        return build(catalog, settings, outputs, metrics, tradingSwitch, List.of(new NamedStrategy("strategy", "custom", strategy)));
    }

    /**
     * A core running {@code strategies}, with ids 1, 2, ... in list order. For tests and embedding code:
     * {@code settings.strategies()} is not consulted, so a journal written by such a core replays with
     * its own strategies only through this method again (the header cannot carry code).
     */
    public static TradingCore build(final ProductCatalog catalog, final EngineSettings settings,
        final OutputListener outputs, final CoreMetrics metrics, final TradingSwitch tradingSwitch, final List<NamedStrategy> strategies)
    {
        return build(catalog, settings, outputs, metrics, tradingSwitch, strategies, false);
    }

    private static TradingCore build(final ProductCatalog catalog, final EngineSettings settings,
        final OutputListener outputs, final CoreMetrics metrics, final TradingSwitch tradingSwitch, final List<NamedStrategy> strategies,
        final boolean strategiesFromSettings)
    {
        // 1. instruments
        final InstrumentRegistry instruments = settings.instrumentRegistry(catalog);
        final int n = instruments.size();

        // 2. books, market-data health and rules, positions, orders
        final MarketState market = new MarketState(instruments);
        final FeedHealth feedHealth = new FeedHealth(n);
        final MarketSanity sanity = new MarketSanity(settings.risk().sanity, instruments, catalog, feedHealth, metrics.marketDataDropped);
        final InstrumentRules rules = new InstrumentRules(instruments);
        final PositionBook positions = new PositionBook(n);
        final OrderStore orders = new OrderStore(ExecutionEngine.ORDER_CAPACITY);
        // perpetual futures: marks, margin, funding (idle when every product is spot); risk reads the margin account
        final PerpetualState perpetuals = new PerpetualState(instruments, positions, FixedPoint.toDouble(settings.collateral()),
            settings.leverage(), Math.max(settings.strategyCount(), strategies.size()));

        // 3. risk chain
        final RiskChain riskChain = RiskChain.standard(perpetuals, instruments, positions);
        final RiskContext riskContext = new RiskContext(settings.risk(), positions, market, orders, rules, feedHealth);

        // 4. fee ledger
        final FeeLedger fees = new FeeLedger(FEE_LEDGER_CAPACITY, n);

        // 5. paper venue (paper mode only), answering through the report handler
        final VenueReportHandler reports = new VenueReportHandler(orders, positions, fees, outputs, metrics,
            settings.paperVenue());
        final PaperVenue paperVenue = settings.liveVenue() ? null :
            new PaperVenue(market, orders, settings.paperVenue(), reports, rules);

        // 6. execution
        final TradingStateMachine tradingState = new TradingStateMachine();
        final ExecutionEngine execution = new ExecutionEngine(market, positions, orders, riskChain, riskContext, fees,
            reports, paperVenue, outputs, metrics, tradingSwitch, tradingState, settings.exits(),
            settings.venueTimeoutNanos());
        if (paperVenue != null)
        {
            paperVenue.liquidateWith(perpetuals, positions, execution); // perpetuals: liquidation at the mark
        }

        // 7. strategies
        final StrategyLineup lineup = new StrategyLineup(
            new StrategyParts(execution, market, instruments, rules, feedHealth, positions, perpetuals), metrics);
        final StrategySet strategySet = lineup.build(strategies, settings);

        // 8. the core
        return new TradingCore(settings, strategiesFromSettings, sanity, tradingState, lineup, strategySet, metrics,
            new FundingSettlement(perpetuals, positions, outputs));
    }
}
