package dev.peregrine.ops.http.ui;

import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.decisions.DecisionFormat;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.http.AdminDocuments;
import dev.peregrine.ops.logging.JsonOutput;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/overview}: everything the status page and {@code peregrine status} show, in one JSON
 * document: trading state and why, strategies, PnL per strategy and product, positions, open orders, the latest
 * decisions, feed health per product, tick-to-order percentiles and the alerts firing. Built from the admin API's
 * own pieces ({@link AdminDocuments}), so each field means what it means there. Read through {@link OverviewCache}.
 */
public final class Overview implements AutoCloseable
{
    static final int OPEN_ORDERS_SHOWN = 50;
    static final int DECISIONS_SHOWN = 20;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final LiveEngine engine;
    private final LatencySidecar sidecar;
    private final LatestDecisions decisions;

    /** @param sidecar the latency sidecar with the {@code tick_to_order} series, or null for none. */
    public Overview(final LiveEngine engine, final LatencySidecar sidecar)
    {
        this.engine = engine;
        this.sidecar = sidecar;
        this.decisions = new LatestDecisions(engine.journal().dir(), new DecisionFormat(engine.settings()), DECISIONS_SHOWN);
    }

    /** Closes the decision journal's reader. */
    @Override
    public void close()
    {
        decisions.close();
    }

    /** The document, compact JSON; one caller at a time ({@link OverviewCache} sees to it). */
    public String json()
    {
        final CoreMetrics m = engine.coreMetrics();
        final boolean halted = engine.tradingSwitch().isHalted();
        final ObjectNode json = JsonOutput.object().put("generatedAt", Instant.now().toString())
            .put("tradingState", (halted ? TradingState.HALTED : TradingState.values()[(int)m.tradingState.get()]).name());
        AdminDocuments.putTradingState(json, engine);
        json.put("halted", halted).put("haltReason", engine.tradingSwitch().reason())
            .put("gatewayConnected", engine.feed().isConnected());
        json.putObject("counters").put("events", m.events.get()).put("orders", m.orders.get()).put("fills", m.fills.get())
            .put("cancels", m.cancels.get()).put("openOrders", m.openOrders.get()).put("commands", m.commands.get());
        strategies(json.putArray("strategies"));
        AdminDocuments.putPnl(json, engine);
        json.putRawValue("positions", new RawValue(AdminDocuments.positions(engine)));
        json.putRawValue("openOrders", readOrError(() -> AdminDocuments.openOrders(engine, OPEN_ORDERS_SHOWN)));
        json.putRawValue("decisions", readOrError(decisions::json));
        feeds(json.putArray("feeds"), m);
        latency(json.putObject("latency"));
        AlertsFiring.put(json.putArray("alerts"), engine);
        return JsonOutput.compact(json);
    }

    private void strategies(final ArrayNode json)
    {
        final StrategySet strategies = engine.core().strategies();
        for (int i = 0; i < strategies.count(); i++)
        {
            final StrategyRunner runner = strategies.get(i);
            final ObjectNode strategy = json.addObject().put("id", runner.strategyId()).put("name", runner.name())
                .put("enabled", runner.failure() == null);
            if (runner.failure() != null)
            {
                strategy.put("failure", runner.failure().toString());
            }
            AdminDocuments.putRejectsInARow(strategy, runner);
        }
    }

    private void feeds(final ArrayNode json, final CoreMetrics m)
    {
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            final boolean priced = m.markPrices[i].get() > 0;
            final boolean healthy = m.feedUnhealthy[i].get() == 0;
            json.addObject().put("product", products.get(i)).put("healthy", healthy && priced)
                .put("why", !healthy ? "the feed is unhealthy (stale, gapped or impossible data): not traded on" :
                    priced ? "priced and healthy" : "no price yet (book not synced)")
                .putRawValue("markPrice", JsonOutput.fixed(m.markPrices[i].get(), 8))
                .put("marketDataDropped", m.marketDataDropped[i].get())
                .put("rejects", m.rejects[i].get());
        }
    }

    /** Tick-to-order (and tick-to-decision) percentiles since the start, in microseconds. */
    private void latency(final ObjectNode json)
    {
        json.put("unit", "us").put("span", "since start");
        if (sidecar == null)
        {
            return;
        }
        for (final LatencySidecar.Series series : sidecar.series())
        {
            if (series.labelName() == null && ("tick_to_order".equals(series.name()) || "tick_to_decision".equals(series.name())))
            {
                final ObjectNode percentiles = json.putObject("tick_to_order".equals(series.name()) ? "tickToOrder" : "tickToDecision");
                for (final double p : PERCENTILES)
                {
                    percentiles.putRawValue("p" + (p == Math.rint(p) ? String.valueOf((long)p) : String.valueOf(p).replace('.', '_')),
                        JsonOutput.fixed(sidecar.cumulativePercentile(series, p) / 1000.0, 1));
                }
            }
        }
    }

    private interface Read
    {
        String body();
    }

    /**
     * A part read from the journal or the order log, as it is (already one JSON document); a failure there shows as
     * that part's error, not the whole overview's.
     */
    private static RawValue readOrError(final Read read)
    {
        try
        {
            return new RawValue(read.body());
        }
        catch (final JournalException | IllegalArgumentException ex)
        {
            return new RawValue(JsonOutput.error(ex.getMessage()));
        }
    }
}
