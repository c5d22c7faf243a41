package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;

/**
 * Where the assembly reaches the venues: feeds, the live venue, the demo's simulated exchanges and {@code peregrine
 * sim}'s simulator with its order emulator come from the {@link VenueRegistry} by the venue's name, so ops names no
 * venue's classes.
 */
final class VenueWiring
{
    private VenueWiring()
    {
    }

    private static final VenueRegistry VENUES = VenueRegistry.standard();

    /** The venue's simulated exchange (a replayed capture or a generated market), not started; null for a real venue. */
    static DemoExchange simulatedExchange(final EngineOptions options)
    {
        if (options.marketDataUrl() != null)
        {
            return null;
        }
        if (options.replay() != null)
        {
            return options.replay().serve();
        }
        return VENUES.venue(options.venue()).generated(options.settings().products(), options.seed(), options.tradesPerSecond());
    }

    /** Market data from the real venue at {@link EngineOptions#marketDataUrl()}. */
    static MarketDataFeed feed(final EngineOptions options)
    {
        return VENUES.venue(options.venue()).marketData(options.marketDataUrl(), options.restUrl(), options.settings().products());
    }

    /** The venue's simulated exchange with its order emulator ({@code sim}): a replayed capture or a generated market. */
    static VenueSimulator simulator(final String venue, final SimulatorSettings settings)
    {
        return VENUES.venue(venue).simulator(settings);
    }

    /** Where orders go when the settings say live; null for the paper venue. */
    static LiveVenue liveVenue(final EngineOptions options)
    {
        if (!options.settings().liveVenue())
        {
            return null;
        }
        return VENUES.venue(options.venue()).liveVenue(options.restUrl(), options.userChannelUrl(), options.apiKeyName(),
            options.apiSecret(), "configuration", options.keyFiles());
    }
}
