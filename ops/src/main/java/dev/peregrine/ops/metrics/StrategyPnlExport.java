package dev.peregrine.ops.metrics;

import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.function.ToDoubleFunction;

/**
 * PnL per strategy and product on /metrics, labelled {@code strategy} and {@code product}: the rows of the
 * same {@link PnlTable} /admin/status and the summaries print (a series appears once its strategy has
 * an order, fill or reject on the product). Summed over {@code strategy}, position, fees and net PnL give the
 * engine's {@code peregrine_position}, fees and realized + unrealized PnL. Realized PnL here is before fees.
 */
final class StrategyPnlExport
{
    private StrategyPnlExport()
    {
    }

    static void export(final MetricSnapshots.Builder out, final PnlTable pnl)
    {
        out.metricSnapshot(gauge(pnl, "peregrine_strategy_position",
            "Position per strategy and product in base units (negative is short)", PnlRow::position));
        out.metricSnapshot(gauge(pnl, "peregrine_strategy_realized_pnl",
            "Realized PnL per strategy and product before fees, quote currency", PnlRow::realizedBeforeFees));
        out.metricSnapshot(gauge(pnl, "peregrine_strategy_unrealized_pnl",
            "Unrealized PnL per strategy and product at the core's mark, quote currency", PnlRow::unrealized));
        out.metricSnapshot(gauge(pnl, "peregrine_strategy_net_pnl",
            "Realized PnL after fees plus unrealized, per strategy and product, quote currency", PnlRow::net));
        out.metricSnapshot(counter(pnl, "peregrine_strategy_fees", "Fees paid per strategy and product, quote currency",
            PnlRow::fees));
        out.metricSnapshot(counter(pnl, "peregrine_strategy_orders", "Orders sent per strategy and product",
            r -> r.orders()));
        out.metricSnapshot(counter(pnl, "peregrine_strategy_fills", "Fills per strategy and product", r -> r.fills()));
        out.metricSnapshot(counter(pnl, "peregrine_strategy_rejects",
            "Orders refused by risk or the venue, per strategy and product", r -> r.rejects()));
    }

    private static GaugeSnapshot gauge(final PnlTable pnl, final String name, final String help,
        final ToDoubleFunction<PnlRow> value)
    {
        final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        for (final PnlRow row : pnl.byStrategyAndProduct())
        {
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value.applyAsDouble(row))
                .labels(labels(row)).build());
        }
        return builder.build();
    }

    private static CounterSnapshot counter(final PnlTable pnl, final String name, final String help,
        final ToDoubleFunction<PnlRow> value)
    {
        final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        for (final PnlRow row : pnl.byStrategyAndProduct())
        {
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value.applyAsDouble(row))
                .labels(labels(row)).build());
        }
        return builder.build();
    }

    private static Labels labels(final PnlRow row)
    {
        return Labels.of("strategy", row.strategy(), "product", row.product());
    }
}
