package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.strategy.RepeatedRejects;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.engine.TradingStateNote;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.http.server.HttpLimits;
import dev.peregrine.ops.http.ui.StatusPage;
import dev.peregrine.ops.logging.JsonOutput;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@code GET /health}: a JSON status of the engine (trading state, gateway connection, events through
 * the core and onto the journal). Served by {@link BoundedHttpServer}, which a slow or idle client cannot
 * starve (see {@link HttpLimits}); the handlers read only thread-safe counters.
 */
public final class HealthEndpoint implements AutoCloseable
{
    private final BoundedHttpServer server;
    private final LiveEngine engine;
    private StatusPage statusPage;

    private HealthEndpoint(final BoundedHttpServer server, final LiveEngine engine)
    {
        this.server = server;
        this.engine = engine;
    }

    /** Binds {@code address}; throws {@link IOException} if the port is taken, before anything else starts. */
    public static HealthEndpoint bind(final InetSocketAddress address, final LiveEngine engine) throws IOException
    {
        final BoundedHttpServer server = BoundedHttpServer.bind(address, "health", HttpLimits.DEFAULT);
        final HealthEndpoint endpoint = new HealthEndpoint(server, engine);
        server.createContext("/health", endpoint::handle);
        server.createContext("/ready", endpoint::handleReady);
        return endpoint;
    }

    public void start()
    {
        server.start();
    }

    /** Adds the admin API to this server (before {@link #start()}). */
    public AdminApi installAdmin(final String token)
    {
        return AdminApi.install(server, engine, token);
    }

    /** Adds the status page, {@code /ui/} (see {@link StatusPage}), beside {@code admin} (before {@link #start()}). */
    public StatusPage installStatusPage(final AdminApi admin, final String token, final LatencySidecar sidecar)
    {
        statusPage = StatusPage.install(server, engine, admin, token, sidecar);
        return statusPage;
    }

    public int port()
    {
        return server.port();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                JsonReply.error(exchange, 405, "method not allowed, use GET");
                return;
            }
            JsonReply.send(exchange, 200, json());
        }
    }

    /**
     * Readiness, for a load balancer or an orchestrator: 200 when the market-data connection is up, every
     * product has a price (its book is synced), at least one product's feed is healthy and trading is not
     * halted; 503 with the same JSON otherwise.
     */
    private void handleReady(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
            {
                JsonReply.error(exchange, 405, "method not allowed, use GET");
                return;
            }
            final boolean connected = engine.feed().isConnected();
            final List<String> products = engine.settings().products();
            final ObjectNode json = JsonOutput.object();
            final ArrayNode unsynced = JsonOutput.MAPPER.createArrayNode();
            for (int i = 0; i < products.size(); i++)
            {
                if (!(engine.coreMetrics().markPrices[i].get() > 0))
                {
                    unsynced.add(products.get(i));
                }
            }
            final boolean synced = unsynced.isEmpty();
            final boolean halted = engine.tradingSwitch().isHalted() ||
                engine.coreMetrics().tradingState.get() == TradingState.HALTED.ordinal();
            final boolean tradeable = TradeableProducts.any(engine.coreMetrics(), products.size());
            final boolean ready = connected && synced && tradeable && !halted && !engine.isStopped();
            json.put("ready", ready).put("connected", connected).put("booksSynced", synced)
                .set("unsyncedProducts", unsynced);
            json.put("halted", halted).put("stopped", engine.isStopped());
            TradeableProducts.put(json, engine.coreMetrics(), products);
            JsonReply.send(exchange, ready ? 200 : 503, JsonOutput.compact(json));
        }
    }

    String json()
    {
        final boolean halted = engine.tradingSwitch().isHalted();
        // The switch (journal failure) overrides; otherwise the core's own state (pause, reduce, loss limits).
        final TradingState coreState = TradingState.values()[(int)engine.coreMetrics().tradingState.get()];
        final Throwable coreError = engine.core().lastError();
        final StrategySet strategies = engine.core().strategies();
        Throwable strategyFailure = null;
        final ArrayNode perStrategy = JsonOutput.MAPPER.createArrayNode();
        for (int i = 0; i < strategies.count(); i++)
        {
            final StrategyRunner runner = strategies.get(i);
            final Throwable failure = runner.failure();
            strategyFailure = strategyFailure == null ? failure : strategyFailure;
            final ObjectNode strategy = perStrategy.addObject().put("id", runner.strategyId()).put("name", runner.name())
                .put("enabled", failure == null);
            if (failure != null)
            {
                strategy.put("failure", failure.toString());
            }
            putRejectsInARow(strategy, runner.repeatedRejects());
        }
        final ObjectNode json = JsonOutput.object()
            .put("status", "UP")
            .put("tradingState", (halted ? TradingState.HALTED : coreState).name())
            .put("strategyEnabled", strategyFailure == null);
        if (strategyFailure != null)
        {
            json.put("strategyFailure", strategyFailure.toString());
        }
        json.set("strategies", perStrategy);
        StrategyPnlJson.putByStrategy(json, engine.results().pnlTable());
        if (coreError != null)
        {
            json.put("coreError", coreError.toString());
        }
        json.put("haltReason", engine.tradingSwitch().reason());
        putTradingState(json, engine);
        return JsonOutput.compact(json
            .put("gatewayConnected", engine.feed().isConnected())
            .put("eventsProcessed", engine.coreMetrics().events.get())
            .put("journalEvents", engine.journal().eventsWritten())
            .put("orders", engine.coreMetrics().orders.get())
            .put("fills", engine.coreMetrics().fills.get())
            .put("halted", halted || coreState == TradingState.HALTED));
    }

    /**
     * {@code "tradingStateReason":"operator: kill","tradingStateSince":"...","howToLift":"POST /admin/resume ..."}:
     * why trading is not ACTIVE and what lifts it; an operator's kill, pause or reduce outlives a restart.
     */
    static void putTradingState(final ObjectNode json, final LiveEngine engine)
    {
        final TradingStateNote note = TradingStateNote.current(engine.core().tradingState(), engine.coreMetrics(),
            engine.tradingSwitch());
        final String since = note.since();
        final String lift = note.howToLift();
        json.put("tradingStateReason", note.reason());
        if (since != null)
        {
            json.put("tradingStateSince", since);
        }
        if (lift != null)
        {
            json.put("howToLift", lift);
        }
    }

    /**
     * A strategy's run of rejections for one reason: {@code repeating} once it reaches
     * {@link RepeatedRejects#THRESHOLD}, the current run and the longest so far, each with its reason.
     */
    static void putRejectsInARow(final ObjectNode strategy, final RepeatedRejects runs)
    {
        final long current = runs.current();
        final long longest = runs.longest();
        final ObjectNode json = strategy.putObject("rejectsInARow")
            .put("repeating", current >= RepeatedRejects.THRESHOLD).put("count", current);
        if (current != 0)
        {
            json.put("reason", String.valueOf(runs.currentReason()));
        }
        json.put("longest", longest);
        if (longest != 0)
        {
            json.put("longestReason", String.valueOf(runs.longestReason()));
        }
        json.put("threshold", RepeatedRejects.THRESHOLD);
    }

    @Override
    public void close()
    {
        server.close();
        if (statusPage != null)
        {
            statusPage.close();
        }
    }
}
