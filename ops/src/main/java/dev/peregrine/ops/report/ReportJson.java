package dev.peregrine.ops.report;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.journal.statistics.Drawdown;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PeriodReturns;
import dev.peregrine.journal.statistics.Statistic;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.ops.logging.JsonOutput;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * report.json: every statistic, the sampled equity, drawdown and price series, trades, fills, the
 * settings, the fill-model assumptions and the data range. Money is quote currency; times are ISO-8601
 * UTC (event time) beside their epoch nanoseconds where a tool may want to compute with them; ratios
 * are fractions (0.05 is 5%); a statistic that is undefined for this data is null. Built as a Jackson tree
 * and written by {@link JsonOutput#prettyDecimals}: two-space indentation, numbers as plain decimals of at most 8
 * places.
 */
public final class ReportJson
{
    private ReportJson()
    {
    }

    public static String toJson(final Report report)
    {
        final EquityCurve curve = report.curve();
        final ReportRecorder recorder = report.recorder();
        final ObjectNode json = JsonOutput.object();
        json.put("report", "peregrine");
        json.put("complete", true);
        json.put("journal", report.journal().toString());
        json.put("engine_version", report.header().engineVersion());
        json.put("journal_format_version", report.header().formatVersion());
        json.put("settings_digest", Hash64.hex(report.header().settingsDigest()));
        json.put("settings", report.header().settingsText());
        report.settings().products().forEach(json.putArray("products")::add);
        final ArrayNode strategies = json.putArray("strategies");
        for (int id = 1; id < report.strategyNames().size(); id++)
        {
            strategies.add(report.strategyNames().get(id));
        }
        json.put("fill_model", report.settings().paperVenue().describe());
        json.put("venue", report.settings().liveVenue() ? "live (fills are the venue's, replayed from the journal)" :
            "paper");
        json.put("capital", curve.capital());
        json.putObject("data_range")
            .put("first_event", time(curve.firstNanos()))
            .put("last_event", time(curve.lastNanos()))
            .put("first_event_nanos", curve.firstNanos())
            .put("last_event_nanos", curve.lastNanos())
            .put("span_seconds", curve.spanNanos() / 1e9)
            .put("events", report.events());
        json.put("output_digest", report.outputDigest());
        json.put("state_hash", report.stateHash());
        json.put("core_error", report.coreError());

        statistics(json.putObject("statistics"), report);
        TearsheetJson.write(json, report);
        PnlTables.json(json, report.pnl(), ReportHtml.perpetualPnl(report));
        if (report.perpetual() != null)
        {
            PerpetualSections.json(json, report);
        }
        final ObjectNode definitions = json.putObject("definitions");
        for (final Map.Entry<String, String> e : StatisticDefinitions.all().entrySet())
        {
            definitions.put(e.getKey(), e.getValue());
        }

        series(json, report);
        final ArrayNode monthly = json.putArray("monthly_returns");
        for (final Map.Entry<YearMonth, Double> e : curve.months().returns().entrySet())
        {
            monthly.addObject().put("month", e.getKey().toString()).put("return", e.getValue());
        }

        json.put("trades_total", recorder.tradeStatistics().trades());
        final ArrayNode trades = json.putArray("trades");
        for (final Trade trade : recorder.trades())
        {
            trade(trades.addObject(), report, trade);
        }
        final ArrayNode positions = json.putArray("open_positions");
        for (final OpenPosition p : report.openPositions())
        {
            positions.addObject()
                .put("product", report.product(p.instrumentId()))
                .put("quantity", p.quantity())
                .put("average_price", p.averagePrice())
                .put("mark_price", p.markPrice())
                .put("unrealized_pnl", p.unrealized())
                .put("realized_pnl", p.realized())
                .put("entry", time(p.entryNanos()));
        }
        json.put("fills_total", recorder.execution().fills());
        final ArrayNode fills = json.putArray("fills");
        for (final Fill f : recorder.fills())
        {
            fills.addObject()
                .put("time", time(f.timeNanos()))
                .put("order_id", f.orderId())
                .put("product", report.product(f.instrumentId()))
                .put("strategy", report.strategyName(f.strategyId()))
                .put("side", Side.name(f.side()))
                .put("order_type", f.orderType())
                .put("quantity", f.quantity())
                .put("price", f.price())
                .put("fee", f.fee())
                .put("decision_mid", f.decisionMid())
                .put("slippage", f.slippage());
        }
        if (report.comparison() != null)
        {
            comparison(json.putObject("comparison"), report, report.comparison());
        }
        return JsonOutput.prettyDecimals(json);
    }

    /** {@code name}: the figure, or null and {@code name_unavailable}: why (e.g. a span under a day). */
    static void statistic(final ObjectNode json, final String name, final Statistic statistic)
    {
        json.put(name, statistic.value());
        if (!statistic.available())
        {
            json.put(name + "_unavailable", statistic.unavailable());
        }
    }

    private static void statistics(final ObjectNode json, final Report report)
    {
        final EquityCurve curve = report.curve();
        final EquityStatistics stats = curve.statistics();
        final Drawdown dd = curve.drawdown();
        final PeriodReturns returns = stats.returnsUsed();
        final TradeStatistics trades = report.recorder().tradeStatistics();
        final ExecutionStatistics execution = report.recorder().execution();
        json
            .put("final_equity", curve.finalEquity())
            .put("total_return", curve.totalReturn());
        statistic(json, "cagr", stats.cagr());
        statistic(json, "sharpe", stats.sharpe());
        statistic(json, "sortino", stats.sortino());
        json.put("returns_period", returns.label())
            .put("returns_count", returns.count());
        statistic(json, "calmar", stats.calmar());
        json.put("max_drawdown", stats.maxDrawdown())
            .put("max_drawdown_quote", dd.maxDrawdownQuote())
            .put("max_drawdown_peak", dd.maxDrawdownPeakNanos() < 0 ? null : time(dd.maxDrawdownPeakNanos()))
            .put("max_drawdown_trough", dd.maxDrawdownTroughNanos() < 0 ? null : time(dd.maxDrawdownTroughNanos()))
            .put("max_drawdown_duration_seconds", dd.maxDrawdownDurationNanos() / 1e9)
            .put("max_drawdown_recovered", dd.maxDrawdownRecovered())
            .put("longest_underwater_seconds", dd.longestUnderwaterNanos() / 1e9)
            .put("trades", trades.trades())
            .put("wins", trades.wins())
            .put("losses", trades.losses())
            .put("win_rate", trades.winRate())
            .put("profit_factor", trades.profitFactor())
            .put("expectancy", trades.expectancy())
            .put("average_trade_duration_seconds", trades.averageDurationNanos() / 1e9)
            .put("max_consecutive_wins", trades.maxConsecutiveWins())
            .put("max_consecutive_losses", trades.maxConsecutiveLosses());
        if (trades.best() == null)
        {
            json.putNull("best_trade");
        }
        else
        {
            trade(json.putObject("best_trade"), report, trades.best());
        }
        if (trades.worst() == null)
        {
            json.putNull("worst_trade");
        }
        else
        {
            trade(json.putObject("worst_trade"), report, trades.worst());
        }
        json.put("exposure", curve.exposure())
            .put("turnover", execution.turnover(curve.capital()))
            .put("traded_notional", execution.tradedNotional())
            .put("fees", report.fees())
            .put("slippage", execution.slippage())
            .put("slippage_bps", execution.slippageBps())
            .put("fills_without_mid", execution.fillsWithoutMid())
            .put("requested_quantity", FixedPoint.toDouble(execution.fillTally().requestedQuantity()))
            .put("filled_quantity", FixedPoint.toDouble(execution.fillTally().filledQuantity()))
            .put("requested_notional", execution.fillTally().requestedNotional())
            .put("filled_notional", execution.fillTally().filledNotional())
            .put("fill_ratio", execution.fillTally().fillRatio())
            .put("market_orders_cut_short", execution.fillTally().ordersCutShort())
            .put("limit_fill_rate", execution.limitFillRate())
            .put("limit_orders", execution.limitOrders())
            .put("limit_orders_filled", execution.limitOrdersFilled())
            .put("limit_orders_fully_filled", execution.limitOrdersFullyFilled())
            .put("orders", execution.orders())
            .put("market_orders", execution.marketOrders())
            .put("fills", execution.fills())
            .put("cancels", execution.cancels())
            .put("expired", execution.expired())
            .put("realized_pnl", report.realizedNet())
            .put("unrealized_pnl", report.unrealized());
        final ObjectNode rejects = json.putObject("rejects");
        for (final Map.Entry<RejectReason, Long> e : execution.rejects().entrySet())
        {
            rejects.put(e.getKey().name(), e.getValue());
        }
        final ArrayNode warnings = json.putArray("warnings");
        for (final String warning : ReportWarnings.of(report))
        {
            warnings.add(warning);
        }
    }

    private static void series(final ObjectNode json, final Report report)
    {
        final ChartSeries chart = report.chart();
        json.put("series_bucket_seconds", chart.bucketNanos() / 1e9);
        final ArrayNode equity = json.putArray("equity_curve");
        for (int i = 0; i < chart.size(); i++)
        {
            equity.addObject().put("time", time(chart.time(i))).put("equity", chart.equity(i));
        }
        final ArrayNode drawdown = json.putArray("drawdown_curve");
        for (int i = 0; i < chart.size(); i++)
        {
            drawdown.addObject().put("time", time(chart.time(i))).put("drawdown", chart.drawdown(i));
        }
        final ObjectNode prices = json.putObject("price_series");
        for (int k = 0; k < chart.instruments(); k++)
        {
            final ArrayNode marks = prices.putArray(report.product(k));
            for (int i = 0; i < chart.size(); i++)
            {
                marks.addObject().put("time", time(chart.time(i))).put("mark", chart.mark(k, i));
            }
        }
    }

    private static void trade(final ObjectNode json, final Report report, final Trade t)
    {
        json
            .put("product", report.product(t.instrumentId()))
            .put("direction", t.direction() > 0 ? "LONG" : "SHORT")
            .put("entry", time(t.entryNanos()))
            .put("exit", time(t.exitNanos()))
            .put("duration_seconds", t.durationNanos() / 1e9)
            .put("quantity", t.quantity())
            .put("entry_price", t.entryPrice())
            .put("exit_price", t.exitPrice())
            .put("gross_pnl", t.grossPnl())
            .put("fees", t.fees())
            .put("net_pnl", t.netPnl())
            .put("return", t.returnOnNotional())
            .put("fills", t.fills());
    }

    private static void comparison(final ObjectNode json, final Report report, final Comparison c)
    {
        json
            .put("other_journal", c.other().toString())
            .put("identical", c.identical())
            .put("summary", ComparisonText.summary(c))
            .put("decisions", c.decisions())
            .put("other_decisions", c.otherDecisions())
            .put("matched", c.matched())
            .put("missing", c.missing())
            .put("extra", c.extra())
            .put("different", c.different())
            .put("output_digest", c.outputDigest())
            .put("other_output_digest", c.otherOutputDigest())
            .put("state_hash", c.stateHash())
            .put("other_state_hash", c.otherStateHash())
            .put("differences_listed", c.differences().size());
        final ArrayNode differences = json.putArray("differences");
        for (final DecisionDifference d : c.differences())
        {
            final ObjectNode difference = differences.addObject().put("kind", d.kind().name())
                .put("time", time(d.either().timeNanos()))
                .put("product", report.product(d.either().instrumentId()))
                .put("strategy", report.strategyName(d.either().strategyId()));
            d.fields().forEach(difference.putArray("fields")::add);
            decision(difference, "expected", d.expected());
            decision(difference, "actual", d.actual());
        }
    }

    private static void decision(final ObjectNode parent, final String name, final DecisionSummary d)
    {
        if (d == null)
        {
            parent.putNull(name);
            return;
        }
        parent.putObject(name)
            .put("order_id", d.orderId())
            .put("side", Side.name(d.side()))
            .put("type", d.type().name())
            .put("quantity", FixedPoint.toString(d.quantity()))
            .put("limit_price", d.limitPrice() == 0 ? null : FixedPoint.toString(d.limitPrice()))
            .put("signal", d.signal())
            .put("outcome", d.outcome().name());
    }

    /** Event time as ISO-8601 UTC with nanoseconds where they are not zero. */
    public static String time(final long nanos)
    {
        return Instant.ofEpochSecond(0, nanos).toString();
    }
}
