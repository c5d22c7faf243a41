package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The live requests a market-stream client may send, as documented: {@code SUBSCRIBE}, {@code UNSUBSCRIBE},
 * {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY} and {@code GET_PROPERTY} of {@code combined}, each answered
 * {@code {"result":..,"id":n}}, and the documented error frames ({@code code} 0 to 3) for a bad one. Loop thread only.
 */
final class BinanceStreamRequests
{
    private static final String METHODS = "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private final int maxStreams;

    BinanceStreamRequests(final int maxStreams)
    {
        this.maxStreams = maxStreams;
    }

    /** The answer to one text frame of {@code session}. */
    String answer(final BinanceSimSession session, final String text)
    {
        final JsonNode request;
        try
        {
            request = BinanceAnswers.JSON.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            return error(3, "Invalid JSON: expected value at line " + ex.getLocation().getLineNr() + " column " +
                ex.getLocation().getColumnNr(), null);
        }
        if (request == null || !request.isObject())
        {
            return error(3, "Invalid JSON: expected value at line 1 column 1", null);
        }
        final JsonNode id = request.get("id");
        if (id == null || !(id.isNull() || id.canConvertToLong() && id.isIntegralNumber() ||
            id.isTextual() && id.asText().matches("[A-Za-z0-9]{1,36}")))
        {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        final JsonNode method = request.get("method");
        if (method == null)
        {
            return error(2, "Invalid request: missing field `method`", id);
        }
        final JsonNode params = request.get("params");
        return switch (method.asText())
        {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> change(session, "SUBSCRIBE".equals(method.asText()), params, id);
            case "LIST_SUBSCRIPTIONS" -> {
                final ArrayNode names = BinanceAnswers.JSON.createArrayNode();
                session.subscriptions().forEach(names::add);
                yield result(names, id);
            }
            case "SET_PROPERTY", "GET_PROPERTY" -> property(session, "SET_PROPERTY".equals(method.asText()), params, id);
            default -> error(2, "Invalid request: unknown variant " + method + ", expected one of " + METHODS, id);
        };
    }

    private String change(final BinanceSimSession session, final boolean subscribe, final JsonNode params, final JsonNode id)
    {
        if (params == null || !params.isArray())
        {
            return error(2, "Invalid request: params must be an array of stream names", id);
        }
        final List<String> names = new ArrayList<>();
        for (final JsonNode name : params)
        {
            if (!name.isTextual())
            {
                return error(2, "Invalid request: stream name must be a string", id);
            }
            names.add(name.asText());
        }
        if (!subscribe)
        {
            session.unsubscribe(names);
        }
        else if (!session.subscribe(names, maxStreams))
        {
            return error(2, "Invalid request: a connection can listen to at most " + maxStreams + " streams", id);
        }
        return result(null, id);
    }

    private static String property(final BinanceSimSession session, final boolean set, final JsonNode params, final JsonNode id)
    {
        if (params == null || !params.isArray() || params.size() != (set ? 2 : 1))
        {
            return error(2, "Invalid request: " + (params != null && params.isArray() && params.size() > (set ? 2 : 1) ?
                "too many parameters" : "property name must be a string"), id);
        }
        if (!params.get(0).isTextual())
        {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!"combined".equals(params.get(0).asText()))
        {
            return error(0, "Unknown property", id);
        }
        if (!set)
        {
            return result(BinanceAnswers.JSON.getNodeFactory().booleanNode(session.combined()), id);
        }
        if (!params.get(1).isBoolean())
        {
            return error(1, "Invalid value type: expected Boolean", id);
        }
        session.combined(params.get(1).asBoolean());
        return result(null, id);
    }

    private static String result(final JsonNode result, final JsonNode id)
    {
        final ObjectNode answer = BinanceAnswers.JSON.createObjectNode();
        answer.set("result", result);
        answer.set("id", id);
        return answer.toString();
    }

    private static String error(final int code, final String message, final JsonNode id)
    {
        final ObjectNode answer = BinanceAnswers.JSON.createObjectNode().put("code", code).put("msg", message);
        if (id != null)
        {
            answer.set("id", id);
        }
        return answer.toString();
    }
}
