package dev.peregrine.ops.metrics;

import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.metrics.SingleWriterGauge;
import dev.peregrine.core.perpetual.PublishedMargin;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.function.Function;

/**
 * Perpetual futures on /metrics, from the core's {@link PublishedMargin} (single-writer gauges it republishes after
 * marks, funding and fills): per product (label {@code product}) the venue's mark, index and funding rate, mark
 * updates, the position on the mark and its liquidation price, funding paid and the market's liquidation prints; for
 * the account margin ratio, effective leverage, margin and balances, funding settlements, and the margin ratio limit.
 * The mark lag histogram ({@code peregrine_mark_lag_seconds}) comes from the sidecar. A run without a perpetual
 * product reports none of these series, so spot scrapes stay as they were.
 */
final class PerpetualMetricsExport
{
    private PerpetualMetricsExport()
    {
    }

    static void register(final CallbackMetrics metrics, final LiveEngine engine)
    {
        perProduct(metrics, engine, "peregrine_mark_price", "The venue's mark price per perpetual product (0 before the first)",
            g -> g.markPrice, 1);
        perProduct(metrics, engine, "peregrine_index_price", "The venue's index price per perpetual product", g -> g.indexPrice, 1);
        perProduct(metrics, engine, "peregrine_funding_rate",
            "The venue's current funding rate per interval (0.0001 = 0.01%; positive: longs pay shorts)", g -> g.fundingRate, 1);
        perProduct(metrics, engine, "peregrine_next_funding_time_seconds", "When the next funding is, epoch seconds (0: unknown)",
            g -> g.nextFundingTimeNanos, 1e-9);
        perProduct(metrics, engine, "peregrine_perpetual_contracts", "Perpetual position in contracts (negative is short)",
            g -> g.contracts, 1);
        perProduct(metrics, engine, "peregrine_perpetual_entry_price", "Average entry price of the perpetual position",
            g -> g.entryPrice, 1);
        perProduct(metrics, engine, "peregrine_perpetual_notional",
            "Notional of the perpetual position on the mark, settlement currency", g -> g.notional, 1);
        perProduct(metrics, engine, "peregrine_perpetual_unrealized_pnl", "Unrealized PnL of the perpetual position on the mark",
            g -> g.unrealizedPnl, 1);
        perProduct(metrics, engine, "peregrine_perpetual_margin",
            "Initial margin of the perpetual position (notional / leverage)", g -> g.initialMargin, 1);
        perProduct(metrics, engine, "peregrine_perpetual_maintenance_margin",
            "Maintenance margin of the perpetual position (notional x rate - amount of its bracket)", g -> g.maintenanceMargin, 1);
        perProduct(metrics, engine, "peregrine_liquidation_price",
            "Mark price at which the venue would liquidate the perpetual position (0: no position)", g -> g.liquidationPrice, 1);
        perProduct(metrics, engine, "peregrine_funding_paid",
            "Funding paid per perpetual product, every strategy (negative: received), settlement currency", g -> g.fundingPaid, 1);
        perProductCounter(metrics, engine, "peregrine_mark_updates", "MARK_PRICE events per perpetual product",
            g -> g.markUpdates);
        perProductCounter(metrics, engine, "peregrine_market_liquidations",
            "Liquidation orders the venue printed on the market per product (information only)", g -> g.liquidationPrints);

        account(metrics, engine, "peregrine_margin_ratio",
            "Maintenance margin over margin balance of the perpetual account (the venue liquidates at 1)", g -> g.marginRatio);
        account(metrics, engine, "peregrine_effective_leverage", "Notional on mark over equity of the perpetual account",
            g -> g.effectiveLeverage);
        account(metrics, engine, "peregrine_margin_used", "Initial margin of every perpetual position, settlement currency",
            g -> g.marginUsed);
        account(metrics, engine, "peregrine_margin_available", "Margin balance less the margin used, settlement currency",
            g -> g.availableMargin);
        account(metrics, engine, "peregrine_margin_balance",
            "Equity of the perpetual account: wallet balance + unrealized PnL", g -> g.marginBalance);
        account(metrics, engine, "peregrine_wallet_balance",
            "Collateral + realized PnL - fees - funding paid, settlement currency", g -> g.walletBalance);
        metrics.counter("peregrine_funding_settlements", "Funding settlements the core applied, every perpetual product",
            points ->
            {
                if (active(engine))
                {
                    points.call(published(engine).fundingSettlements.get());
                }
            });
        metrics.gauge("peregrine_risk_max_margin_ratio", "Margin ratio limit (risk.max_margin_ratio); 0 means none", points ->
        {
            if (active(engine))
            {
                points.call(engine.settings().risk().perpetual.maxMarginRatio());
            }
        });
    }

    private static boolean active(final LiveEngine engine)
    {
        return engine.core().instruments().hasPerpetual();
    }

    private static PublishedMargin published(final LiveEngine engine)
    {
        return engine.core().perpetuals().published();
    }

    private static void perProduct(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final Function<PublishedMargin, SingleWriterGauge[]> series, final double scale)
    {
        metrics.gauge(name, help, points -> forEachPerpetual(engine,
            i -> points.call(series.apply(published(engine))[i].get() * scale, symbol(engine, i))), "product");
    }

    private static void perProductCounter(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final Function<PublishedMargin, SingleWriterGauge[]> series)
    {
        metrics.counter(name, help, points -> forEachPerpetual(engine,
            i -> points.call(series.apply(published(engine))[i].get(), symbol(engine, i))), "product");
    }

    private static void account(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final Function<PublishedMargin, SingleWriterGauge> value)
    {
        metrics.gauge(name, help, points ->
        {
            if (active(engine))
            {
                points.call(value.apply(published(engine)).get());
            }
        });
    }

    private static void forEachPerpetual(final LiveEngine engine, final java.util.function.IntConsumer each)
    {
        final InstrumentRegistry instruments = engine.core().instruments();
        for (int i = 0; i < instruments.size(); i++)
        {
            if (instruments.perpetual(i) != null)
            {
                each.accept(i);
            }
        }
    }

    private static String symbol(final LiveEngine engine, final int instrumentId)
    {
        return engine.core().instruments().symbols().get(instrumentId);
    }
}
