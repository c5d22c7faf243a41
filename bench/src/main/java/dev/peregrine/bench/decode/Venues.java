package dev.peregrine.bench.decode;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.util.List;

/** The instrument registries the decoder benchmark and its test share. */
public final class Venues
{
    private Venues()
    {
    }

    /** The two products of the Coinbase capture, as the engine registers them. */
    public static InstrumentRegistry coinbase()
    {
        return VenueRegistry.standard().catalog().registryFor(List.of("BTC-USD", "ETH-USD"));
    }

    /**
     * Binance's symbol as it appears in the frames. Peregrine's Binance decoder may map it to an engine
     * symbol of its own; the baselines only need an id to look up, which costs the same either way.
     */
    public static InstrumentRegistry binance()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register("BTCUSDT", 1_000_000L, 1_000L); // tick 0.01, lot 0.00001, as scaled longs
        return registry;
    }
}
