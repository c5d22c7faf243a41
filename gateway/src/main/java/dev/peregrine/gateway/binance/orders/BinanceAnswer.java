package dev.peregrine.gateway.binance.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.peregrine.gateway.orders.RestStatus;

/**
 * One answer of Binance's REST API: how the request ended, Binance's error {@code code} when it refused it
 * ({@code {"code": -2010, "msg": "..."}}; 0 otherwise), and the JSON body (an object or an array; missing when
 * none came).
 */
public record BinanceAnswer(RestStatus status, int code, JsonNode json)
{
    /** {@code -2013}: the order does not exist (query), {@code -2011}: unknown order sent (cancel). */
    public static final int NO_SUCH_ORDER = -2013;
    public static final int CANCEL_REJECTED = -2011;

    public BinanceAnswer
    {
        json = json == null ? MissingNode.getInstance() : json;
    }

    /** A field of the body as text, or null when absent. */
    public String text(final String key)
    {
        return text(json, key);
    }

    static String text(final JsonNode object, final String key)
    {
        final JsonNode value = object.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
