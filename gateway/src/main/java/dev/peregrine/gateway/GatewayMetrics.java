package dev.peregrine.gateway;

import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.gateway.coinbase.CoinbaseChannel;

/**
 * Counters of one market-data connection. The single writer is the Netty event loop thread that runs
 * the connection (decoder and channel handler); the ops sidecar reads them from any thread through the
 * plain getters, iterating {@link CoinbaseChannel#values()} and {@link DropReason#values()}.
 *
 * <p>Counters are pre-allocated per enum constant and indexed by ordinal, so counting on the hot path
 * is an array load and a release store: no map, no boxing.
 */
public final class GatewayMetrics
{
    private final SingleWriterCounter[] framesReceived = counters("frames_received", CoinbaseChannel.values());
    private final SingleWriterCounter[] framesNotHandled = counters("frames_not_handled", CoinbaseChannel.values());
    private final SingleWriterCounter[] framesDropped = counters("frames_dropped", DropReason.values());
    private final SingleWriterCounter[] entriesDropped = counters("entries_dropped", DropReason.values());
    private final SingleWriterCounter eventsPublished = new SingleWriterCounter("events_published");
    private final SingleWriterCounter sequenceGaps = new SingleWriterCounter("sequence_gaps");
    private final SingleWriterCounter connects = new SingleWriterCounter("connects");
    private final SingleWriterCounter disconnects = new SingleWriterCounter("disconnects");

    private static SingleWriterCounter[] counters(final String name, final Enum<?>[] keys)
    {
        final SingleWriterCounter[] counters = new SingleWriterCounter[keys.length];
        for (int i = 0; i < keys.length; i++)
        {
            counters[i] = new SingleWriterCounter(name + "." + keys[i].name().toLowerCase(java.util.Locale.ROOT));
        }
        return counters;
    }

    // ---- writer side: the event loop thread only ----

    public void onFrameReceived(final CoinbaseChannel channel)
    {
        framesReceived[channel.ordinal()].increment();
        if (!channel.decoded())
        {
            framesNotHandled[channel.ordinal()].increment();
        }
    }

    public void onFrameDropped(final DropReason reason)
    {
        framesDropped[reason.ordinal()].increment();
    }

    public void onEntryDropped(final DropReason reason)
    {
        entriesDropped[reason.ordinal()].increment();
    }

    public void onEventPublished()
    {
        eventsPublished.increment();
    }

    public void onSequenceGap()
    {
        sequenceGaps.increment();
    }

    public void onConnect()
    {
        connects.increment();
    }

    public void onDisconnect()
    {
        disconnects.increment();
    }

    // ---- reader side: any thread ----

    /** Frames whose envelope parsed, by channel (control and not-yet-handled channels included). */
    public long framesReceived(final CoinbaseChannel channel)
    {
        return framesReceived[channel.ordinal()].get();
    }

    /** Frames of channels the gateway receives but does not decode yet ({@link CoinbaseChannel#decoded()}). */
    public long framesNotHandled(final CoinbaseChannel channel)
    {
        return framesNotHandled[channel.ordinal()].get();
    }

    /** Whole frames dropped: bad envelope, unknown channel, binary, oversized. */
    public long framesDropped(final DropReason reason)
    {
        return framesDropped[reason.ordinal()].get();
    }

    /** Single entries (a ticker, a trade) dropped from an otherwise good frame. */
    public long entriesDropped(final DropReason reason)
    {
        return entriesDropped[reason.ordinal()].get();
    }

    /** Sum of {@link #framesDropped} over all reasons; for tests and health checks. */
    public long framesDroppedTotal()
    {
        long total = 0;
        for (final SingleWriterCounter counter : framesDropped)
        {
            total += counter.get();
        }
        return total;
    }

    /** Sum of {@link #entriesDropped} over all reasons; for tests and health checks. */
    public long entriesDroppedTotal()
    {
        long total = 0;
        for (final SingleWriterCounter counter : entriesDropped)
        {
            total += counter.get();
        }
        return total;
    }

    public long eventsPublished()
    {
        return eventsPublished.get();
    }

    /** Times {@code sequence_num} did not follow the previous frame's on the same connection. */
    public long sequenceGaps()
    {
        return sequenceGaps.get();
    }

    public long connects()
    {
        return connects.get();
    }

    public long disconnects()
    {
        return disconnects.get();
    }
}
