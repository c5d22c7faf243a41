package dev.peregrine.ops.metrics;

import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.function.ToDoubleFunction;

/**
 * PnL per strategy and product on /metrics, labelled {@code strategy} and {@code product}: the rows of the
 * same {@link PnlTable} /admin/status and the summaries print (a series appears once its strategy has
 * an order, fill or reject on the product). Summed over {@code strategy}, position, fees and net PnL give the
 * engine's {@code peregrine_position}, fees and realized + unrealized PnL. Realized PnL here is before fees. With a
 * perpetual product, {@code peregrine_strategy_funding} splits out funding (net PnL is after it).
 */
final class StrategyPnlExport
{
    private StrategyPnlExport()
    {
    }

    static void register(final CallbackMetrics metrics, final LiveEngine engine)
    {
        gauge(metrics, engine, "peregrine_strategy_position",
            "Position per strategy and product in base units (negative is short)", PnlRow::position);
        gauge(metrics, engine, "peregrine_strategy_realized_pnl",
            "Realized PnL per strategy and product before fees, quote currency", PnlRow::realizedBeforeFees);
        gauge(metrics, engine, "peregrine_strategy_unrealized_pnl",
            "Unrealized PnL per strategy and product at the core's mark, quote currency", PnlRow::unrealized);
        gauge(metrics, engine, "peregrine_strategy_net_pnl",
            "Realized PnL after fees plus unrealized, per strategy and product, quote currency", PnlRow::net);
        counter(metrics, engine, "peregrine_strategy_fees", "Fees paid per strategy and product, quote currency",
            PnlRow::fees);
        metrics.gauge("peregrine_strategy_funding",
            "Perpetual funding paid per strategy and product (negative: received), settlement currency; only with a " +
                "perpetual product", points ->
            {
                if (engine.core().instruments().hasPerpetual())
                {
                    for (final PnlRow row : engine.results().pnlTable().byStrategyAndProduct())
                    {
                        points.call(row.funding(), row.strategy(), row.product());
                    }
                }
            }, "strategy", "product");
        counter(metrics, engine, "peregrine_strategy_orders", "Orders sent per strategy and product", r -> r.orders());
        counter(metrics, engine, "peregrine_strategy_fills", "Fills per strategy and product", r -> r.fills());
        counter(metrics, engine, "peregrine_strategy_rejects",
            "Orders refused by risk or the venue, per strategy and product", r -> r.rejects());
    }

    private static void gauge(final CallbackMetrics metrics, final LiveEngine engine, final String name, final String help,
        final ToDoubleFunction<PnlRow> value)
    {
        metrics.gauge(name, help, points ->
        {
            for (final PnlRow row : engine.results().pnlTable().byStrategyAndProduct())
            {
                points.call(value.applyAsDouble(row), row.strategy(), row.product());
            }
        }, "strategy", "product");
    }

    private static void counter(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final ToDoubleFunction<PnlRow> value)
    {
        metrics.counter(name, help, points ->
        {
            for (final PnlRow row : engine.results().pnlTable().byStrategyAndProduct())
            {
                points.call(value.applyAsDouble(row), row.strategy(), row.product());
            }
        }, "strategy", "product");
    }
}
