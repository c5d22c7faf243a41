package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST answer of the emulator, and what the connection does with it: answer now, hold it (a time-out
 * fault) or drop the connection without answering.
 */
record EmulatorReply(int status, String body, Map<String, String> headers, Action action, long holdMillis)
{
    enum Action
    {
        ANSWER, HOLD, DROP
    }

    static EmulatorReply json(final int status, final Object body)
    {
        return new EmulatorReply(status, CoinbaseJson.write(body), Map.of(), Action.ANSWER, 0);
    }

    /** The venue's error body: {@code {"error": ..., "message": ...}}. */
    static EmulatorReply error(final int status, final String error, final String message)
    {
        return json(status, errorBody(error, message));
    }

    static Map<String, Object> errorBody(final String error, final String message)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    EmulatorReply held(final long millis)
    {
        return new EmulatorReply(status, body, headers, Action.HOLD, millis);
    }
}
