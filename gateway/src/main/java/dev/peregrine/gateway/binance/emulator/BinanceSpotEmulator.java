package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceApiExtension;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.util.function.LongSupplier;

/**
 * The emulated Binance spot trading API, plugged into the simulated exchange: signed REST calls and the user data
 * stream. (The seam only, so far: it serves nothing yet.)
 */
public final class BinanceSpotEmulator implements BinanceApiExtension
{
    private final BinanceEmulatorKey key;
    private final LongSupplier epochMillis;

    public BinanceSpotEmulator(final BinanceEmulatorKey key, final LongSupplier epochMillis)
    {
        this.key = key;
        this.epochMillis = epochMillis;
    }

    @Override
    public BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        return null;
    }

    @Override
    public boolean servesUserStream(final String name)
    {
        return false;
    }

    @Override
    public void openUserStream(final String name, final UserStreamSink sink)
    {
    }

    @Override
    public void closeUserStream(final String name, final UserStreamSink sink)
    {
    }

    @Override
    public void onMarket(final String symbol, final BinanceMarketView market)
    {
    }
}
