package dev.peregrine.ops.report;

import dev.peregrine.journal.statistics.PnlRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-strategy and per-product rows of the tearsheet: the PnL table's figures (which add up to the
 * account's) beside the trades of {@link GroupTrades}, the return on the capital and, per product, its
 * buy-and-hold return over the run.
 */
public final class TearsheetRows
{
    private TearsheetRows()
    {
    }

    /** One row: its PnL, its trades, net PnL / capital and (products only, else NaN) the product's buy-and-hold return. */
    public record Row(String name, PnlRow pnl, TradeTally trades, double returnOnCapital, double buyAndHold)
    {
    }

    static List<Row> strategies(final Report report)
    {
        final List<Row> rows = new ArrayList<>();
        final double capital = report.curve().capital();
        for (final PnlRow pnl : report.pnl().byStrategy())
        {
            final int id = report.strategyNames().indexOf(pnl.strategy());
            final TradeTally trades = report.recorder().groups().byStrategy().getOrDefault(id, new TradeTally());
            rows.add(new Row(pnl.strategy(), pnl, trades, pnl.net() / capital, Double.NaN));
        }
        return rows;
    }

    static List<Row> products(final Report report)
    {
        final List<Row> rows = new ArrayList<>();
        final double capital = report.curve().capital();
        final PeriodCloses closes = report.closes();
        for (int k = 0; k < report.settings().products().size(); k++)
        {
            final String product = report.product(k);
            double position = 0;
            double realized = 0;
            double fees = 0;
            double unrealized = 0;
            double funding = 0;
            long orders = 0;
            long fills = 0;
            long rejects = 0;
            for (final PnlRow r : report.pnl().byStrategyAndProduct())
            {
                if (r.product().equals(product))
                {
                    position += r.position();
                    realized += r.realizedBeforeFees();
                    fees += r.fees();
                    unrealized += r.unrealized();
                    funding += r.funding();
                    orders += r.orders();
                    fills += r.fills();
                    rejects += r.rejects();
                }
            }
            final PnlRow pnl = new PnlRow(PnlRow.ALL, product, position, realized, fees, unrealized, funding, orders, fills,
                rejects);
            final TradeTally trades = report.recorder().groups().byProduct().getOrDefault(k, new TradeTally());
            final double first = closes.firstMark(k);
            final double last = closes.hours() == 0 ? Double.NaN : closes.mark(k, closes.hours() - 1);
            rows.add(new Row(product, pnl, trades, pnl.net() / capital, first > 0 && last > 0 ? last / first - 1 : Double.NaN));
        }
        return rows;
    }
}
