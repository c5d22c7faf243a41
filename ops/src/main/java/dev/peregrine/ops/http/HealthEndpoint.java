package dev.peregrine.ops.http;

import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.strategy.RepeatedRejects;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.http.server.HttpLimits;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health}: a JSON status of the engine (trading state, gateway connection, events through
 * the core and onto the journal). Served by {@link BoundedHttpServer}, which a slow or idle client cannot
 * starve (see {@link HttpLimits}); the handlers read only thread-safe counters.
 */
public final class HealthEndpoint implements AutoCloseable
{
    private final BoundedHttpServer server;
    private final LiveEngine engine;

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
                respond(exchange, 405, "{\"error\":\"method not allowed, use GET\"}");
                return;
            }
            respond(exchange, 200, json());
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
                respond(exchange, 405, "{\"error\":\"method not allowed, use GET\"}");
                return;
            }
            final boolean connected = engine.gatewayConnected();
            final java.util.List<String> products = engine.settings().products();
            final StringBuilder unsynced = new StringBuilder("[");
            for (int i = 0; i < products.size(); i++)
            {
                if (!(engine.coreMetrics().markPrices[i].get() > 0))
                {
                    unsynced.append(unsynced.length() == 1 ? "" : ",").append('"').append(escape(products.get(i))).append('"');
                }
            }
            unsynced.append(']');
            final boolean synced = unsynced.length() == 2;
            final boolean halted = engine.tradingSwitch().isHalted() ||
                engine.coreMetrics().tradingState.get() == TradingState.HALTED.ordinal();
            final boolean tradeable = TradeableProducts.any(engine.coreMetrics(), products.size());
            final boolean ready = connected && synced && tradeable && !halted && !engine.isStopped();
            respond(exchange, ready ? 200 : 503, "{\"ready\":" + ready + ",\"connected\":" + connected +
                ",\"booksSynced\":" + synced + ",\"unsyncedProducts\":" + unsynced + ",\"halted\":" + halted +
                ",\"stopped\":" + engine.isStopped() + TradeableProducts.json(engine.coreMetrics(), products) + "}");
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
        final StringBuilder perStrategy = new StringBuilder("[");
        for (int i = 0; i < strategies.count(); i++)
        {
            final StrategyRunner runner = strategies.get(i);
            final Throwable failure = runner.failure();
            strategyFailure = strategyFailure == null ? failure : strategyFailure;
            perStrategy.append(i == 0 ? "" : ",").append("{\"id\":").append(runner.strategyId())
                .append(",\"name\":\"").append(escape(runner.name())).append("\",\"enabled\":").append(failure == null)
                .append(failure == null ? "" : ",\"failure\":\"" + escape(failure.toString()) + "\"")
                .append(rejectsInARow(runner.repeatedRejects())).append('}');
        }
        perStrategy.append(']');
        return "{" +
            "\"status\":\"UP\"," +
            "\"tradingState\":\"" + (halted ? TradingState.HALTED : coreState) + "\"," +
            "\"strategyEnabled\":" + (strategyFailure == null) + "," +
            (strategyFailure == null ? "" : "\"strategyFailure\":\"" + escape(strategyFailure.toString()) + "\",") +
            "\"strategies\":" + perStrategy + "," +
            StrategyPnlJson.pnlByStrategy(engine.pnlTable()) + "," +
            (coreError == null ? "" : "\"coreError\":\"" + escape(coreError.toString()) + "\",") +
            "\"haltReason\":\"" + escape(engine.tradingSwitch().reason()) + "\"," +
            tradingStateFields(engine) + "," +
            "\"gatewayConnected\":" + engine.gatewayConnected() + "," +
            "\"eventsProcessed\":" + engine.coreMetrics().events.get() + "," +
            "\"journalEvents\":" + engine.journalEvents() + "," +
            "\"orders\":" + engine.coreMetrics().orders.get() + "," +
            "\"fills\":" + engine.coreMetrics().fills.get() + "," +
            "\"halted\":" + (halted || coreState == TradingState.HALTED) +
            "}";
    }

    /**
     * {@code "tradingStateReason":"operator: kill","tradingStateSince":"...","howToLift":"POST /admin/resume ..."}:
     * why trading is not ACTIVE and what lifts it; an operator's kill, pause or reduce outlives a restart.
     */
    static String tradingStateFields(final dev.peregrine.ops.engine.LiveEngine engine)
    {
        final dev.peregrine.ops.engine.TradingStateNote note = dev.peregrine.ops.engine.TradingStateNote.current(
            engine.core().tradingState(), engine.coreMetrics(), engine.tradingSwitch());
        final String since = note.since();
        final String lift = note.howToLift();
        return "\"tradingStateReason\":\"" + escape(note.reason()) + "\"" +
            (since == null ? "" : ",\"tradingStateSince\":\"" + since + "\"") +
            (lift == null ? "" : ",\"howToLift\":\"" + escape(lift) + "\"");
    }

    /**
     * A strategy's run of rejections for one reason: {@code repeating} once it reaches
     * {@link RepeatedRejects#THRESHOLD}, the current run and the longest so far, each with its reason.
     */
    static String rejectsInARow(final RepeatedRejects runs)
    {
        final long current = runs.current();
        final long longest = runs.longest();
        return ",\"rejectsInARow\":{\"repeating\":" + (current >= RepeatedRejects.THRESHOLD) + ",\"count\":" + current +
            (current == 0 ? "" : ",\"reason\":\"" + runs.currentReason() + "\"") + ",\"longest\":" + longest +
            (longest == 0 ? "" : ",\"longestReason\":\"" + runs.longestReason() + "\"") +
            ",\"threshold\":" + RepeatedRejects.THRESHOLD + "}";
    }

    private static void respond(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    static String escape(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                sb.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                sb.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close()
    {
        server.close();
    }
}
