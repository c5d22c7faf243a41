package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.feed.FeedListener;
import dev.peregrine.gateway.json.JsonScanner;
import dev.peregrine.gateway.ws.TextFrameDecoder;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Turns one Coinbase Advanced Trade market-data text frame into inbound ring events: one QUOTE per
 * {@code ticker} or {@code ticker_batch} entry, one TRADE per {@code market_trades} entry not seen before
 * (oldest first, marked {@link dev.peregrine.core.event.TradeFlags#SNAPSHOT} when its event is the
 * {@code snapshot} the venue sends on subscribe; see {@link SeenTradeIds} for the duplicates), one
 * BOOK_LEVEL per {@code l2_data} level ({@link Level2Decoder}), one CANDLE per {@code candles} entry and
 * one INSTRUMENT_INFO per known product of a {@code status} message. Runs on the connection's event
 * loop thread, which makes it the ring producer and the single writer of the {@link GatewayMetrics}.
 *
 * <p>Ticker and trade frames whose {@code channel} comes before {@code events} (every real one) are decoded
 * in a single validating pass: the envelope walk descends into {@code events} and decodes the entries
 * into scratch as it validates them ({@link InlineEntries}); they are published once the whole frame has
 * passed. Every other frame (level2, candles, status, unusual key order, more than
 * {@link InlineEntries#CAPACITY} entries) is validated once, then decoded once, both over the frame's
 * bytes in place. The envelope pass walks the
 * top-level object once, in whatever key order the venue chose, validating every value (so the whole
 * frame is known to be well-formed, and nothing of a malformed frame is ever published) and remembering
 * the spans of {@code channel}, {@code timestamp}, {@code sequence_num} and {@code events}. Then the
 * scanner is told the text is valid ({@link JsonScanner#trustValidated()}) and the entry pass
 * ({@link EntryPass}) descends into {@code events}, each event and its entries without skipping any container it then enters: every
 * byte of an entry is read by the validation and once more by the decoding, and the values the decoder
 * ignores are skipped by a fast scan that no longer checks what the validation checked.
 *
 * <p>Each entry is decoded into pre-allocated scratch fields and validated before a ring slot is
 * claimed. A slot, once claimed, must be published (the Disruptor has no "unclaim"), so decoding
 * straight into the slot would either publish half-filled events or need a "void" marker every consumer
 * must skip; copying a few longs from scratch costs far less than that.
 *
 * <p>{@code sequence_num} is one counter per connection across all channels; a jump is reported to the
 * {@link FeedListener} (which publishes FEED_GAP and has the client resubscribe) before the frame's own
 * events are published. Data channels also report each instrument they carried, for staleness.
 *
 * <p>Bad input never throws out of here: every defect is counted by {@link DropReason} and the frame, or
 * just the offending entry, is dropped. Nothing is allocated per frame.
 *
 * <p>Publishing (scratch to ring slot, duplicate trades, feed listener) is {@link CoinbaseEventPublisher}'s;
 * the entry pass over the frames not decoded inline is {@link EntryPass}'s (level2 events are
 * {@link Level2Decoder}'s), with the two-pass walk of large trade snapshots ({@link TradeEntryIndex}); the
 * scratch the passes and the publisher share is one {@link EntryScratch}. What stays here is the frame's
 * state machine: the envelope pass, the frame-level checks and their drop accounting, and the choice of
 * pass.
 */
public final class CoinbaseMarketDataDecoder implements TextFrameDecoder
{
    /** Large enough for the real level2 snapshots (5.1 MB for BTC-USD) with room to spare. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** Trade entries one frame may carry; a real snapshot lists 100. */
    static final int MAX_TRADES_PER_FRAME = 4096;

    private static final byte[] TICKERS = bytes("tickers");
    private static final byte[] TRADES = bytes("trades");
    private static final byte[] CANDLES = bytes("candles");
    private static final byte[] PRODUCTS = bytes("products");
    private static final byte[] UPDATES = bytes("updates");

    private static final int KIND_TICKER = CoinbaseEventPublisher.KIND_TICKER;
    private static final int KIND_TRADE = CoinbaseEventPublisher.KIND_TRADE;
    private static final int KIND_CANDLE = CoinbaseEventPublisher.KIND_CANDLE;
    private static final int KIND_STATUS = CoinbaseEventPublisher.KIND_STATUS;

    private final GatewayMetrics metrics;
    private final int maxFrameBytes;
    private final JsonScanner scanner = new JsonScanner();
    private final CoinbaseEnvelope envelope;
    private final InlineEntries entries;
    private final Level2Decoder level2;
    private FeedListener listener = FeedListener.NO_OP;

    private final CoinbaseEventPublisher publisher;
    /** A frame's trades by time, then trade id, for publishing oldest first. */
    private final OldestFirstOrder order = new OldestFirstOrder();
    private final EntryPass pass;

    private long lastSequence = -1;
    private int frameEvents;

    public CoinbaseMarketDataDecoder(
        final InstrumentRegistry registry, final RingBuffer<InboundEvent> ring, final GatewayMetrics metrics)
    {
        this(registry, ring, metrics, DEFAULT_MAX_FRAME_BYTES);
    }

    public CoinbaseMarketDataDecoder(
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics,
        final int maxFrameBytes)
    {
        if (registry == null || ring == null || metrics == null)
        {
            throw new NullPointerException("registry, ring and metrics are required");
        }
        if (maxFrameBytes <= 0)
        {
            throw new IllegalArgumentException("maxFrameBytes must be > 0, was " + maxFrameBytes);
        }
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
        this.entries = new InlineEntries(registry);
        this.envelope = new CoinbaseEnvelope(entries);
        this.level2 = new Level2Decoder(registry, ring, metrics);
        final EntryScratch scratch =
            new EntryScratch(entries, new CandleEntry(registry), new ProductStatusEntry(registry), order);
        this.publisher = new CoinbaseEventPublisher(ring, metrics, envelope, scratch, new SeenTradeIds(registry.size()));
        this.pass = new EntryPass(scanner, envelope, metrics, publisher, scratch);
    }

    /** Who hears about sequence gaps, data per instrument and completed snapshots; no-op by default. */
    public void listener(final FeedListener newListener)
    {
        this.listener = newListener == null ? FeedListener.NO_OP : newListener;
        level2.listener(this.listener);
        publisher.listener(this.listener);
    }

    /** A new connection starts a new {@code sequence_num} series: forget the previous one. */
    public void onConnected()
    {
        lastSequence = -1;
    }

    /** The last {@code sequence_num} seen on this connection, -1 before the first. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** The protocol is text only; a binary frame is counted and dropped. */
    @Override
    public void onBinaryFrame()
    {
        metrics.onFrameIn();
        metrics.onFrameDropped(DropReason.BINARY_FRAME);
    }

    /** A frame the transport refused to assemble because it exceeded its size limit. */
    @Override
    public void onOversizedFrame()
    {
        metrics.onFrameIn();
        metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
    }

    /** Decodes the text frame {@code buffer[offset, offset + length)} and publishes its events. */
    @Override
    public void decode(
        final byte[] buffer,
        final int offset,
        final int length,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final long startNanoTime = System.nanoTime();
        metrics.onFrameIn();
        decodeFrame(buffer, offset, length, receiveEpochNanos, receiveNanoTime);
        metrics.recordDecode(System.nanoTime() - startNanoTime);
    }

    private void decodeFrame(
        final byte[] buffer,
        final int offset,
        final int length,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        if (length > maxFrameBytes)
        {
            metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
            return;
        }
        scanner.wrap(buffer, offset, length);
        final DropReason envelopeProblem = envelope.read(scanner);
        if (envelopeProblem != null)
        {
            if (envelope.venueError)
            {
                metrics.onVenueError();
            }
            else
            {
                metrics.onFrameDropped(envelopeProblem);
            }
            return;
        }
        final CoinbaseChannel channel = CoinbaseChannel.of(buffer, envelope.channelStart, envelope.channelLength);
        final long exchangeTimeNanos = EpochNanos.parse(buffer, envelope.timestampStart, envelope.timestampLength);
        // The message arrived whatever its content: a channel added by the venue must not look like a gap.
        trackSequence(envelope.sequence);
        if (channel == null)
        {
            metrics.onFrameDropped(DropReason.UNKNOWN_CHANNEL);
            return;
        }
        if (exchangeTimeNanos == EpochNanos.INVALID)
        {
            metrics.onFrameDropped(DropReason.BAD_TIMESTAMP);
            return;
        }
        scanner.trustValidated();
        if (tooManyEntries(channel))
        {
            metrics.onFrameDropped(DropReason.TOO_MANY_ENTRIES);
            if (channel == CoinbaseChannel.L2_DATA)
            {
                // The book missed these levels: have it resynced, as after a lost message.
                listener.onSequenceGap(envelope.sequence, envelope.sequence);
            }
            return;
        }
        metrics.onFrameReceived(channel);
        metrics.recordLag(receiveEpochNanos - exchangeTimeNanos);
        frameEvents = 0;
        if (envelope.decodedInline)
        {
            publishInline(channel, channel == CoinbaseChannel.MARKET_TRADES ? KIND_TRADE : KIND_TICKER,
                exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
            metrics.onFrameOutcome(frameEvents > 0);
            return;
        }
        switch (channel)
        {
            case TICKER:
            case TICKER_BATCH:
                frameEvents += pass.entries(channel, TICKERS, KIND_TICKER, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                break;
            case MARKET_TRADES:
                frameEvents += pass.trades(receiveEpochNanos, receiveNanoTime);
                break;
            case CANDLES:
                frameEvents += pass.entries(channel, CANDLES, KIND_CANDLE, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                break;
            case STATUS:
                frameEvents += pass.entries(channel, PRODUCTS, KIND_STATUS, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                break;
            case L2_DATA:
                decodeLevel2(receiveEpochNanos, receiveNanoTime);
                break;
            default:
                break; // heartbeats, subscriptions: counted, no events
        }
        metrics.onFrameOutcome(frameEvents > 0);
    }

    /** More entries than {@link FrameEntryLimits} allows this channel (the inline path holds far fewer). */
    private boolean tooManyEntries(final CoinbaseChannel channel)
    {
        final byte[] key = entriesKey(channel);
        return key != null && !envelope.decodedInline &&
            FrameEntryLimits.exceeded(scanner, envelope.eventsStart, key, FrameEntryLimits.limit(channel),
                channel == CoinbaseChannel.L2_DATA);
    }

    private static byte[] entriesKey(final CoinbaseChannel channel)
    {
        switch (channel)
        {
            case TICKER:
            case TICKER_BATCH:
                return TICKERS;
            case MARKET_TRADES:
                return TRADES;
            case CANDLES:
                return CANDLES;
            case STATUS:
                return PRODUCTS;
            case L2_DATA:
                return UPDATES;
            default:
                return null;
        }
    }

    private void trackSequence(final long sequenceNum)
    {
        final long expected = lastSequence + 1;
        final boolean gap = lastSequence >= 0 && sequenceNum != expected;
        lastSequence = sequenceNum;
        if (gap)
        {
            metrics.onSequenceGap();
            listener.onSequenceGap(sequenceNum, expected);
        }
    }

    private void decodeLevel2(final long receiveEpochNanos, final long receiveNanoTime)
    {
        EventWalk.enterEvents(scanner, envelope.eventsStart);
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            frameEvents += level2.decodeEvent(scanner, envelope.sequence, receiveEpochNanos, receiveNanoTime);
        }
    }

    /** The entries the envelope pass decoded on its way through {@code events}, now that the frame passed. */
    private void publishInline(
        final CoinbaseChannel channel,
        final int kind,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final int count = entries.count;
        if (kind == KIND_TRADE)
        {
            // The venue lists a frame's trades newest first; the core must see them as they happened.
            for (int i = 0; i < count; i++)
            {
                order.set(i, entries.trades[i].timeNanos(), entries.trades[i].tradeId());
            }
            order.sort(count);
            for (int k = 0; k < count; k++)
            {
                frameEvents += publisher.trade(entries.trades[order.get(k)], receiveEpochNanos, receiveNanoTime);
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                frameEvents += publisher.entry(channel, kind, i, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
            }
        }
        entries.flushDrops(metrics);
    }

    /** Trades of the product dropped because their id had already been published (since this decoder was built). */
    public long duplicateTrades(final int instrumentId)
    {
        return publisher.duplicateTrades(instrumentId);
    }
}
