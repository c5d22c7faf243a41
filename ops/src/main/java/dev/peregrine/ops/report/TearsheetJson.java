package dev.peregrine.ops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PnlRow;

import java.util.List;
import java.util.Map;

/**
 * The tearsheet's part of report.json, written from the one {@link Tearsheet} the HTML reads too:
 * benchmark, distribution, rolling figures, calendar tables, drawdowns, per strategy and per product, the
 * breakdowns by entry signal and exit reason. A figure the data cannot define (NaN) is null.
 */
final class TearsheetJson
{
    private TearsheetJson()
    {
    }

    static void write(final ObjectNode json, final Report report)
    {
        final Tearsheet t = report.tearsheet();
        json.put("name", report.name());
        final ArrayNode strategies = json.putArray("strategy_parameters");
        for (final StrategySpec spec : report.settings().strategies())
        {
            final ObjectNode s = strategies.addObject().put("name", spec.name()).put("type", spec.type());
            final ObjectNode params = s.putObject("parameters");
            spec.params().forEach(params::put);
        }
        final ObjectNode sheet = json.putObject("tearsheet");
        sheet.put("returns_period", t.period).put("periods_per_year", t.periodsPerYear)
            .put("returns_count", t.returns.length).put("rolling_window", t.rollingWindow);
        final ArrayNode held = sheet.putObject("benchmark").put("kind", "buy and hold, equal weight, no fees")
            .putArray("products");
        for (final int k : t.benchmark.products())
        {
            held.add(report.product(k));
        }
        figures(sheet.putObject("strategy"), t.strategy);
        figures(sheet.putObject("buy_and_hold"), t.buyAndHold);
        number(sheet, "excess_return", t.excessReturn);
        number(sheet, "alpha", t.alpha);
        number(sheet, "beta", t.beta);
        number(sheet, "correlation", t.correlation);
        number(sheet, "recovery_factor", t.recoveryFactor);
        number(sheet, "sqn", t.sqn);
        if (t.bestDay != null)
        {
            period(sheet.putObject("best_day"), t.bestDay);
            period(sheet.putObject("worst_day"), t.worstDay);
        }
        final ArrayNode returns = sheet.putArray("period_returns");
        for (int i = 0; i < t.returns.length; i++)
        {
            final ObjectNode r = returns.addObject().put("start", ReportJson.time(t.periodStarts[i]));
            number(r, "return", t.returns[i]);
            number(r, "benchmark_return", t.benchmarkReturns[i]);
            number(r, "rolling_sharpe", t.rollingSharpe[i]);
            number(r, "rolling_volatility", t.rollingVolatility[i]);
        }
        final ArrayNode histogram = sheet.putArray("returns_histogram");
        for (int i = 0; i < t.histogram.counts().length; i++)
        {
            histogram.addObject().put("from", t.histogram.edges()[i]).put("to", t.histogram.edges()[i + 1])
                .put("count", t.histogram.counts()[i]);
        }
        periods(sheet.putArray("daily"), t.days);
        periods(sheet.putArray("weekly"), t.weeks);
        periods(sheet.putArray("monthly"), t.months);
        periods(sheet.putArray("yearly"), t.years);
        final ArrayNode weekdays = sheet.putArray("weekdays");
        for (final CalendarReturns.Weekday w : t.weekdays)
        {
            final ObjectNode d = weekdays.addObject().put("weekday", w.day().name()).put("days", w.days());
            number(d, "mean_return", w.meanReturn());
            number(d, "positive_share", w.positiveShare());
            d.put("pnl", w.pnl());
        }
        final ArrayNode drawdowns = sheet.putArray("worst_drawdowns");
        for (final DrawdownEpisodes.Episode e : t.worstDrawdowns)
        {
            drawdowns.addObject().put("start", ReportJson.time(e.startNanos())).put("trough", ReportJson.time(e.troughNanos()))
                .put("recovery", e.recovered() ? ReportJson.time(e.recoveryNanos()) : null)
                .put("depth", e.depth()).put("depth_quote", e.depthQuote())
                .put("duration_seconds", e.recovered() ? (e.recoveryNanos() - e.startNanos()) / 1e9 : null);
        }
        final ArrayNode curve = sheet.putArray("benchmark_curve");
        for (int i = 0; i < t.benchmarkCurve.length; i++)
        {
            curve.addObject().put("time", ReportJson.time(report.chart().time(i))).put("equity", t.benchmarkCurve[i]);
        }
        final GroupTrades groups = report.recorder().groups();
        final ArrayNode byStrategy = sheet.putArray("by_strategy");
        for (final TearsheetRows.Row row : t.byStrategy)
        {
            row(byStrategy.addObject().put("strategy", row.name()), row);
        }
        final ArrayNode byProduct = sheet.putArray("by_product");
        for (final TearsheetRows.Row row : t.byProduct)
        {
            row(byProduct.addObject().put("product", row.name()), row);
        }
        tallies(sheet.putArray("by_entry_signal"), "entry_signal", groups.byEntrySignal());
        tallies(sheet.putArray("by_exit_reason"), "exit_reason", groups.byExitReason());
    }

