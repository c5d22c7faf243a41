package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Turns one Coinbase Advanced Trade market-data text frame into inbound ring events: one QUOTE per
 * {@code ticker} entry, one TRADE per {@code market_trades} entry. Runs on the connection's event loop
 * thread, which makes it the ring producer and the single writer of the {@link GatewayMetrics}.
 *
 * <p>Two passes, both over the frame's bytes in place. The envelope pass walks the top-level object
 * once, in whatever key order the venue chose, validating every value (so {@code events} is known to be
 * well-formed) and remembering the spans of {@code channel}, {@code timestamp}, {@code sequence_num} and
 * {@code events}. Only then, with the channel known, the entry pass walks {@code events} again.
 *
 * <p>Each entry is decoded into pre-allocated scratch fields ({@link TickerEntry}, {@link TradeEntry})
 * and validated before a ring slot is claimed. A slot, once claimed, must be published (the Disruptor
 * has no "unclaim"), so decoding straight into the slot would either publish half-filled events or need
 * a "void" marker every consumer must skip; copying seven longs from scratch costs far less than that.
 *
 * <p>Bad input never throws out of here: every defect is counted by {@link DropReason} and the frame, or
 * just the offending entry, is dropped. Nothing is allocated per frame.
 */
public final class CoinbaseMarketDataDecoder
{
    /** Large enough for the real level2 snapshots (5.1 MB for BTC-USD) with room to spare. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private static final byte[] TICKERS = bytes("tickers");
    private static final byte[] TRADES = bytes("trades");

    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private final int maxFrameBytes;
    private final JsonScanner scanner = new JsonScanner();
    private final CoinbaseEnvelope envelope = new CoinbaseEnvelope();
    private final TickerEntry ticker;
    private final TradeEntry trade;

    private long lastSequence = -1;

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
        this.ring = ring;
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
        this.ticker = new TickerEntry(registry);
        this.trade = new TradeEntry(registry);
    }

    /** A new connection starts a new {@code sequence_num} series: forget the previous one. */
    public void onConnected()
    {
        lastSequence = -1;
    }

    /** The protocol is text only; a binary frame is counted and dropped. */
    public void onBinaryFrame()
    {
        metrics.onFrameDropped(DropReason.BINARY_FRAME);
    }

    /** A frame the transport refused to assemble because it exceeded its size limit. */
    public void onOversizedFrame()
    {
        metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
    }

    /** Decodes the text frame {@code buffer[offset, offset + length)} and publishes its events. */
    public void decode(
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
            metrics.onFrameDropped(envelopeProblem);
            return;
        }
        // The message arrived whatever its content: a channel added by the venue must not look like a gap.
        trackSequence(envelope.sequence);
        final CoinbaseChannel channel = CoinbaseChannel.of(buffer, envelope.channelStart, envelope.channelLength);
        if (channel == null)
        {
            metrics.onFrameDropped(DropReason.UNKNOWN_CHANNEL);
            return;
        }
        final long exchangeTimeNanos = EpochNanos.parse(buffer, envelope.timestampStart, envelope.timestampLength);
        if (exchangeTimeNanos == EpochNanos.INVALID)
        {
            metrics.onFrameDropped(DropReason.BAD_TIMESTAMP);
            return;
        }
        metrics.onFrameReceived(channel);
        if (channel == CoinbaseChannel.TICKER)
        {
            decodeEntries(TICKERS, true, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
        }
        else if (channel == CoinbaseChannel.MARKET_TRADES)
        {
            decodeEntries(TRADES, false, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
        }
    }

    private void trackSequence(final long sequenceNum)
    {
        if (lastSequence >= 0 && sequenceNum != lastSequence + 1)
        {
            // Recovery (resubscribe, fresh snapshot) is a later step; for now the gap is made visible.
            metrics.onSequenceGap();
        }
        lastSequence = sequenceNum;
    }

    /**
     * Walks {@code events[]} and, inside each event, its {@code entriesKey} array. The envelope pass has
     * already validated this JSON, so the walk cannot meet a syntax error; only content is checked here.
     */
    private void decodeEntries(
        final byte[] entriesKey,
        final boolean tickers,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        scanner.position(envelope.eventsStart);
        scanner.enterArray();
        while (scanner.nextElement() == JsonScanner.ITEM)
        {
            final int afterEvent = scanner.position();
            if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
            {
                metrics.onEntryDropped(DropReason.WRONG_TYPE);
                continue;
            }
            scanner.position(scanner.valueStart());
            scanner.enterObject();
            int entriesStart = -1;
            boolean entriesAreArray = false;
            while (scanner.nextMember() == JsonScanner.ITEM)
            {
                if (scanner.keyEquals(entriesKey))
                {
                    entriesStart = scanner.valueStart();
                    entriesAreArray = scanner.valueKind() == JsonScanner.KIND_ARRAY;
                }
            }
            if (entriesStart < 0)
            {
                metrics.onEntryDropped(DropReason.MISSING_FIELD);
            }
            else if (!entriesAreArray)
            {
                metrics.onEntryDropped(DropReason.WRONG_TYPE);
            }
            else
            {
                scanner.position(entriesStart);
                scanner.enterArray();
                while (scanner.nextElement() == JsonScanner.ITEM)
                {
                    final int afterEntry = scanner.position();
                    scanner.position(scanner.valueStart());
                    final DropReason problem = tickers ? ticker.decode(scanner) : trade.decode(scanner);
                    scanner.position(afterEntry);
                    if (problem != null)
                    {
                        metrics.onEntryDropped(problem);
                    }
                    else
                    {
                        publish(tickers, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                    }
                }
            }
            scanner.position(afterEvent);
        }
    }

    private void publish(
        final boolean tickers,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final long slot = ring.next();
        try
        {
            final InboundEvent event = ring.get(slot);
            if (tickers)
            {
                ticker.copyTo(event, envelope.sequence, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
            }
            else
            {
                trade.copyTo(event, envelope.sequence, receiveEpochNanos, receiveNanoTime);
            }
        }
        finally
        {
            // A claimed slot must always be published, or every consumer stalls behind it.
            ring.publish(slot);
        }
        metrics.onEventPublished();
    }
}
