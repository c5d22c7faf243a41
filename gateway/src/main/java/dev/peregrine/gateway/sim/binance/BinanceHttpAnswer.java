package dev.peregrine.gateway.sim.binance;

import java.util.Map;

/**
 * A REST answer of the simulated Binance.
 *
 * @param status         the HTTP status.
 * @param headers        extra headers ({@code x-mbx-used-weight-1m}, {@code retry-after}); content type is always JSON.
 * @param body           the JSON body.
 * @param holdMillis     how long the exchange waits before writing the answer (an injected time-out: the request
 *                       was processed, its answer comes late); 0 answers at once.
 * @param dropConnection true when the exchange closes the connection instead of answering (an injected fault).
 */
public record BinanceHttpAnswer(int status, Map<String, String> headers, String body, long holdMillis,
    boolean dropConnection)
{
    /** An answer written at once. */
    public BinanceHttpAnswer(final int status, final Map<String, String> headers, final String body)
    {
        this(status, headers, body, 0, false);
    }

    /** No answer at all: the connection is closed. */
    public static BinanceHttpAnswer dropped()
    {
        return new BinanceHttpAnswer(0, Map.of(), "", 0, true);
    }

    /** This answer, written {@code millis} later. */
    public BinanceHttpAnswer held(final long millis)
    {
        return new BinanceHttpAnswer(status, headers, body, millis, dropConnection);
    }
}
