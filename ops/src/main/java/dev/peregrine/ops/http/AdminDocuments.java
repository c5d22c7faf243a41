package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.ops.engine.LiveEngine;

/**
 * The admin API's JSON pieces, for the status page's overview ({@code dev.peregrine.ops.http.ui}): the same
 * forms {@code /admin/status}, {@code /health}, {@code /admin/positions}, and {@code /admin/orders}
 * answer with, so the page and the API never disagree on a field.
 */
public final class AdminDocuments
{
    private AdminDocuments()
    {
    }

    /** {@code pnlNote}, {@code pnlByStrategy}, {@code pnlByStrategyAndProduct} and {@code pnlTotal}, as /admin/status. */
    public static void putPnl(final ObjectNode json, final LiveEngine engine)
    {
        StrategyPnlJson.put(json, engine.results().pnlTable());
    }

    /** {@code tradingStateReason}, {@code tradingStateSince} and {@code howToLift}, as /health. */
    public static void putTradingState(final ObjectNode json, final LiveEngine engine)
    {
        HealthEndpoint.putTradingState(json, engine);
    }

    /** A strategy's {@code rejectsInARow}, as /health. */
    public static void putRejectsInARow(final ObjectNode json, final StrategyRunner runner)
    {
        HealthEndpoint.putRejectsInARow(json, runner.repeatedRejects());
    }

    /** The body of {@code GET /admin/positions}. */
    public static String positions(final LiveEngine engine)
    {
        return AdminViews.positions(engine);
    }

    /** The body of {@code GET /admin/orders?limit=N}. */
    public static String openOrders(final LiveEngine engine, final int limit)
    {
        return AdminViews.orders(engine, "limit=" + limit);
    }
}
