package dev.peregrine.ops.backtest;

import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.journal.backtest.Sweep;
import dev.peregrine.journal.backtest.SweepMetric;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's results as an aligned text table, one row per combination, best first by the chosen
 * metric (ties in grid order): rank, combination number (its journal is {@code sweep/<n>}), the swept
 * values, pnl (net of fees, with unrealized), trades (fills), max-drawdown, sharpe, orders, fees.
 */
public final class SweepTable
{
    private SweepTable()
    {
    }

    public static void print(final PrintWriter out, final List<String> keys, final List<Sweep.Row> rows,
        final SweepMetric metric)
    {
        final List<String[]> cells = new ArrayList<>();
        final List<String> head = new ArrayList<>(List.of("rank", "#"));
        head.addAll(keys);
        head.addAll(List.of("pnl", "trades", "max-drawdown", "sharpe", "orders", "fees", "output-digest"));
        cells.add(head.toArray(new String[0]));
        int rank = 1;
        final java.util.Set<String> missing = new java.util.LinkedHashSet<>();
        for (final Sweep.Row row : Sweep.sorted(rows, metric))
        {
            final BacktestResult r = row.result();
            final List<String> line = new ArrayList<>(List.of(Integer.toString(rank++), Integer.toString(row.number())));
            for (final String key : keys)
            {
                line.add(row.combination().get(key));
            }
            line.add(money(r.netPnl()));
            line.add(Long.toString(r.fills()));
            line.add(money(r.maxDrawdown()));
            line.add(r.sharpe().available() ? String.format(Locale.ROOT, "%.2f", r.sharpe().value()) : "n/a");
            if (!r.sharpe().available())
            {
                missing.add(r.sharpe().unavailable());
            }
            line.add(Long.toString(r.orders()));
            line.add(money(r.fees()));
            line.add(r.outputDigestHex());
            cells.add(line.toArray(new String[0]));
        }
        final int[] width = new int[head.size()];
        for (final String[] line : cells)
        {
            for (int i = 0; i < line.length; i++)
            {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        for (final String[] line : cells)
        {
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length; i++)
            {
                if (i > 0)
                {
                    sb.append("  ");
                }
                final boolean left = i >= 2 && i < 2 + keys.size() || i == line.length - 1;
                sb.append(left ? String.format("%-" + width[i] + "s", line[i]) : String.format("%" + width[i] + "s", line[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        for (final String reason : missing)
        {
            out.println("sharpe n/a: " + reason);
        }
        out.flush();
    }

    private static String money(final double value)
    {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
