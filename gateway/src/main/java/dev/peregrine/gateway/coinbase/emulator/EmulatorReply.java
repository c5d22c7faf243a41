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

    /**
     * The venue's documented error body, {@code {"error", "code", "message", "details"}} ({@code code} the gRPC
     * status number of {@code error}), with the {@code error_details} line its answers also carry.
     */
    static EmulatorReply error(final int status, final String error, final String message)
    {
        return json(status, errorBody(error, message));
    }

    static Map<String, Object> errorBody(final String error, final String message)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("code", grpcCode(error));
        m.put("message", message);
        m.put("error_details", message);
        m.put("details", java.util.List.of());
        return m;
    }

    private static int grpcCode(final String error)
    {
        switch (error)
        {
            case "INVALID_ARGUMENT":
                return 3;
            case "NOT_FOUND":
                return 5;
            case "PERMISSION_DENIED":
                return 7;
            case "RATE_LIMIT_EXCEEDED":
                return 8;
            case "INTERNAL":
                return 13;
            case "UNAUTHENTICATED":
                return 16;
            default:
                return 2;
        }
    }

    EmulatorReply held(final long millis)
    {
        return new EmulatorReply(status, body, headers, Action.HOLD, millis);
    }
}