    private static void row(final ObjectNode json, final TearsheetRows.Row row)
    {
        final PnlRow pnl = row.pnl();
        number(json, "return", row.returnOnCapital());
        tally(json, row.trades());
        json.put("net_pnl", pnl.net()).put("realized_before_fees", pnl.realizedBeforeFees()).put("fees", pnl.fees())
            .put("unrealized", pnl.unrealized()).put("funding", pnl.funding()).put("orders", pnl.orders())
            .put("fills", pnl.fills());
        if (!Double.isNaN(row.buyAndHold()))
        {
            json.put("buy_and_hold_return", row.buyAndHold());
        }
    }

    private static <K> void tallies(final ArrayNode json, final String key, final Map<K, TradeTally> tallies)
    {
        tallies.forEach((k, v) -> tally(json.addObject().put(key, String.valueOf(k)), v));
    }

    private static void tally(final ObjectNode json, final TradeTally tally)
    {
        json.put("trades", tally.trades()).put("wins", tally.wins()).put("losses", tally.losses());
        number(json, "win_rate", tally.winRate());
        json.put("trades_net_pnl", tally.netPnl()).put("trades_fees", tally.fees());
        number(json, "average_trade_pnl", tally.averagePnl());
        number(json, "profit_factor", tally.profitFactor());
        number(json, "sqn", tally.sqn());
    }

    private static void periods(final ArrayNode json, final List<CalendarReturns.Period> periods)
    {
        periods.forEach(p -> period(json.addObject(), p));
    }

    private static void period(final ObjectNode json, final CalendarReturns.Period p)
    {
        json.put("period", p.label()).put("start", ReportJson.time(p.startNanos())).put("close", p.close())
            .put("pnl", p.pnl()).put("return", p.ret()).put("benchmark_return", p.benchmarkReturn());
    }

    /**
     * A column of the comparison: total return, CAGR, Sharpe, Sortino and max drawdown written from the column's
     * {@link EquityStatistics} exactly as the headline {@code statistics} writes
     * them (null and {@code *_unavailable} with the reason), then the distribution of its period returns.
     */
    private static void figures(final ObjectNode json, final Tearsheet.Figures f)
    {
        final EquityStatistics stats = f.statistics();
        json.put("total_return", stats.totalReturn());
        ReportJson.statistic(json, "cagr", stats.cagr());
        ReportJson.statistic(json, "sharpe", stats.sharpe());
        ReportJson.statistic(json, "sortino", stats.sortino());
        json.put("max_drawdown", stats.maxDrawdown()).put("max_drawdown_quote", stats.maxDrawdownQuote());
        number(json, "volatility", f.volatility());
        number(json, "var_95", f.valueAtRisk());
        number(json, "cvar_95", f.conditionalValueAtRisk());
        number(json, "skew", f.skew());
        number(json, "kurtosis", f.kurtosis());
        number(json, "best_period", f.bestPeriod());
        number(json, "worst_period", f.worstPeriod());
    }

    /** A number, or null when it is NaN or infinite (JSON has neither). */
    static void number(final ObjectNode json, final String name, final double value)
    {
        if (Double.isFinite(value))
        {
            json.put(name, value);
        }
        else
        {
            json.putNull(name);
        }
    }
}
