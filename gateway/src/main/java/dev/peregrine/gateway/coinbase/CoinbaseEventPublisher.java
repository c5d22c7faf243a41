package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.feed.FeedListener;

/**
 * The publishing half of {@link CoinbaseMarketDataDecoder}: copies a decoded, validated entry from its
 * scratch into a claimed ring slot, counts it, and tells the {@link FeedListener} which instrument had
 * data. Trades are published once per trade id and product ({@link SeenTradeIds}). Each method returns
 * the events it published (0 or 1), which the decoder adds up per frame. Decoder thread only (the ring
 * producer); no allocation.
 */
final class CoinbaseEventPublisher
{
    static final int KIND_TICKER = 0;
    static final int KIND_TRADE = 1;
    static final int KIND_CANDLE = 2;
    static final int KIND_STATUS = 3;

    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private final CoinbaseEnvelope envelope;
    private final EntryScratch scratch;
    private final SeenTradeIds seenTrades;
    private FeedListener listener = FeedListener.NO_OP;

    CoinbaseEventPublisher(final RingBuffer<InboundEvent> ring, final GatewayMetrics metrics, final CoinbaseEnvelope envelope,
        final EntryScratch scratch, final SeenTradeIds seenTrades)
    {
        this.ring = ring;
        this.metrics = metrics;
        this.envelope = envelope;
        this.scratch = scratch;
        this.seenTrades = seenTrades;
    }

    void listener(final FeedListener newListener)
    {
        listener = newListener;
    }

    /**
     * Publishes one decoded trade unless its id was already published for its product (a resnapshot after
     * a reconnect repeats trades the engine has), in which case {@link SeenTradeIds} counts it.
     */
    int trade(final TradeEntry trade, final long receiveEpochNanos, final long receiveNanoTime)
    {
        if (!seenTrades.firstSighting(trade.instrumentId(), trade.tradeId()))
        {
            return 0;
        }
        final long slot = ring.next();
        try
        {
            trade.copyTo(ring.get(slot), envelope.sequence, receiveEpochNanos, receiveNanoTime);
        }
        finally
        {
            // A claimed slot must always be published, or every consumer stalls behind it.
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished(CoinbaseChannel.MARKET_TRADES);
        listener.onData(trade.instrumentId(), receiveNanoTime);
        return 1;
    }

    /** Trades of the product dropped because their id had already been published (since this decoder was built). */
    long duplicateTrades(final int instrumentId)
    {
        return seenTrades.duplicates(instrumentId);
    }

    /** Publishes the entry held at {@code index} of the scratch of {@code kind} (0 unless decoded inline). */
    int entry(
        final CoinbaseChannel channel,
        final int kind,
        final int index,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final long slot = ring.next();
        final long venueSequence = envelope.sequence;
        try
        {
            scratch.copyTo(kind, index, ring.get(slot), venueSequence, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
        }
        finally
        {
            // A claimed slot must always be published, or every consumer stalls behind it.
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished(channel);
        if (kind == KIND_TICKER)
        {
            listener.onData(scratch.inline().tickers[index].instrumentId(), receiveNanoTime);
        }
        return 1;
    }
}
