package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.decisions.DecisionFormat;
import dev.peregrine.ops.engine.CommandPublication;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /admin/} on the health port. Every call needs {@code Authorization: Bearer <token>}, compared
 * exactly and in constant time ({@link BearerToken}); a missing or wrong token gets 401 and is counted. {@code POST
 * /admin/pause|resume|reduce|flatten|kill} publishes the command into the ring as an inbound event, so it
 * is journaled before the core acts and a replay sees it at the same point; {@code GET /admin/status}
 * answers with the trading state, open orders, positions and PnL. Bad requests get 400 with a reason,
 * never a stack trace.
 */
public final class AdminApi
{
    private final LiveEngine engine;
    private final byte[] token;
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong commandsAccepted = new AtomicLong();
    /** The status page's parts (see {@link #attachStatusPage}); none until it is installed. */
    private volatile Supplier<String> overview;
    private volatile Predicate<HttpExchange> sessionAuthorizes = exchange -> false;

    private AdminApi(final LiveEngine engine, final String token)
    {
        this.engine = engine;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Adds {@code /admin/} to {@code server}. */
    public static AdminApi install(final BoundedHttpServer server, final LiveEngine engine, final String token)
    {
        if (token == null || token.length() < 16)
        {
            throw new IllegalArgumentException("the admin token must be at least 16 characters");
        }
        final AdminApi api = new AdminApi(engine, token);
        server.createContext("/admin/", api::handle);
        return api;
    }

    /**
     * Serves {@code GET /admin/overview} from {@code overview} and accepts, besides the bearer token, a request that
     * {@code sessionAuthorizes} (the status page's session cookie, with its CSRF token on a POST): the page's
     * commands then take this API's path, journaled like any other.
     */
    public void attachStatusPage(final Supplier<String> overview, final Predicate<HttpExchange> sessionAuthorizes)
    {
        this.overview = overview;
        this.sessionAuthorizes = sessionAuthorizes;
    }

    public long unauthorized()
    {
        return unauthorized.get();
    }

    public long commandsAccepted()
    {
        return commandsAccepted.get();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            try
            {
                route(exchange);
            }
            catch (final RuntimeException ex)
            {
                // Never a stack trace to the client: the type names the failure well enough to report it.
                JsonReply.error(exchange, 500, "internal error (" + ex.getClass().getSimpleName() + ")");
            }
        }
    }

    /** The longest admin POST body accepted: commands take no parameters, so anything large is a mistake. */
    private static final int MAX_BODY_BYTES = 4096;

