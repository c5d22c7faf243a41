package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.gateway.sim.binance.BinanceApiExtension;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

/**
 * How the USD-M market side plugs into the spot simulator's one port: its {@code /fapi/v1} market endpoints
 * ({@link UsdmMarketRest}) come first, everything else goes on to the trading API ({@code binanceusdm/emulator}),
 * if one is plugged in. Event loop only.
 */
final class UsdmMarketApi implements BinanceApiExtension
{
    private final UsdmMarketRest rest;
    private final BinanceApiExtension trading;

    /** @param trading the trading API, or null for a market-data-only exchange. */
    UsdmMarketApi(final UsdmMarketRest rest, final BinanceApiExtension trading)
    {
        this.rest = rest;
        this.trading = trading;
    }

    @Override
    public BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer market = rest.answer(request);
        return market != null || trading == null ? market : trading.answer(request);
    }

    @Override
    public boolean servesUserStream(final String name)
    {
        return trading != null && trading.servesUserStream(name);
    }

    @Override
    public void openUserStream(final String name, final UserStreamSink sink)
    {
        trading.openUserStream(name, sink);
    }

    @Override
    public void closeUserStream(final String name, final UserStreamSink sink)
    {
        trading.closeUserStream(name, sink);
    }

    @Override
    public void onMarket(final String symbol, final BinanceMarketView market)
    {
        if (trading != null)
        {
            trading.onMarket(symbol, market);
        }
    }

    @Override
    public String webSocketApiPath()
    {
        return trading == null ? null : trading.webSocketApiPath();
    }

    @Override
    public void openApiSession(final UserStreamSink sink)
    {
        trading.openApiSession(sink);
    }

    @Override
    public void onApiRequest(final UserStreamSink sink, final String text)
    {
        trading.onApiRequest(sink, text);
    }

    @Override
    public void closeApiSession(final UserStreamSink sink)
    {
        trading.closeApiSession(sink);
    }
}
