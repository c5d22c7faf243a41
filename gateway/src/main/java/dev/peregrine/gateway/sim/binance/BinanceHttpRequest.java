package dev.peregrine.gateway.sim.binance;

import java.util.List;
import java.util.Map;

/**
 * One REST request to the simulated Binance, as a {@link BinanceApiExtension} reads it.
 *
 * @param method        {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}.
 * @param path          the path without the query ({@code /api/v3/order}).
 * @param query         the query string's parameters, decoded, in order.
 * @param headers       request headers, names in lower case.
 * @param body          the body as sent (form-encoded parameters for Binance's signed calls), empty if none.
 * @param rawQuery      the query string exactly as sent (what a signature covers), empty if none.
 * @param remoteAddress the client's IP, for per-IP limits.
 */
public record BinanceHttpRequest(String method, String path, Map<String, List<String>> query,
    Map<String, String> headers, String body, String rawQuery, String remoteAddress)
{
}
