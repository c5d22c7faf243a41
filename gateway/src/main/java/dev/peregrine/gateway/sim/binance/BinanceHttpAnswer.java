package dev.peregrine.gateway.sim.binance;

import java.util.Map;

/**
 * A REST answer of the simulated Binance.
 *
 * @param status  the HTTP status.
 * @param headers extra headers ({@code x-mbx-used-weight-1m}, {@code retry-after}); content type is always JSON.
 * @param body    the JSON body.
 */
public record BinanceHttpAnswer(int status, Map<String, String> headers, String body)
{
}
