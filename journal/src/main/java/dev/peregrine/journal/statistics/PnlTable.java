package dev.peregrine.journal.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PnL per strategy and per strategy and product, with the total, read from {@link PnlFigures} at the given
 * marks: the one table the backtest summary, the demo and run summaries, {@code report}, /admin/status and
 * /health print. Rows add up to the total by construction, and the total equals the engine's own PnL
 * (tested): every fill belongs to exactly one strategy, and PnL after fees plus unrealized is additive.
 * Realized alone is not: where two strategies trade one product against each other, each realizes against
 * its own average price while the engine nets the positions; the net figures still add up.
 */
public final class PnlTable
{
    private final List<PnlRow> byStrategy;
    private final List<PnlRow> byStrategyAndProduct;
    private final PnlRow total;

    private PnlTable(final List<PnlRow> byStrategy, final List<PnlRow> byStrategyAndProduct, final PnlRow total)
    {
        this.byStrategy = byStrategy;
        this.byStrategyAndProduct = byStrategyAndProduct;
        this.total = total;
    }

    /**
     * @param strategyNames by id: index 0 is the engine, 1..n the strategies
     * @param products      by instrument id
     * @param marks         the mark price per instrument (NaN when there is none)
     */
    public static PnlTable of(final PnlFigures figures, final List<String> strategyNames, final List<String> products,
        final double[] marks)
    {
        final List<PnlRow> byStrategy = new ArrayList<>();
        final List<PnlRow> byProduct = new ArrayList<>();
        PnlRow total = PnlRow.zero("total", PnlRow.ALL);
        for (int s = 0; s < figures.strategies(); s++)
        {
            final String name = s < strategyNames.size() ? strategyNames.get(s) : "strategy-" + s;
            PnlRow sum = PnlRow.zero(name, PnlRow.ALL);
            for (int i = 0; i < figures.instruments(); i++)
            {
                final double position = figures.position(s, i);
                final PnlRow row = new PnlRow(name, products.get(i), position, figures.realizedBeforeFees(s, i),
                    figures.fees(s, i), PnlFigures.unrealized(position, figures.averagePrice(s, i), marks[i]),
                    figures.funding(s, i), figures.orders(s, i), figures.fills(s, i), figures.rejects(s, i));
                if (row.active())
                {
                    byProduct.add(row);
                }
                sum = sum.plus(name, PnlRow.ALL, row);
            }
            // The engine's row only when it traded (exits, flatten); likewise an id past the strategies running now
            // (a ledger sized for every id a settings change may add, or a strategy a change removed).
            if ((s > 0 && s < strategyNames.size()) || sum.orders() + sum.rejects() + sum.fills() > 0)
            {
                byStrategy.add(sum);
            }
            total = total.plus("total", PnlRow.ALL, sum);
        }
        return new PnlTable(List.copyOf(byStrategy), List.copyOf(byProduct), total);
    }

    public List<PnlRow> byStrategy()
    {
        return byStrategy;
    }

    public List<PnlRow> byStrategyAndProduct()
    {
        return byStrategyAndProduct;
    }

    public PnlRow total()
    {
        return total;
    }

    /** What the columns mean, printed above the table and written beside it in JSON. */
    public static final String NOTE = "quote currency; realized is before fees, net = realized - fees + unrealized; " +
        "unrealized at the core's mark";
    /** {@link #NOTE} for a table with perpetual funding (the venue's mark values perpetuals). */
    public static final String NOTE_WITH_FUNDING = "quote currency; realized is before fees, net = realized - fees + " +
        "unrealized - funding; unrealized at the core's mark (the venue's mark for perpetuals); funding paid > 0, received < 0";

    /** Whether any row has funding: only then do the lines show the column (spot summaries read as before). */
    public boolean hasFunding()
    {
        for (final PnlRow row : byStrategyAndProduct)
        {
            if (row.funding() != 0)
            {
                return true;
            }
        }
        return false;
    }

    /** The note that goes with this table: {@link #NOTE}, or {@link #NOTE_WITH_FUNDING} when it has funding. */
    public String note()
    {
        return hasFunding() ? NOTE_WITH_FUNDING : NOTE;
    }

    /** The table as the command line prints it: a line per strategy, then per strategy and product, then the total. */
    public List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        final boolean funding = hasFunding();
        lines.add("pnl by strategy (" + note() + "):");
        final List<PnlRow> rows = new ArrayList<>(byStrategy);
        if (byStrategyAndProduct.size() > 1 || byStrategy.size() > 1)
        {
            rows.addAll(byStrategyAndProduct);
        }
        rows.add(total);
        int nameWidth = 8;
        int productWidth = 7;
        for (final PnlRow row : rows)
        {
            nameWidth = Math.max(nameWidth, row.strategy().length());
            productWidth = Math.max(productWidth, row.product().length());
        }
        for (final PnlRow row : rows)
        {
            lines.add(String.format(Locale.ROOT, "  %-" + nameWidth + "s %-" + productWidth + "s position %s, realized %+.2f, " +
                "fees %.2f, unrealized %+.2f, %snet %+.2f; orders %d, fills %d, rejects %d", row.strategy(), row.product(),
                Double.isNaN(row.position()) ? "-" : String.format(Locale.ROOT, "%.8f", row.position()).replaceAll("0{1,7}$", ""),
                row.realizedBeforeFees(), row.fees(), row.unrealized(),
                funding ? String.format(Locale.ROOT, "funding %+.2f, ", row.funding()) : "", row.net(), row.orders(),
                row.fills(), row.rejects()));
        }
        return lines;
    }
}
