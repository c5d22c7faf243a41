package dev.peregrine.gateway.binance.sim;

import dev.peregrine.gateway.venue.VenueUsageException;

import java.net.URI;
import java.util.function.IntSupplier;

/**
 * Where a Binance-protocol simulator serves everything on one port (REST, market streams, user data), as
 * {@code peregrine sim} reports it: its start with a port in use turned into a usage error naming the option, and the
 * URLs under the advertised host (an IPv6 literal in brackets). Shared by spot Binance's and USD-M's simulators.
 */
public final class OnePortSimulator
{
    private final String bind;
    private final String hostName;
    private final int requestedPort;
    private final IntSupplier boundPort;

    /**
     * @param requestedPort the {@code --market-data-port} asked for (0: any free one).
     * @param boundPort     the port the exchange listens on, once started.
     */
    public OnePortSimulator(final String bind, final String hostName, final int requestedPort, final IntSupplier boundPort)
    {
        this.bind = bind;
        this.hostName = hostName;
        this.requestedPort = requestedPort;
        this.boundPort = boundPort;
    }

    /**
     * Runs {@code start}; when it cannot bind, runs {@code close} and throws naming the option.
     *
     * @throws VenueUsageException "--market-data-port: cannot listen on BIND:PORT (reason)".
     */
    public void start(final Runnable start, final Runnable close)
    {
        try
        {
            start.run();
        }
        catch (final IllegalStateException ex)
        {
            close.run();
            throw new VenueUsageException("--market-data-port: cannot listen on " + bind + ":" + requestedPort + " (" +
                (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()) + ")");
        }
    }

    /** {@code ws://host:port}: market streams, and the user data streams on the same host. */
    public URI streamUrl()
    {
        return URI.create("ws://" + uriHost() + ":" + boundPort.getAsInt());
    }

    /** {@code http://host:port}. */
    public URI restUrl()
    {
        return URI.create("http://" + uriHost() + ":" + boundPort.getAsInt());
    }

    private String uriHost()
    {
        return hostName.indexOf(':') >= 0 && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName;
    }
}
