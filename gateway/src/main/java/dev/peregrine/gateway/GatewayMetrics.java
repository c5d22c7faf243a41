package dev.peregrine.gateway;

import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.gateway.coinbase.CoinbaseChannel;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Counters of one market-data connection. The single writer is the Netty event loop thread that runs
 * the connection (decoder and channel handler); the ops sidecar reads them from any thread through the
 * plain getters, iterating {@link CoinbaseChannel#values()} and {@link DropReason#values()}.
 *
 * <p>Counters are pre-allocated per enum constant and indexed by ordinal, so counting on the hot path
 * is an array load and a release store: no map, no boxing.
 *
 * <p>Frame accounting: every text frame handed to the decoder counts once in {@link #framesIn()} and
 * ends in exactly one of {@link #framesDecoded()} (it published at least one event),
 * {@link #framesWithoutEvents()} (a good envelope that published nothing: control channels, empty or
 * all-bad entries), {@link #framesDroppedTotal()} (refused whole) or {@link #venueErrors()} (a venue
 * {@code {"type":"error"}} message).
 *
 * <p>Histograms are HdrHistogram {@link SingleWriterRecorder}s written on the event loop; the sidecar
 * swaps interval histograms out of them ({@code getIntervalHistogram}) without blocking the writer.
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
    private final SingleWriterCounter[] eventsByChannel = counters("events_published", CoinbaseChannel.values());
    private final SingleWriterCounter framesIn = new SingleWriterCounter("frames_in");
    private final SingleWriterCounter framesDecoded = new SingleWriterCounter("frames_decoded");
    private final SingleWriterCounter framesWithoutEvents = new SingleWriterCounter("frames_without_events");
    private final SingleWriterCounter venueErrors = new SingleWriterCounter("venue_errors");
    private final SingleWriterCounter reconnects = new SingleWriterCounter("reconnects");
    private final SingleWriterCounter reconnectAttempts = new SingleWriterCounter("reconnect_attempts");
    private final SingleWriterCounter resubscribes = new SingleWriterCounter("resubscribes");
    private final SingleWriterCounter staleEpisodes = new SingleWriterCounter("stale_episodes");
    private final SingleWriterCounter feedGapsPublished = new SingleWriterCounter("feed_gaps_published");
    private final SingleWriterCounter feedRecoveredPublished = new SingleWriterCounter("feed_recovered_published");
    private final SingleWriterCounter staleInstruments = new SingleWriterCounter("stale_instruments");
    private final SingleWriterCounter recoveringInstruments = new SingleWriterCounter("recovering_instruments");
    private final SingleWriterCounter connectionState = new SingleWriterCounter("connection_state");

    /** Highest value the histograms track: one minute, far above any sane lag or decode time. */
    public static final long MAX_TRACKABLE_NANOS = 60_000_000_000L;

    /**
     * Exchange-to-receive lag per message: receive time (epoch, from the connection's
     * {@code EpochClock}) minus the envelope's {@code timestamp}. Clock skew can make it negative;
     * those are recorded as 0 and counted in {@link #negativeLags()}.
     */
    public final SingleWriterRecorder lagNanos = new SingleWriterRecorder(MAX_TRACKABLE_NANOS, 3);
    /** Time to decode one frame and publish its events (ring waits included), per frame. */
    public final SingleWriterRecorder decodeNanos = new SingleWriterRecorder(MAX_TRACKABLE_NANOS, 3);
    private final SingleWriterCounter negativeLags = new SingleWriterCounter("negative_lags");

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

    /** One event of {@code channel} published (the total {@link #eventsPublished()} counts it too). */
    public void onEventPublished(final CoinbaseChannel channel)
    {
        eventsPublished.increment();
        eventsByChannel[channel.ordinal()].increment();
    }

    public void onFrameIn()
    {
        framesIn.increment();
    }

    /** A frame of a known channel ended: with events ({@code decoded}) or without. */
    public void onFrameOutcome(final boolean decoded)
    {
        (decoded ? framesDecoded : framesWithoutEvents).increment();
    }

    public void onVenueError()
    {
        venueErrors.increment();
    }

    public void onReconnect()
    {
        reconnects.increment();
    }

    public void onReconnectAttempt()
    {
        reconnectAttempts.increment();
    }

    public void onResubscribe()
    {
        resubscribes.increment();
    }

    public void onStaleEpisode()
    {
        staleEpisodes.increment();
    }

    public void onFeedGapPublished()
    {
        feedGapsPublished.increment();
    }

    public void onFeedRecovered()
    {
        feedRecoveredPublished.increment();
    }

    public void setInstrumentHealth(final int stale, final int recovering)
    {
        staleInstruments.set(stale);
        recoveringInstruments.set(recovering);
    }

    /** One of the {@code ConnectionState} ordinals of the client. */
    public void setConnectionState(final int state)
    {
        connectionState.set(state);
    }

    public void recordLag(final long lagNanosValue)
    {
        if (lagNanosValue < 0)
        {
            negativeLags.increment();
        }
        lagNanos.recordValue(Math.min(Math.max(lagNanosValue, 0), MAX_TRACKABLE_NANOS));
    }

    public void recordDecode(final long nanos)
    {
        decodeNanos.recordValue(Math.min(Math.max(nanos, 0), MAX_TRACKABLE_NANOS));
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

    /** Events published from frames of {@code channel}. */
    public long eventsPublished(final CoinbaseChannel channel)
    {
        return eventsByChannel[channel.ordinal()].get();
    }

    /** Text frames handed to the decoder. */
    public long framesIn()
    {
        return framesIn.get();
    }

    /** Frames that published at least one event. */
    public long framesDecoded()
    {
        return framesDecoded.get();
    }

    /** Frames with a good envelope of a known channel that published nothing. */
    public long framesWithoutEvents()
    {
        return framesWithoutEvents.get();
    }

    /** {@code {"type":"error","message":...}} messages from the venue (e.g. a refused subscription). */
    public long venueErrors()
    {
        return venueErrors.get();
    }

    /** Connections re-established after a loss. */
    public long reconnects()
    {
        return reconnects.get();
    }

    /** Reconnection attempts, successful or not. */
    public long reconnectAttempts()
    {
        return reconnectAttempts.get();
    }

    /** Level2 resubscriptions made to recover from a sequence gap. */
    public long resubscribes()
    {
        return resubscribes.get();
    }

    /** FEED_STALE events published: one per episode per instrument. */
    public long staleEpisodes()
    {
        return staleEpisodes.get();
    }

    public long feedGapsPublished()
    {
        return feedGapsPublished.get();
    }

    public long feedRecoveredPublished()
    {
        return feedRecoveredPublished.get();
    }

    /** Instruments stale right now. */
    public long staleInstruments()
    {
        return staleInstruments.get();
    }

    /** Instruments waiting for a snapshot or for data after a gap or a lost connection. */
    public long recoveringInstruments()
    {
        return recoveringInstruments.get();
    }

    /** Ordinal of the client's {@code ConnectionState}. */
    public long connectionState()
    {
        return connectionState.get();
    }

    /** Lags below zero (the venue's clock ahead of ours), recorded as 0 in {@link #lagNanos}. */
    public long negativeLags()
    {
        return negativeLags.get();
    }
}