    private void route(final HttpExchange exchange) throws IOException
    {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization")) && !sessionAuthorizes.test(exchange))
        {
            unauthorized.incrementAndGet();
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            JsonReply.error(exchange, 401, "missing or wrong bearer token");
            return;
        }
        final String action = exchange.getRequestURI().getPath().substring("/admin/".length());
        final String method = exchange.getRequestMethod();
        if ("status".equals(action))
        {
            if (!"GET".equals(method))
            {
                JsonReply.error(exchange, 405, "use GET for /admin/status");
                return;
            }
            JsonReply.send(exchange, 200, status());
            return;
        }
        if ("overview".equals(action) && overview != null)
        {
            if (!"GET".equals(method))
            {
                JsonReply.error(exchange, 405, "use GET for /admin/overview");
                return;
            }
            JsonReply.send(exchange, 200, overview.get());
            return;
        }
        if ("decisions".equals(action))
        {
            if (!"GET".equals(method))
            {
                JsonReply.error(exchange, 405, "use GET for /admin/decisions");
                return;
            }
            final DecisionsQuery query;
            try
            {
                query = DecisionsQuery.parse(exchange.getRequestURI().getRawQuery());
            }
            catch (final IllegalArgumentException ex)
            {
                JsonReply.error(exchange, 400, ex.getMessage());
                return;
            }
            final String body;
            try
            {
                body = query.run(engine.journal().dir(), new DecisionFormat(engine.settings()));
            }
            catch (final JournalException ex)
            {
                JsonReply.error(exchange, 500, ex.getMessage());
                return;
            }
            JsonReply.send(exchange, 200, body);
            return;
        }
        if ("positions".equals(action) || "orders".equals(action))
        {
            if (!"GET".equals(method))
            {
                JsonReply.error(exchange, 405, "use GET for /admin/" + action);
                return;
            }
            try
            {
                JsonReply.send(exchange, 200, "positions".equals(action) ? AdminViews.positions(engine) :
                    AdminViews.orders(engine, exchange.getRequestURI().getRawQuery()));
            }
            catch (final IllegalArgumentException ex)
            {
                JsonReply.error(exchange, 400, ex.getMessage());
            }
            catch (final JournalException ex)
            {
                JsonReply.error(exchange, 500, ex.getMessage());
            }
            return;
        }
        final int code = CommandCode.of(action);
        if (code == 0)
        {
            JsonReply.error(exchange, 400, "unknown admin command '" + action +
                "' (use GET status, overview, positions, orders, decisions; POST pause, resume, reduce, flatten, kill)");
            return;
        }
        if (!"POST".equals(method))
        {
            JsonReply.error(exchange, 405, "use POST for /admin/" + action);
            return;
        }
        final byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES)
        {
            JsonReply.error(exchange, 400, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        final String text = new String(body, StandardCharsets.UTF_8);
        final String problem = text.isBlank() ? null : JsonSyntax.objectProblem(text);
        if (problem != null)
        {
            JsonReply.error(exchange, 400, problem);
            return;
        }
        final String refusal = code == CommandCode.RESUME ? resumeRefusal() : null;
        if (refusal != null)
        {
            JsonReply.send(exchange, 409, JsonOutput.compact(JsonOutput.object().put("command", "resume")
                .put("accepted", false).put("tradingState", currentState().name()).put("reason", refusal)));
            return;
        }
        final CommandPublication published;
        try
        {
            published = engine.publishCommand(code);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            JsonReply.error(exchange, 503, "interrupted while publishing the command; it was not accepted");
            return;
        }
        if (published == CommandPublication.NOT_RUNNING)
        {
            JsonReply.error(exchange, 503, "the engine is not running");
            return;
        }
        if (published == CommandPublication.RING_FULL)
        {
            JsonReply.error(exchange, 503, "the input ring stayed full for 1 s; the command was not accepted, retry");
            return;
        }
        commandsAccepted.incrementAndGet();
        JsonReply.send(exchange, 202, JsonOutput.compact(JsonOutput.object().put("command", action).put("accepted", true)));
    }

    private TradingState currentState()
    {
        return engine.tradingSwitch().isHalted() ? TradingState.HALTED :
            TradingState.values()[(int)engine.coreMetrics().tradingState.get()];
    }

    /**
     * Why a resume would not resume, or null when it would. The core leaves a resume in REDUCING while a
     * loss limit holds (see {@code TradingStateMachine}); saying so here, with the numbers and what lifts
     * it, beats a 202 after which nothing changes. Read from the core's published metrics.
     */
    private String resumeRefusal()
    {
        if (engine.tradingSwitch().isHalted())
        {
            return "the engine halted itself (" + engine.tradingSwitch().reason() + "); a resume cannot lift that: " +
                "fix the cause and restart";
        }
        final CoreMetrics m = engine.coreMetrics();
        if (TradingState.values()[(int)m.tradingState.get()] != TradingState.REDUCING)
        {
            return null;
        }
        final RiskLimits limits = engine.settings().risk();
        final long holds = m.lossLimitHolds.get();
        if (holds == CoreMetrics.LOSS_LIMIT_DAILY)
        {
            return String.format(Locale.ROOT, "the daily loss limit holds: the day's PnL is %.2f, the limit -%.2f " +
                "(risk.daily_loss_limit); trading stays REDUCING (only orders that reduce a position) until the trading " +
                "day rolls over in %s, then POST /admin/resume", m.dayPnl.get(), limits.dailyLossLimit, limits.zone);
        }
        if (holds == CoreMetrics.LOSS_LIMIT_DRAWDOWN)
        {
            return String.format(Locale.ROOT, "the trailing drawdown limit holds: equity is %.2f below the day's peak, " +
                "the limit %.2f (risk.trailing_drawdown_limit); trading stays REDUCING (only orders that reduce a " +
                "position) until the trading day rolls over in %s, then POST /admin/resume", m.drawdown.get(),
                limits.trailingDrawdownLimit, limits.zone);
        }
        return null;
    }

    private boolean authorized(final String header)
    {
        return BearerToken.matches(token, header);
    }

    private String status()
    {
        final CoreMetrics m = engine.coreMetrics();
        final TradingState state = TradingState.values()[(int)m.tradingState.get()];
        final ObjectNode json = JsonOutput.object()
            .put("tradingState", (engine.tradingSwitch().isHalted() ? TradingState.HALTED : state).name());
        HealthEndpoint.putTradingState(json, engine);
        json.put("openOrders", m.openOrders.get())
            .put("orders", m.orders.get())
            .put("fills", m.fills.get())
            .put("cancels", m.cancels.get())
            .put("commands", m.commands.get())
            .putRawValue("realizedPnl", JsonOutput.fixed(m.realizedPnl.get(), 2))
            .putRawValue("unrealizedPnl", JsonOutput.fixed(m.unrealizedPnl.get(), 2));
        final ObjectNode positions = json.putObject("positions");
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            positions.putRawValue(products.get(i), JsonOutput.fixed(m.positions[i].get(), 8));
        }
        StrategyPnlJson.put(json, engine.results().pnlTable());
        StatisticsJson.put(json, engine.results().statistics());
        return JsonOutput.compact(json);
    }
}
