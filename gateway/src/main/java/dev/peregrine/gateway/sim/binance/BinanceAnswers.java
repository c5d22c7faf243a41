package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * How the simulated Binance writes REST answers: JSON bodies, and errors in the venue's documented shape
 * {@code {"code":-1121,"msg":"Invalid symbol."}} with the HTTP status the venue gives them (400 for a bad request).
 */
public final class BinanceAnswers
{
    /** One mapper for every answer: Jackson's defaults keep field order as built. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private BinanceAnswers()
    {
    }

    /** A 200 answer whose body is {@code value} as JSON. */
    public static BinanceHttpAnswer ok(final Object value)
    {
        try
        {
            return new BinanceHttpAnswer(200, Map.of(), JSON.writeValueAsString(value));
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write an answer as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /** A 200 answer with a body already in JSON. */
    public static BinanceHttpAnswer okJson(final String json)
    {
        return new BinanceHttpAnswer(200, Map.of(), json);
    }

    /** A 400 with a Binance error code ({@code -1121}) and its message. */
    public static BinanceHttpAnswer badRequest(final int code, final String message)
    {
        return error(400, code, message);
    }

    /** An answer with {@code status} and the body {@code {"code":code,"msg":message}}. */
    public static BinanceHttpAnswer error(final int status, final int code, final String message)
    {
        return new BinanceHttpAnswer(status, Map.of(), "{\"code\":" + code + ",\"msg\":" + quoted(message) + "}");
    }

    private static String quoted(final String text)
    {
        try
        {
            return JSON.writeValueAsString(text);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
