package dev.peregrine.gateway.sim.binance;

import java.util.Map;

/**
 * Where a REST request to the simulated Binance goes: the market endpoints are weighed against the IP's request
 * weight limit and answered by {@link BinanceMarketRest}; every other request goes to the plugged-in trading API
 * ({@link BinanceApiExtension}), and what neither serves is a 404. Every answer carries the used-weight headers.
 * Event loop only.
 */
final class BinanceRestRouter
{
    private final BinanceMarketRest market;
    private final BinanceApiExtension extension;
    private final RequestWeightLimit weights;

    /** @param extension the trading API, or null for a market-data-only exchange. */
    BinanceRestRouter(final BinanceMarketRest market, final BinanceApiExtension extension, final RequestWeightLimit weights)
    {
        this.market = market;
        this.extension = extension;
        this.weights = weights;
    }

    BinanceHttpAnswer route(final BinanceHttpRequest request)
    {
        final String ip = request.remoteAddress();
        final int weight = BinanceMarketRest.weight(request);
        if (weight >= 0)
        {
            final BinanceHttpAnswer refused = weights.admit(ip, weight);
            return weights.withHeaders(ip, refused != null ? refused : market.answer(request));
        }
        final BinanceHttpAnswer answer = extension == null ? null : extension.answer(request);
        return weights.withHeaders(ip, answer != null ? answer :
            new BinanceHttpAnswer(404, Map.of(), "{\"code\":-1000,\"msg\":\"Not found: " + request.method() + " " +
                request.path().replaceAll("[^A-Za-z0-9/_.-]", "?") + "\"}"));
    }
}
