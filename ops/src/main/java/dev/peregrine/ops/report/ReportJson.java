package dev.peregrine.ops.report;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.journal.statistics.Drawdown;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PeriodReturns;
import dev.peregrine.journal.statistics.Statistic;
import dev.peregrine.ops.demo.JsonWriter;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * report.json: every statistic, the sampled equity, drawdown and price series, trades, fills, the
 * settings, the fill-model assumptions and the data range. Money is quote currency; times are ISO-8601
 * UTC (event time) beside their epoch nanoseconds where a tool may want to compute with them; ratios
 * are fractions (0.05 is 5%); a statistic that is undefined for this data is null.
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
        final JsonWriter json = new JsonWriter().beginObject();
        json.key("report").value("peregrine");
        json.key("complete").value(true);
        json.key("journal").value(report.journal().toString());
        json.key("engine_version").value(report.header().engineVersion());
        json.key("journal_format_version").value(report.header().formatVersion());
        json.key("settings_digest").value(Hash64.hex(report.header().settingsDigest()));
        json.key("settings").value(report.header().settingsText());
        json.key("products").beginArray();
        report.settings().products().forEach(json::value);
        json.endArray();
        json.key("strategies").beginArray();
        for (int id = 1; id < report.strategyNames().size(); id++)
        {
            json.value(report.strategyNames().get(id));
        }
        json.endArray();
        json.key("fill_model").value(report.settings().paperVenue().describe());
        json.key("venue").value(report.settings().liveVenue() ? "live (fills are the venue's, replayed from the journal)" :
            "paper");
        json.key("capital").value(curve.capital());
        json.key("data_range").beginObject()
            .key("first_event").value(time(curve.firstNanos()))
            .key("last_event").value(time(curve.lastNanos()))
            .key("first_event_nanos").value(curve.firstNanos())
            .key("last_event_nanos").value(curve.lastNanos())
            .key("span_seconds").value(curve.spanNanos() / 1e9)
            .key("events").value(report.events())
            .endObject();
        json.key("output_digest").value(report.outputDigest());
        json.key("state_hash").value(report.stateHash());
        json.key("core_error").value(report.coreError());

        statistics(json.key("statistics"), report);
        PnlTables.json(json, report.pnl());
        json.key("definitions").beginObject();
        for (final Map.Entry<String, String> e : StatisticDefinitions.all().entrySet())
        {
            json.key(e.getKey()).value(e.getValue());
        }
        json.endObject();

        series(json, report);
        json.key("monthly_returns").beginArray();
        for (final Map.Entry<YearMonth, Double> e : curve.months().returns().entrySet())
        {
            json.beginObject().key("month").value(e.getKey().toString()).key("return").value(e.getValue()).endObject();
        }
        json.endArray();

        json.key("trades_total").value(recorder.tradeStatistics().trades());
        json.key("trades").beginArray();
        for (final Trade trade : recorder.trades())
        {
            trade(json, report, trade);
        }
        json.endArray();
        json.key("open_positions").beginArray();
        for (final OpenPosition p : report.openPositions())
        {
            json.beginObject()
                .key("product").value(report.product(p.instrumentId()))
                .key("quantity").value(p.quantity())
                .key("average_price").value(p.averagePrice())
                .key("mark_price").value(p.markPrice())
                .key("unrealized_pnl").value(p.unrealized())
                .key("realized_pnl").value(p.realized())
                .key("entry").value(time(p.entryNanos()))
                .endObject();
        }
        json.endArray();
        json.key("fills_total").value(recorder.execution().fills());
        json.key("fills").beginArray();
        for (final Fill f : recorder.fills())
        {
            json.beginObject()
                .key("time").value(time(f.timeNanos()))
                .key("order_id").value(f.orderId())
                .key("product").value(report.product(f.instrumentId()))
                .key("strategy").value(report.strategyName(f.strategyId()))
                .key("side").value(Side.name(f.side()))
                .key("order_type").value(f.orderType())
                .key("quantity").value(f.quantity())
                .key("price").value(f.price())
                .key("fee").value(f.fee())
                .key("decision_mid").value(f.decisionMid())
                .key("slippage").value(f.slippage())
                .endObject();
        }
        json.endArray();
        if (report.comparison() != null)
        {
            comparison(json.key("comparison"), report, report.comparison());
        }
        return json.endObject().toJson();
    }

    /** {@code name}: the figure, or null and {@code name_unavailable}: why (e.g. a span under a day). */
    private static void statistic(final JsonWriter json, final String name, final Statistic statistic)
    {
        json.key(name).value(statistic.value());
        if (!statistic.available())
        {
            json.key(name + "_unavailable").value(statistic.unavailable());
        }
    }

    private static void statistics(final JsonWriter json, final Report report)
    {
        final EquityCurve curve = report.curve();
        final EquityStatistics stats = curve.statistics();
        final Drawdown dd = curve.drawdown();
        final PeriodReturns returns = stats.returnsUsed();
        final TradeStatistics trades = report.recorder().tradeStatistics();
        final ExecutionStatistics execution = report.recorder().execution();
        json.beginObject()
            .key("final_equity").value(curve.finalEquity())
            .key("total_return").value(curve.totalReturn());
        statistic(json, "cagr", stats.cagr());
        statistic(json, "sharpe", stats.sharpe());
        statistic(json, "sortino", stats.sortino());
        json.key("returns_period").value(returns.label())
            .key("returns_count").value(returns.count());
        statistic(json, "calmar", stats.calmar());
        json.key("max_drawdown").value(stats.maxDrawdown())
            .key("max_drawdown_quote").value(dd.maxDrawdownQuote())
            .key("max_drawdown_peak").value(dd.maxDrawdownPeakNanos() < 0 ? null : time(dd.maxDrawdownPeakNanos()))
            .key("max_drawdown_trough").value(dd.maxDrawdownTroughNanos() < 0 ? null : time(dd.maxDrawdownTroughNanos()))
            .key("max_drawdown_duration_seconds").value(dd.maxDrawdownDurationNanos() / 1e9)
            .key("max_drawdown_recovered").value(dd.maxDrawdownRecovered())
            .key("longest_underwater_seconds").value(dd.longestUnderwaterNanos() / 1e9)
            .key("trades").value(trades.trades())
            .key("wins").value(trades.wins())
            .key("losses").value(trades.losses())
            .key("win_rate").value(trades.winRate())
            .key("profit_factor").value(trades.profitFactor())
            .key("expectancy").value(trades.expectancy())
            .key("average_trade_duration_seconds").value(trades.averageDurationNanos() / 1e9)
            .key("max_consecutive_wins").value(trades.maxConsecutiveWins())
            .key("max_consecutive_losses").value(trades.maxConsecutiveLosses());
        json.key("best_trade");
        if (trades.best() == null)
        {
            json.nullValue();
        }
        else
        {
            trade(json, report, trades.best());
        }
        json.key("worst_trade");
        if (trades.worst() == null)
        {
            json.nullValue();
        }
        else
        {
            trade(json, report, trades.worst());
        }
        json.key("exposure").value(curve.exposure())
            .key("turnover").value(execution.turnover(curve.capital()))
            .key("traded_notional").value(execution.tradedNotional())
            .key("fees").value(report.fees())
            .key("slippage").value(execution.slippage())
            .key("slippage_bps").value(execution.slippageBps())
            .key("fills_without_mid").value(execution.fillsWithoutMid())
            .key("requested_quantity").value(FixedPoint.toDouble(execution.fillTally().requestedQuantity()))
            .key("filled_quantity").value(FixedPoint.toDouble(execution.fillTally().filledQuantity()))
            .key("requested_notional").value(execution.fillTally().requestedNotional())
            .key("filled_notional").value(execution.fillTally().filledNotional())
            .key("fill_ratio").value(execution.fillTally().fillRatio())
            .key("market_orders_cut_short").value(execution.fillTally().ordersCutShort())
            .key("limit_fill_rate").value(execution.limitFillRate())
            .key("limit_orders").value(execution.limitOrders())
            .key("limit_orders_filled").value(execution.limitOrdersFilled())
            .key("limit_orders_fully_filled").value(execution.limitOrdersFullyFilled())
            .key("orders").value(execution.orders())
            .key("market_orders").value(execution.marketOrders())
            .key("fills").value(execution.fills())
            .key("cancels").value(execution.cancels())
            .key("expired").value(execution.expired())
            .key("realized_pnl").value(report.realizedNet())
            .key("unrealized_pnl").value(report.unrealized());
        json.key("rejects").beginObject();
        for (final Map.Entry<RejectReason, Long> e : execution.rejects().entrySet())
        {
            json.key(e.getKey().name()).value(e.getValue());
        }
        json.endObject();
        json.key("warnings").beginArray();
        for (final String warning : ReportWarnings.of(report))
        {
            json.value(warning);
        }
        json.endArray();
        json.endObject();
    }

    private static void series(final JsonWriter json, final Report report)
    {
        final ChartSeries chart = report.chart();
        json.key("series_bucket_seconds").value(chart.bucketNanos() / 1e9);
        json.key("equity_curve").beginArray();
        for (int i = 0; i < chart.size(); i++)
        {
            json.beginObject().key("time").value(time(chart.time(i))).key("equity").value(chart.equity(i)).endObject();
        }
        json.endArray();
        json.key("drawdown_curve").beginArray();
        for (int i = 0; i < chart.size(); i++)
        {
            json.beginObject().key("time").value(time(chart.time(i))).key("drawdown").value(chart.drawdown(i)).endObject();
        }
        json.endArray();
        json.key("price_series").beginObject();
        for (int k = 0; k < chart.instruments(); k++)
        {
            json.key(report.product(k)).beginArray();
            for (int i = 0; i < chart.size(); i++)
            {
                json.beginObject().key("time").value(time(chart.time(i))).key("mark").value(chart.mark(k, i)).endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void trade(final JsonWriter json, final Report report, final Trade t)
    {
        json.beginObject()
            .key("product").value(report.product(t.instrumentId()))
            .key("direction").value(t.direction() > 0 ? "LONG" : "SHORT")
            .key("entry").value(time(t.entryNanos()))
            .key("exit").value(time(t.exitNanos()))
            .key("duration_seconds").value(t.durationNanos() / 1e9)
            .key("quantity").value(t.quantity())
            .key("entry_price").value(t.entryPrice())
            .key("exit_price").value(t.exitPrice())
            .key("gross_pnl").value(t.grossPnl())
            .key("fees").value(t.fees())
            .key("net_pnl").value(t.netPnl())
            .key("return").value(t.returnOnNotional())
            .key("fills").value(t.fills())
            .endObject();
    }

    private static void comparison(final JsonWriter json, final Report report, final Comparison c)
    {
        json.beginObject()
            .key("other_journal").value(c.other().toString())
            .key("identical").value(c.identical())
            .key("summary").value(ComparisonText.summary(c))
            .key("decisions").value(c.decisions())
            .key("other_decisions").value(c.otherDecisions())
            .key("matched").value(c.matched())
            .key("missing").value(c.missing())
            .key("extra").value(c.extra())
            .key("different").value(c.different())
            .key("output_digest").value(c.outputDigest())
            .key("other_output_digest").value(c.otherOutputDigest())
            .key("state_hash").value(c.stateHash())
            .key("other_state_hash").value(c.otherStateHash())
            .key("differences_listed").value(c.differences().size());
        json.key("differences").beginArray();
        for (final DecisionDifference d : c.differences())
        {
            json.beginObject().key("kind").value(d.kind().name())
                .key("time").value(time(d.either().timeNanos()))
                .key("product").value(report.product(d.either().instrumentId()))
                .key("strategy").value(report.strategyName(d.either().strategyId()));
            json.key("fields").beginArray();
            d.fields().forEach(json::value);
            json.endArray();
            decision(json.key("expected"), d.expected());
            decision(json.key("actual"), d.actual());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    private static void decision(final JsonWriter json, final DecisionSummary d)
    {
        if (d == null)
        {
            json.nullValue();
            return;
        }
        json.beginObject()
            .key("order_id").value(d.orderId())
            .key("side").value(Side.name(d.side()))
            .key("type").value(d.type().name())
            .key("quantity").value(FixedPoint.toString(d.quantity()))
            .key("limit_price").value(d.limitPrice() == 0 ? null : FixedPoint.toString(d.limitPrice()))
            .key("signal").value(d.signal())
            .key("outcome").value(d.outcome().name())
            .endObject();
    }

    /** Event time as ISO-8601 UTC with nanoseconds where they are not zero. */
    public static String time(final long nanos)
    {
        return Instant.ofEpochSecond(0, nanos).toString();
    }
}
