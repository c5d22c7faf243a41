package dev.peregrine.ops.metrics;

import dev.peregrine.core.metrics.PerpetualGauges;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.metrics.SingleWriterGauge;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.List;

/**
 * Perpetual futures on /metrics, from {@link PerpetualGauges} (published by the core thread): per product (label
 * {@code product}) the venue's mark, index and funding rate, mark updates, the position on the mark and its
 * liquidation price, funding; for the account margin ratio, effective leverage, margin and equity, and the margin
 * ratio limit. The mark lag histogram ({@code peregrine_mark_lag_seconds}) comes from the sidecar. A run without a
 * perpetual product reports none of these series, so spot scrapes stay as they were.
 */
final class PerpetualMetricsExport
{
    private PerpetualMetricsExport()
    {
    }

    static void register(final CallbackMetrics metrics, final LiveEngine engine)
    {
        perProduct(metrics, engine, "peregrine_mark_price", "The venue's mark price per perpetual product (0 before the first)",
            g -> g.markPrice);
        perProduct(metrics, engine, "peregrine_index_price", "The venue's index price per perpetual product",
            g -> g.indexPrice);
        perProduct(metrics, engine, "peregrine_funding_rate",
            "The venue's current funding rate per interval (0.0001 = 0.01%; positive: longs pay shorts)", g -> g.fundingRate);
        perProduct(metrics, engine, "peregrine_next_funding_time_seconds", "When the next funding is, epoch seconds (0: unknown)",
            g -> g.nextFundingTimeSeconds);
        perProduct(metrics, engine, "peregrine_perpetual_contracts", "Perpetual position in contracts (negative is short)",
            g -> g.contracts);
        perProduct(metrics, engine, "peregrine_perpetual_entry_price", "Average entry price of the perpetual position",
            g -> g.entryPrice);
        perProduct(metrics, engine, "peregrine_perpetual_notional", "Notional of the perpetual position on the mark, settlement currency",
            g -> g.notional);
        perProduct(metrics, engine, "peregrine_perpetual_unrealized_pnl", "Unrealized PnL of the perpetual position on the mark",
            g -> g.unrealizedPnl);
        perProduct(metrics, engine, "peregrine_perpetual_margin", "Initial margin of the perpetual position (notional / leverage)",
            g -> g.margin);
        perProduct(metrics, engine, "peregrine_liquidation_price",
            "Mark price at which the venue would liquidate the perpetual position (0: no position)", g -> g.liquidationPrice);
        perProduct(metrics, engine, "peregrine_funding_paid",
            "Funding paid per perpetual product, every strategy (negative: received), settlement currency",
            g -> g.fundingPaid);
        perProductCounter(metrics, engine, "peregrine_mark_updates", "MARK_PRICE events per perpetual product",
            g -> g.markUpdates);
        perProductCounter(metrics, engine, "peregrine_funding_settlements", "Funding settlements applied per perpetual product",
            g -> g.fundingSettlements);
        perProductCounter(metrics, engine, "peregrine_market_liquidations",
            "Liquidation orders the venue printed on the market per product (information only)", g -> g.marketLiquidations);

        account(metrics, engine, "peregrine_margin_ratio",
            "Maintenance margin over margin balance of the perpetual account (the venue liquidates at 1)", g -> g.marginRatio);
        account(metrics, engine, "peregrine_effective_leverage", "Notional on mark over equity of the perpetual account",
            g -> g.effectiveLeverage);
        account(metrics, engine, "peregrine_margin_used", "Initial margin of every perpetual position, settlement currency",
            g -> g.marginUsed);
        account(metrics, engine, "peregrine_margin_available", "Margin balance less the margin used, settlement currency",
            g -> g.marginAvailable);
        account(metrics, engine, "peregrine_margin_balance",
            "Equity of the perpetual account: collateral + realized - fees - funding + unrealized", g -> g.equity);
        account(metrics, engine, "peregrine_collateral", "The perpetual account's starting collateral, settlement currency",
            g -> g.collateral);
        metrics.gauge("peregrine_risk_max_margin_ratio", "Margin ratio limit (risk.max_margin_ratio); 0 means none", points ->
        {
            if (gauges(engine).active())
            {
                points.call(engine.settings().risk().perpetual.maxMarginRatio());
            }
        });
    }

    private static PerpetualGauges gauges(final LiveEngine engine)
    {
        return engine.coreMetrics().perpetual();
    }

    private static void perProduct(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final java.util.function.Function<PerpetualGauges, SingleWriterGauge[]> series)
    {
        metrics.gauge(name, help, points ->
        {
            final PerpetualGauges g = gauges(engine);
            forEachPerpetual(engine, g, i -> points.call(series.apply(g)[i].get(), symbol(engine, i)));
        }, "product");
    }

    private static void perProductCounter(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final java.util.function.Function<PerpetualGauges, SingleWriterCounter[]> series)
    {
        metrics.counter(name, help, points ->
        {
            final PerpetualGauges g = gauges(engine);
            forEachPerpetual(engine, g, i -> points.call(series.apply(g)[i].get(), symbol(engine, i)));
        }, "product");
    }

    private static void account(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final java.util.function.Function<PerpetualGauges, SingleWriterGauge> value)
    {
        metrics.gauge(name, help, points ->
        {
            final PerpetualGauges g = gauges(engine);
            if (g.active())
            {
                points.call(value.apply(g).get());
            }
        });
    }

    private static void forEachPerpetual(final LiveEngine engine, final PerpetualGauges g, final java.util.function.IntConsumer each)
    {
        if (!g.active())
        {
            return;
        }
        final int n = Math.min(g.instrumentCount(), engine.settings().products().size());
        for (int i = 0; i < n; i++)
        {
            if (g.isPerpetual(i))
            {
                each.accept(i);
            }
        }
    }

    private static String symbol(final LiveEngine engine, final int instrumentId)
    {
        final List<String> products = engine.core().instruments().symbols();
        return products.get(instrumentId);
    }
}
