package dev.peregrine.gateway.venue;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link MarketDataFeed} that is one venue client: built and started by {@link #start}, asked whether it is
 * connected, closed by {@link #close}. Each venue's feed says how its client is built and read; the lifecycle
 * (nothing to ask before the start, an idempotent close) is the same for every venue, so it lives here once.
 *
 * @param <C> the venue's market-data client.
 */
public abstract class ClientFeed<C extends AutoCloseable> implements MarketDataFeed
{
    private final Consumer<C> starter;
    private final Predicate<C> connected;
    private C client;

    /**
     * @param starter   connects and subscribes the client built by {@link #create}.
     * @param connected whether the client's connection is up now.
     */
    protected ClientFeed(final Consumer<C> starter, final Predicate<C> connected)
    {
        this.starter = starter;
        this.connected = connected;
    }

    /** Builds, not starts, the venue's client for {@code ring} and {@code instruments}. */
    protected abstract C create(RingBuffer<InboundEvent> ring, InstrumentRegistry instruments);

    /** The started client; null before {@link #start}. */
    protected final C client()
    {
        return client;
    }

    /** The client is kept before it starts, so that {@link #close} closes one whose start failed half-way. */
    @Override
    public final void start(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        client = create(ring, instruments);
        starter.accept(client);
    }

    @Override
    public final boolean isConnected()
    {
        return client != null && connected.test(client);
    }

    @Override
    public final void close()
    {
        if (client != null)
        {
            try
            {
                client.close();
            }
            catch (final RuntimeException ex)
            {
                throw ex;
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("closing the " + venue() + " market-data client failed", ex);
            }
        }
    }
}
